import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { OpenRoomsInput } from "@/lib/validation/custom-game";
import { openRoomsSchema } from "@/lib/validation/custom-game";
import type { SessionUser } from "../auth/session";
import { createRoom } from "./create-room";
import { getCustomGame } from "./custom-games";

/** Opens `count` rooms from one of the caller's custom games (e.g. one per group of a class). */
export async function openRoomsFromGame(user: SessionUser, code: string, input: OpenRoomsInput): Promise<RoomSnapshot[]> {
  const { count, visibility, titlePrefix, settings, isResearch, isTest } = openRoomsSchema.parse(input);
  const game = await getCustomGame(user, code);
  const rooms: RoomSnapshot[] = [];
  for (let i = 1; i <= count; i++) {
    const title = `${titlePrefix ?? game.content.title}${count > 1 ? ` · ${i}` : ""}`.slice(0, 80);
    rooms.push(await createRoom(user, { visibility, customGameCode: code, title, settings, isResearch, isTest }));
  }
  return rooms;
}
