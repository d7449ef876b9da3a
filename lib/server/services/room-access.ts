import type { SessionUser } from "../auth/session";
import type { Room } from "../db/generated/client";

/** The host, an admin, or the facilitator who created the room may manage it (advance, release, end). */
export function canManageRoom(user: Pick<SessionUser, "id" | "role">, room: Pick<Room, "hostId" | "createdById">): boolean {
  if (user.role === "ADMIN") return true;
  if (room.hostId === user.id) return true;
  return user.role === "FACILITATOR" && room.createdById === user.id;
}
