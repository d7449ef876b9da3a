import { logger } from "../logger";
import { remember } from "../remember";
import { direct, type Runner } from "./room-state";

/**
 * When each seated player was last heard — speech (`voice:state` speaking) and chat — kept in
 * `Seat.activeAt`, so that at a phase's end any instance can tell who was silent through it
 * (the check-in: lib/domain/game asksCheckIns). The game's own moves need nothing here: the
 * room's state shows who acted in a phase. Speech comes many times a second while someone talks;
 * it is written at most once per seat every WRITE_EVERY_MS (per instance). A chat message writes
 * it in the statement that stores the message (send-chat.ts).
 */

/** At most one write per seat this often. */
export const WRITE_EVERY_MS = 15_000;

/** Entries kept at most by the throttle; beyond it the oldest go. */
const MAX_ENTRIES = 20_000;
const lastWrites = () => remember("seat-activity", () => new Map<string, number>());

const TOUCH_SQL = `UPDATE "Seat" SET "activeAt" = (to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3)
  WHERE "userId" = $2 AND "roomId" = (SELECT "id" FROM "Room" WHERE "code" = $1) RETURNING 1`;

/** Notes that `userId` was heard in room `code` (throttled; never throws, never waits for the write to be needed). */
export function noteHeard(code: string, userId: string, now = Date.now()): void {
  const map = lastWrites();
  const key = `${code} ${userId}`;
  if ((map.get(key) ?? -Infinity) > now - WRITE_EVERY_MS) return;
  map.delete(key);
  map.set(key, now);
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  void direct.$queryRawUnsafe(TOUCH_SQL, code, userId, now).then(
    () => undefined,
    (err: unknown) => logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not note a player's activity"),
  );
}

/**
 * The players of room `roomId` heard since its current phase began (or since they sat down, if
 * later). The throttle may have left a player's last write up to WRITE_EVERY_MS before what they
 * last said, so that much before the phase's start counts too: a player is never asked for
 * having been throttled.
 */
export async function heardInPhase(run: Runner, roomId: string): Promise<string[]> {
  const rows = await run.$queryRawUnsafe<{ userId: string }[]>(
    `SELECT s."userId" FROM "Seat" s
     WHERE s."roomId" = $1 AND s."userId" IS NOT NULL AND s."activeAt" >= greatest(s."joinedAt",
       (SELECT p."enteredAt" FROM "PhaseLog" p WHERE p."roomId" = $1 AND p."leftAt" IS NULL ORDER BY p."enteredAt" DESC LIMIT 1)) - make_interval(secs => $2::float8)`,
    roomId,
    WRITE_EVERY_MS / 1000,
  );
  return rows.map((r) => r.userId);
}
