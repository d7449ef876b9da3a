import type { ResearchRoomsQuery } from "@/lib/validation/research";
import { db } from "../db";
import { roomWhere } from "../research/load";
import type { ResearchRoomListItem } from "@/lib/domain/research-views";

export type { ResearchRoomListItem };

/**
 * Rooms matching the filters, newest first, `limit` at a time; `nextCursor` (the last id of
 * this page) asks for the next page and is null on the last one. Nothing about the people in
 * them: room details go through `getResearchRoom`.
 */
export async function listResearchRooms({ filters, cursor, limit }: ResearchRoomsQuery): Promise<{ rooms: ResearchRoomListItem[]; nextCursor: string | null }> {
  const rows = await db().room.findMany({
    where: roomWhere(filters),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    include: {
      scenario: { select: { id: true, slug: true, title: true, locale: true } },
      _count: { select: { seats: { where: { userId: { not: null } } } } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    rooms: page.map((r) => ({
      id: r.id,
      code: r.code,
      scenario: r.scenario,
      visibility: r.visibility === "PUBLIC" ? "public" : "private",
      isResearch: r.isResearch,
      isTest: r.isTest,
      phase: r.phase,
      round: r.round,
      totalRounds: r.totalRounds,
      completed: r.phase === "FINISHED",
      seatsTaken: r._count.seats,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
