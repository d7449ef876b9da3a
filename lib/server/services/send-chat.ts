import { randomUUID } from "node:crypto";
import { isOver } from "@/lib/domain/game";
import { maskProfanity } from "@/lib/domain/profanity";
import type { ChatMessagePayload } from "@/lib/realtime-events";
import type { SessionUser } from "../auth/session";
import { db, statement } from "../db";
import { AppError } from "../errors";
import { emitToRoom } from "../realtime/emitter";
import { findSeatedRoom } from "./get-room";

/**
 * The message stored in one statement, only if the sender sits in the room and the game is not
 * over; with the sender's nickname as it is stored now, and the room's round and phase. The
 * sender's seat notes that they were heard (seat-activity.ts: the check-in).
 */
const SEND_SQL = `
  WITH target AS (
    SELECT r."id" AS "roomId", r."round", r."phase", u."nickname"
    FROM "Room" r
    JOIN "Seat" s ON s."roomId" = r."id" AND s."userId" = $2
    JOIN "User" u ON u."id" = $2
    WHERE r."code" = $1 AND r."phase" NOT IN ('FINISHED', 'ABANDONED') -- not isOver(phase)
  ), added AS (
    INSERT INTO "ChatMessage" ("id", "roomId", "userId", "round", "phase", "text", "isMasked", "createdAt")
    SELECT $3, "roomId", $2, "round", "phase", $4, $5, (to_timestamp($6::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3) FROM target
    RETURNING "id"
  ), heard AS (
    UPDATE "Seat" SET "activeAt" = (to_timestamp($6::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3)
    WHERE "roomId" = (SELECT "roomId" FROM target) AND "userId" = $2
    RETURNING 1
  )
  SELECT a."id", t."nickname" FROM added a, target t`;

/**
 * Stores a chat message (profanity masked) with its round and phase, and sends it to the room.
 * One statement checks the seat and stores it; only a refused message reads the room to say why.
 */
export async function sendChat(code: string, user: SessionUser, text: string): Promise<ChatMessagePayload> {
  const masked = maskProfanity(text);
  // Milliseconds, as the column keeps them.
  const at = new Date(Date.now());
  const [row] = await statement<{ id: string; nickname: string }>(SEND_SQL, [code, user.id, randomUUID(), masked.text, masked.masked, at.getTime()]);
  if (!row) return sendChatRefused(code, user, masked);
  return announce(code, { id: row.id, userId: user.id, nickname: row.nickname, text: masked.text, at: at.toISOString() });
}

/** Sends a stored message to the room's sockets; answers it. */
function announce(code: string, message: ChatMessagePayload): ChatMessagePayload {
  emitToRoom(code, "chat:message", message);
  return message;
}

/** Why a message was not stored (NOT_FOUND, NOT_SEATED, GAME_OVER); or, seated since, it is stored now. */
async function sendChatRefused(code: string, user: SessionUser, masked: { text: string; masked: boolean }): Promise<ChatMessagePayload> {
  const { room, seat } = await findSeatedRoom(code, user);
  if (!seat) throw new AppError("NOT_SEATED");
  if (isOver(room.phase)) throw new AppError("GAME_OVER");
  const row = await db().chatMessage.create({
    data: { roomId: room.id, userId: user.id, round: room.round, phase: room.phase, text: masked.text, isMasked: masked.masked },
    include: { user: { select: { nickname: true } } },
  });
  return announce(code, { id: row.id, userId: user.id, nickname: row.user.nickname, text: row.text, at: row.createdAt.toISOString() });
}

/** The room's chat so far, oldest first (players and managers of the room). */
export async function listChat(code: string, user: SessionUser, limit = 200): Promise<ChatMessagePayload[]> {
  const { room } = await findSeatedRoom(code, user);
  const rows = await db().chatMessage.findMany({ where: { roomId: room.id }, orderBy: { createdAt: "desc" }, take: limit, include: { user: { select: { nickname: true } } } });
  return rows.reverse().map((r) => ({ id: r.id, userId: r.userId, nickname: r.user.nickname, text: r.text, at: r.createdAt.toISOString() }));
}

/** The messages of room `code` written since `since`, oldest first (at most `limit`; the server's own use). */
export async function chatSince(code: string, since: Date, limit = 200): Promise<ChatMessagePayload[]> {
  const rows = await db().chatMessage.findMany({ where: { room: { code }, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, take: limit, include: { user: { select: { nickname: true } } } });
  return rows.map((r) => ({ id: r.id, userId: r.userId, nickname: r.user.nickname, text: r.text, at: r.createdAt.toISOString() }));
}
