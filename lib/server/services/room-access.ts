import type { SessionUser } from "../auth/session";
import { db } from "../db";
import type { Room } from "../db/generated/client";

/** The host, an admin, or the facilitator who created the room may manage it (advance, release, end). */
export function canManageRoom(user: Pick<SessionUser, "id" | "role">, room: Pick<Room, "hostId" | "createdById">): boolean {
  if (user.role === "ADMIN") return true;
  if (room.hostId === user.id) return true;
  return user.role === "FACILITATOR" && room.createdById === user.id;
}

/** Whether `user` sits in room `code` or may manage it (one read). */
export async function isRoomMember(code: string, user: Pick<SessionUser, "id" | "role">): Promise<boolean> {
  const room = await db().room.findUnique({ where: { code }, select: { hostId: true, createdById: true, seats: { where: { userId: user.id }, select: { seat: true } } } });
  return !!room && (room.seats.length > 0 || canManageRoom(user, room));
}
