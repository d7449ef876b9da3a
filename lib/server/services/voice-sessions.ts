import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

/** The room if `user` is seated in it; NOT_FOUND otherwise (the voice mesh is for its three players only). */
export async function requireSeatInRoom(code: string, userId: string) {
  const seat = await db().seat.findFirst({ where: { userId, room: { code } }, include: { room: { select: { id: true, phase: true } } } });
  if (!seat) throw new AppError("NOT_FOUND", "You are not a player of that room.");
  return seat.room;
}

/** Whether `userId` sits in room `code` (a signal may only go to a player of the same room). */
export async function isSeatedIn(code: string, userId: string): Promise<boolean> {
  return (await db().seat.count({ where: { userId, room: { code } } })) > 0;
}

/** Opens a voice session record for a player joining the mesh. */
export async function openVoiceSession(user: Pick<SessionUser, "id">, code: string): Promise<string> {
  const room = await requireSeatInRoom(code, user.id);
  const row = await db().voiceSession.create({ data: { roomId: room.id, userId: user.id } });
  return row.id;
}

/** Closes a voice session record (idempotent). */
export async function closeVoiceSession(sessionId: string): Promise<void> {
  await db().voiceSession.updateMany({ where: { id: sessionId, leftAt: null }, data: { leftAt: new Date() } });
}
