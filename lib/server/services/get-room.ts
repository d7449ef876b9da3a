import { isOpenToNewcomers, lobbyView, type RoomSnapshot } from "@/lib/domain/snapshot";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Room } from "../db/generated/client";
import { AppError } from "../errors";
import { outsiderLookup } from "./outsider-lookup";
import { readSnapshot } from "./room-command";
import { canManageRoom } from "./room-access";

/**
 * Who may look at a room: its players and managers always; anyone else (with the code) only
 * while a seat is free to take. Someone who opens the link of a room whose seats are all taken
 * is told so (ROOM_FULL, or GAME_STARTED once its game has begun) and sees nothing of it; an
 * ended room answers as if it did not exist (NOT_FOUND). Outsiders' look-ups are limited
 * (outsiderLookup: RATE_LIMITED past the limit of codes that led to no room they may join).
 */
export async function findVisibleRoom(code: string, user: SessionUser): Promise<Room & { seats: { userId: string | null }[] }> {
  const room = await db().room.findUnique({ where: { code }, include: { seats: { select: { userId: true } } } });
  if (room && (room.seats.some((s) => s.userId === user.id) || canManageRoom(user, room))) return room;
  return outsiderLookup(user, async () => {
    if (!room) throw new AppError("NOT_FOUND", "No room with that code.");
    const isOver = room.phase === "FINISHED" || room.phase === "ABANDONED";
    if (room.seats.some((s) => s.userId === null) && !isOver) return room;
    if (isOver) throw new AppError("NOT_FOUND", "No room with that code.");
    throw room.phase === "WAITING"
      ? new AppError("ROOM_FULL", "Every seat in this room is taken.")
      : new AppError("GAME_STARTED", "The game has started and every seat is taken.");
  });
}

/**
 * What `user` may see of a room in this state: all of it as its player or manager (`member`),
 * its lobby view while a seat is free (`viewer`), or nothing (null: the room is not there for them).
 */
export function roomViewFor(user: Pick<SessionUser, "id" | "role">, snapshot: RoomSnapshot): { kind: "member" | "viewer"; snapshot: RoomSnapshot } | null {
  if (snapshot.seats.some((s) => s.userId === user.id) || canManageRoom(user, snapshot)) return { kind: "member", snapshot };
  return isOpenToNewcomers(snapshot) ? { kind: "viewer", snapshot: lobbyView(snapshot) } : null;
}

/** The room's snapshot as this user may see it (roomViewFor); NOT_FOUND when they may not. */
export async function getRoom(code: string, user: SessionUser): Promise<RoomSnapshot> {
  const room = await findVisibleRoom(code, user);
  const view = roomViewFor(user, await readSnapshot(room.id));
  if (!view) throw new AppError("NOT_FOUND", "No room with that code.");
  return view.snapshot;
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

/** A room's current snapshot by its code (no access check: the server's own use); null when there is no such room. */
export async function readRoomByCode(code: string): Promise<RoomSnapshot | null> {
  const room = await db().room.findUnique({ where: { code }, select: { id: true } });
  return room ? readSnapshot(room.id) : null;
}
