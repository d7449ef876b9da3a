import { maskProfanity } from "@/lib/domain/profanity";
import type { ChatMessagePayload } from "@/lib/realtime-events";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { emitToRoom } from "../realtime/emitter";
import { findSeatedRoom } from "./get-room";

/** Stores a chat message (profanity masked) with its round and phase, and sends it to the room. */
export async function sendChat(code: string, user: SessionUser, text: string): Promise<ChatMessagePayload> {
  const { room, seat } = await findSeatedRoom(code, user);
  if (!seat) throw new AppError("NOT_SEATED");
  if (room.phase === "FINISHED" || room.phase === "ABANDONED") throw new AppError("GAME_OVER");
  const masked = maskProfanity(text);
  const row = await db().chatMessage.create({
    data: { roomId: room.id, userId: user.id, round: room.round, phase: room.phase, text: masked.text, isMasked: masked.masked },
  });
  const message: ChatMessagePayload = { id: row.id, userId: user.id, nickname: user.nickname, text: row.text, at: row.createdAt.toISOString() };
  emitToRoom(code, "chat:message", message);
  return message;
}

/** The room's chat so far, oldest first (players and managers of the room). */
export async function listChat(code: string, user: SessionUser, limit = 200): Promise<ChatMessagePayload[]> {
  const { room } = await findSeatedRoom(code, user);
  const rows = await db().chatMessage.findMany({ where: { roomId: room.id }, orderBy: { createdAt: "desc" }, take: limit, include: { user: { select: { nickname: true } } } });
  return rows.reverse().map((r) => ({ id: r.id, userId: r.userId, nickname: r.user.nickname, text: r.text, at: r.createdAt.toISOString() }));
}
