import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Room } from "../db/generated/client";
import { AppError } from "../errors";
import { outsiderLookup } from "./outsider-lookup";
import { readSnapshot } from "./room-command";
import { canManageRoom } from "./room-access";

/**
 * Who may look at a room: its players and managers always; anyone else (with the code) only
 * while a seat is free to take. Otherwise the room answers as if it did not exist. Outsiders'
 * look-ups are limited (outsiderLookup: RATE_LIMITED past the limit of codes that led nowhere).
 */
export async function findVisibleRoom(code: string, user: SessionUser): Promise<Room & { seats: { userId: string | null }[] }> {
  const room = await db().room.findUnique({ where: { code }, include: { seats: { select: { userId: true } } } });
  if (room && (room.seats.some((s) => s.userId === user.id) || canManageRoom(user, room))) return room;
  return outsiderLookup(user, async () => {
    const joinable = room && room.seats.some((s) => s.userId === null) && room.phase !== "FINISHED" && room.phase !== "ABANDONED";
    if (!joinable) throw new AppError("NOT_FOUND", "No room with that code.");
    return room;
  });
}

/** The room's snapshot for this user. */
export async function getRoom(code: string, user: SessionUser): Promise<RoomSnapshot> {
  const room = await findVisibleRoom(code, user);
  return readSnapshot(room.id);
}

/**
 * The room, if `user` has a seat in it (or manages it: then `seat` is null). Anyone else gets
 * NOT_SEATED while a public room has a free seat (they see it in the lobby), and otherwise
 * NOT_FOUND, as for a missing room: a private room's existence is told to an outsider only by
 * the look-ups that count (findVisibleRoom, joining).
 */
export async function findSeatedRoom(code: string, user: SessionUser) {
  const room = await db().room.findUnique({ where: { code }, include: { seats: true } });
  if (!room) throw new AppError("NOT_FOUND", "No room with that code.");
  const seat = room.seats.find((s) => s.userId === user.id);
  if (!seat) {
    if (canManageRoom(user, room)) return { room, seat: null };
    const joinable = room.visibility === "PUBLIC" && room.seats.some((s) => s.userId === null);
    throw joinable ? new AppError("NOT_SEATED") : new AppError("NOT_FOUND", "No room with that code.");
  }
  return { room, seat };
}
