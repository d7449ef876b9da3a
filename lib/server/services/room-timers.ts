import { asksCheckIns, PLAYING_PHASES } from "@/lib/domain/game";
import { db } from "../db";
import { logger } from "../logger";
import type { Io } from "../realtime/emitter";
import { remember } from "../remember";
import { heardInPhase } from "./seat-activity";

/**
 * Room timers. Deadlines live in the database; this process keeps one timeout per room to
 * act on time, and a periodic sweep catches anything missed (a restart, another instance,
 * a timeout lost to an error). Acting twice is harmless: a tick that finds nothing due
 * changes nothing.
 */

const MAX_DELAY = 2 ** 31 - 1;
const timers = () => remember("room-timers", () => new Map<string, NodeJS.Timeout>());

/** Arms (or clears, with null) the wake-up of a room at `at` (ms). */
export function scheduleWakeUp(code: string, at: number | null): void {
  const map = timers();
  const existing = map.get(code);
  if (existing) clearTimeout(existing);
  map.delete(code);
  if (at === null) return;
  const delay = Math.min(MAX_DELAY, Math.max(0, at - Date.now()) + 25);
  const t = setTimeout(() => {
    map.delete(code);
    void tickRoom(code);
  }, delay);
  t.unref();
  map.set(code, t);
}

/**
 * Lets time act on a room now: fire an expired timer (asking those silent through the phase
 * whether they are still there), pause for an absent seat, free a waiting room's seats of absent
 * players, end a room nobody is in. Never throws.
 */
export async function tickRoom(code: string): Promise<void> {
  try {
    const { runRoomCommand } = await import("./room-command");
    // Who was heard during the phase is read only when its timer ends in a room that asks.
    await runRoomCommand(code, { userId: null, scope: "tick" }, async ({ state, room, run }) =>
      asksCheckIns(state, Date.now()) ? { type: "tick", spoke: await heardInPhase(run, room.id) } : { type: "tick" },
    );
  } catch (err) {
    logger().warn({ err: err instanceof Error ? err.message : err, code }, "room tick failed; the sweep will retry");
  }
}

/**
 * Rooms whose wake-up has come. Every decision stores its room's next wake-up (`Room.wakeAt`,
 * the domain's nextWakeUp of the new state: lib/server/services/room-state.ts persistDecision),
 * so this is the domain's rule read back, not restated; any instance finds any room due, with
 * nobody connected to it and whatever this process remembers.
 */
export async function dueRooms(now = new Date()): Promise<string[]> {
  const rooms = await db().room.findMany({ where: { wakeAt: { lte: now } }, orderBy: { wakeAt: "asc" }, select: { code: true }, take: 500 });
  return rooms.map((r) => r.code);
}

/** Starts the periodic sweep; returns a function that stops it. */
export function startSweeper(intervalMs = 2000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const code of await dueRooms()) await tickRoom(code);
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err }, "room sweep failed");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Stops every armed timeout (shutdown). */
export function clearAllTimers(): void {
  for (const t of timers().values()) clearTimeout(t);
  timers().clear();
}

/**
 * At start: mark as away (from now) everyone seated in an open room who has no socket on this
 * instance or, with Redis, on any instance — so after a restart their grace period starts and
 * returning players are seen coming back, while players connected elsewhere stay present. Those
 * rooms are due at once (`wakeAt`): their first tick works out what follows from it.
 */
export async function markAwayWithoutSockets(io: Io, now = new Date()): Promise<number> {
  const sockets = await io.fetchSockets().catch(() => []);
  const present = [...new Set(sockets.map((s) => s.data.userId).filter(Boolean))];
  // The rooms are locked first, in code order, as room commands lock them, and get a new
  // version: another instance holding one of them reads it again.
  const [row] = await db().$queryRawUnsafe<{ count: number }[]>(
    `WITH away AS (SELECT s."id", s."roomId" FROM "Seat" s JOIN "Room" r ON r."id" = s."roomId"
        WHERE s."connected" AND s."userId" IS NOT NULL AND s."userId" NOT IN (SELECT jsonb_array_elements_text($1::jsonb))
          AND r."phase"::text IN (SELECT jsonb_array_elements_text($2::jsonb))),
      locked AS (SELECT r."id" FROM "Room" r WHERE r."id" IN (SELECT "roomId" FROM away) ORDER BY r."code" FOR UPDATE),
      seats AS (UPDATE "Seat" SET "connected" = false, "disconnectedAt" = $3::timestamp(3)
        WHERE "id" IN (SELECT "id" FROM away) AND "connected" AND "roomId" IN (SELECT "id" FROM locked) RETURNING 1),
      rooms AS (UPDATE "Room" SET "version" = "version" + 1, "wakeAt" = $3::timestamp(3) WHERE "id" IN (SELECT "id" FROM locked) RETURNING 1)
    SELECT (SELECT count(*) FROM seats)::int AS "count"`,
    JSON.stringify(present),
    JSON.stringify([...PLAYING_PHASES, "WAITING"]),
    now.toISOString().replace("T", " ").replace("Z", ""),
  );
  return Number(row?.count ?? 0);
}
