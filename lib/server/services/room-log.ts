import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { canManageRoom } from "./room-access";

export interface RoomLogEntry {
  phase: string;
  round: number;
  reason: string;
  enteredAt: string;
  leftAt: string | null;
  actor: { id: string; nickname: string } | null;
}

/** A room's phase log, oldest first: every phase, why it began, and who caused it (managers of the room). */
export async function getRoomLog(code: string, user: SessionUser): Promise<RoomLogEntry[]> {
  const room = await db().room.findUnique({ where: { code } });
  if (!room || !canManageRoom(user, room)) throw new AppError("NOT_FOUND", "No room with that code.");
  const rows = await db().phaseLog.findMany({ where: { roomId: room.id }, orderBy: [{ enteredAt: "asc" }, { id: "asc" }], include: { actor: { select: { id: true, nickname: true } } } });
  return rows.map((r) => ({ phase: r.phase, round: r.round, reason: r.reason, enteredAt: r.enteredAt.toISOString(), leftAt: r.leftAt?.toISOString() ?? null, actor: r.actor }));
}
