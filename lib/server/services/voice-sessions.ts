import { randomUUID } from "node:crypto";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

/** Whether `userId` sits in room `code` (a signal may only go to a player of the same room). */
export async function isSeatedIn(code: string, userId: string): Promise<boolean> {
  return (await db().seat.count({ where: { userId, room: { code } } })) > 0;
}

/** The record written only if the player sits in the room: the seat check and the insert are one statement. */
const OPEN_VOICE_SESSION_SQL = `
INSERT INTO "VoiceSession" ("id", "roomId", "userId")
SELECT $3, s."roomId", s."userId"
FROM "Seat" s JOIN "Room" r ON r."id" = s."roomId"
WHERE r."code" = $1 AND s."userId" = $2
LIMIT 1
RETURNING "id"`;

/**
 * Opens a voice session record for a player joining the mesh; NOT_FOUND when the player does
 * not sit in the room. One round trip: the join is on the path of every voice set-up.
 */
export async function openVoiceSession(user: Pick<SessionUser, "id">, code: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(OPEN_VOICE_SESSION_SQL, code, user.id, randomUUID());
  if (!rows[0]) throw new AppError("NOT_FOUND", "You are not a player of that room.");
  return rows[0].id;
}

/** Closes a voice session record (idempotent). */
export async function closeVoiceSession(sessionId: string): Promise<void> {
  await db().voiceSession.updateMany({ where: { id: sessionId, leftAt: null }, data: { leftAt: new Date() } });
}

/** Closes every open voice session of a player in a room (they were dropped from its mesh). */
export async function closeVoiceSessionsOf(code: string, userId: string): Promise<void> {
  await db().voiceSession.updateMany({ where: { userId, leftAt: null, room: { code } }, data: { leftAt: new Date() } });
}
