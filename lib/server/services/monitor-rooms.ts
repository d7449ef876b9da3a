import { isOver, PHASES } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { readSnapshot } from "./room-command";

/**
 * The rooms a facilitator's monitor shows: every room they opened that is not over (an admin
 * sees every such room), newest first, as snapshots — seats, phase, who is away, who has
 * answered, when the phase began.
 */
export async function listMonitoredRooms(user: SessionUser): Promise<RoomSnapshot[]> {
  if (user.role !== "FACILITATOR" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "The monitor is for facilitators.");
  const rooms = await db().room.findMany({
    where: { phase: { in: PHASES.filter((p) => !isOver(p)) }, ...(user.role === "ADMIN" ? {} : { createdById: user.id }) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true },
  });
  const out: RoomSnapshot[] = [];
  for (const r of rooms) out.push(await readSnapshot(r.id));
  return out;
}
