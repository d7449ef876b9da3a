import type { Me, UpdateMeInput } from "@/lib/validation/user";
import { db } from "../db";
import { logger } from "../logger";
import { emitRoomState } from "../realtime/emitter";
import { forgetRooms } from "./room-cache";
import { readSnapshot, TX_OPTIONS } from "./room-command";
import { toMe } from "./users";

/**
 * The open rooms whose snapshot shows the user's nickname (a seat, or an answer in the results),
 * locked in code order as room commands lock them, with their version raised: the change is a
 * new state of each room, so every instance that holds one of them reads it again.
 */
const RENAMED_IN_ROOMS_SQL = `
  UPDATE "Room" SET "version" = "version" + 1 WHERE "id" IN (
    SELECT r."id" FROM "Room" r
    WHERE r."phase" NOT IN ('FINISHED', 'ABANDONED')
      AND (EXISTS (SELECT 1 FROM "Seat" s WHERE s."roomId" = r."id" AND s."userId" = $1)
        OR EXISTS (SELECT 1 FROM "Choice" c WHERE c."roomId" = r."id" AND c."userId" = $1))
    ORDER BY r."code" FOR UPDATE)
  RETURNING "id", "code"`;

/** Changes the caller's nickname and/or locale; the rooms showing the nickname are re-broadcast. */
export async function updateMe(userId: string, input: UpdateMeInput): Promise<Me> {
  const { user, rooms } = await db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { ...(input.nickname !== undefined && { nickname: input.nickname }), ...(input.locale !== undefined && { locale: input.locale }) },
    });
    const rooms = input.nickname === undefined ? [] : await tx.$queryRawUnsafe<{ id: string; code: string }[]>(RENAMED_IN_ROOMS_SQL, userId);
    return { user, rooms };
  }, TX_OPTIONS);
  forgetRooms(rooms.map((r) => r.code));
  for (const room of rooms) {
    try {
      emitRoomState(await readSnapshot(room.id));
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, code: room.code }, "could not re-broadcast a room after a nickname change");
    }
  }
  return toMe(user);
}
