import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { findSeatedRoom } from "./get-room";

/** The caller's private notes for a room ("" when none). */
export async function getMemo(code: string, user: SessionUser): Promise<{ text: string; updatedAt: string | null }> {
  const { room } = await findSeatedRoom(code, user);
  const memo = await db().memo.findUnique({ where: { roomId_userId: { roomId: room.id, userId: user.id } } });
  return { text: memo?.text ?? "", updatedAt: memo?.updatedAt.toISOString() ?? null };
}

/** Saves the caller's private notes for a room they sit in (last write wins). */
export async function saveMemo(code: string, user: SessionUser, text: string): Promise<{ savedAt: string }> {
  const { room, seat } = await findSeatedRoom(code, user);
  if (!seat) throw new AppError("NOT_SEATED");
  const memo = await db().memo.upsert({
    where: { roomId_userId: { roomId: room.id, userId: user.id } },
    create: { roomId: room.id, userId: user.id, text },
    update: { text },
  });
  return { savedAt: memo.updatedAt.toISOString() };
}
