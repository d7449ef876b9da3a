import { db } from "../db";

export interface RoomListing {
  code: string;
  title: string | null;
  scenario: { id: string; title: string; locale: string };
  seatsTaken: number;
  players: string[];
  createdAt: string;
}

/** Public rooms still waiting for players, with a free seat, newest first. */
export async function listPublicRooms(): Promise<RoomListing[]> {
  const rooms = await db().room.findMany({
    where: { visibility: "PUBLIC", phase: "WAITING", seats: { some: { userId: null } } },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { scenario: { select: { id: true, title: true, locale: true } }, seats: { include: { user: { select: { nickname: true } } } } },
  });
  return rooms.map((r) => ({
    code: r.code,
    title: r.title,
    scenario: r.scenario,
    seatsTaken: r.seats.filter((s) => s.userId).length,
    players: r.seats.filter((s) => s.user).map((s) => s.user!.nickname),
    createdAt: r.createdAt.toISOString(),
  }));
}
