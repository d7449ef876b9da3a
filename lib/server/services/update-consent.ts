import type { ConsentInput, Me } from "@/lib/validation/user";
import { db } from "../db";
import { logger } from "../logger";
import { emitRoomState, emitToMonitors } from "../realtime/emitter";
import { forgetRooms } from "./room-cache";
import { readSnapshot, TX_OPTIONS } from "./room-command";
import { toMe } from "./users";

/**
 * The running rooms the user sits in, locked in code order as room commands lock them, with
 * their version raised: whether a room records depends on its players' voice consent
 * (`isRecordingAllowed` in the snapshot), so a change of it is a new state of each room, and
 * every instance that holds one of them reads it again.
 */
const SEATED_IN_RUNNING_ROOMS_SQL = `
  UPDATE "Room" SET "version" = "version" + 1 WHERE "id" IN (
    SELECT r."id" FROM "Room" r
    WHERE r."phase" NOT IN ('FINISHED', 'ABANDONED')
      AND EXISTS (SELECT 1 FROM "Seat" s WHERE s."roomId" = r."id" AND s."userId" = $1)
    ORDER BY r."code" FOR UPDATE)
  RETURNING "id", "code"`;

/**
 * Records the caller's data and voice-recording consent, with the time it was given or changed.
 * A change of voice consent turns recording on or off in the rooms the caller sits in: each is
 * given a new version and re-broadcast, so every player (and monitor) sees it before the next
 * second of a round is recorded.
 */
export async function updateConsent(userId: string, input: ConsentInput): Promise<Me> {
  const { user, rooms } = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { voiceConsent: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { dataConsent: input.dataConsent, voiceConsent: input.voiceConsent, consentAt: new Date() },
    });
    const changed = before?.voiceConsent !== input.voiceConsent;
    const rooms = changed ? await tx.$queryRawUnsafe<{ id: string; code: string }[]>(SEATED_IN_RUNNING_ROOMS_SQL, userId) : [];
    return { user, rooms };
  }, TX_OPTIONS);
  forgetRooms(rooms.map((r) => r.code));
  for (const room of rooms) {
    try {
      const snapshot = await readSnapshot(room.id);
      emitRoomState(snapshot);
      emitToMonitors(snapshot.createdById, snapshot);
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, code: room.code }, "could not re-broadcast a room after a consent change");
    }
  }
  return toMe(user);
}
