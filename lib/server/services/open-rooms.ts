import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { CreateRoomInput } from "@/lib/validation/room";
import type { OpenRoomsInput } from "@/lib/validation/custom-game";
import { openRoomsSchema } from "@/lib/validation/custom-game";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { createRoom } from "./create-room";
import { builtInScenario, getCustomGame, isFacilitator } from "./custom-games";
import { TX_OPTIONS } from "./room-command";

/** Opens `count` rooms on one scenario, titled `prefix · 1`, `prefix · 2`… (just `prefix` for one); nobody is seated. */
async function openMany(user: SessionUser, source: Pick<CreateRoomInput, "customGameCode" | "scenarioId">, defaultTitle: string, input: OpenRoomsInput): Promise<RoomSnapshot[]> {
  const { count, visibility, titlePrefix, settings, isResearch, isTest } = openRoomsSchema.parse(input);
  const rooms: RoomSnapshot[] = [];
  for (let i = 1; i <= count; i++) {
    const title = `${titlePrefix ?? defaultTitle}${count > 1 ? ` · ${i}` : ""}`.slice(0, 80);
    rooms.push(await createRoom(user, { visibility, ...source, title, settings, isResearch, isTest }));
  }
  return rooms;
}

/** Opens `count` rooms from one of the caller's custom games (e.g. one per group of a class). */
export async function openRoomsFromGame(user: SessionUser, code: string, input: OpenRoomsInput): Promise<RoomSnapshot[]> {
  const game = await getCustomGame(user, code);
  return openMany(user, { customGameCode: code }, game.content.title, input);
}

/**
 * Opens `count` rooms on a built-in scenario, as openRoomsFromGame does for a custom game.
 * FORBIDDEN for non-facilitators; NOT_FOUND for anything but a published built-in scenario.
 */
export async function openRoomsFromScenario(user: SessionUser, scenarioId: string, input: OpenRoomsInput): Promise<RoomSnapshot[]> {
  if (!isFacilitator(user)) throw new AppError("FORBIDDEN", "Only facilitators can open rooms in bulk.");
  const scenario = await db().$transaction((tx) => builtInScenario(tx, scenarioId), TX_OPTIONS);
  return openMany(user, { scenarioId: scenario.id }, scenario.title, input);
}
