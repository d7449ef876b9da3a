import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { emitToRoom } from "../realtime/emitter";
import { runRoomCommand } from "./room-command";

/**
 * Records that a seated player's last connection to a room dropped, or that they are back.
 * The seat is kept through the grace period; the domain pauses the room after it. Answers the
 * room's snapshot as it is now.
 */
export async function setPresence(code: string, userId: string, connected: boolean): Promise<RoomSnapshot> {
  const { changed, snapshot } = await runRoomCommand(code, { userId: null, scope: "presence" }, () => ({ type: connected ? "reconnect" : "disconnect", userId }));
  if (changed) emitToRoom(code, "room:presence", { userId, connected });
  return snapshot;
}
