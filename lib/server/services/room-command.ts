import { randomInt } from "node:crypto";
import { decide, GameRuleError, nextWakeUp, type Command, type Decision, type GameState } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { db, type Tx } from "../db";
import type { Room } from "../db/generated/client";
import { AppError, isUniqueViolation, type ErrorCode } from "../errors";
import { metrics } from "../metrics";
import { logger } from "../logger";
import { dropFromVoice, emitRoomState, emitToMonitors } from "../realtime/emitter";
import { cachedRoom, cachedRoomById, forgetRooms, keepRoom, queueForRoom } from "./room-cache";
import { advanceView, buildSnapshot, direct, replayedAnswer, loadGame, lockRoomRead, persistDecision, readRoom, recordOperation, viewAfter, viewSnapshot, VersionConflict, wakeDate, type KnownPerson, type RoomView, type Runner } from "./room-state";
import { scenarioContent } from "./scenario-content";
import { scheduleWakeUp } from "./room-timers";
import { closeVoiceSessionsOf } from "./voice-sessions";

export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

export interface RoomCommandOptions {
  /** Who asks; null for the server itself (timers). */
  userId: string | null;
  /** A retry with the same opId (per user) gets the first answer and changes nothing. */
  opId?: string;
  /** What the opId is for, so that one id cannot answer two different commands. */
  scope: string;
  /** The person asking, when known: taking a seat then needs no read of their nickname. */
  asker?: KnownPerson;
}

export interface RoomCommandResult {
  snapshot: RoomSnapshot;
  changed: boolean;
}

function randomPermutation(): number[] {
  const p = [0, 1, 2];
  for (let i = p.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/** The API error for a refused move. */
export function ruleError(e: GameRuleError): AppError {
  const code: ErrorCode = e.code === "NOT_ALLOWED" ? "FORBIDDEN" : e.code;
  return new AppError(code, e.message);
}

/** What a command came to: the room after it, its snapshot, and when the room wants waking next. */
interface Outcome {
  view: RoomView;
  snapshot: RoomSnapshot;
  changed: boolean;
  wakeUp: number | null;
  /** Who no longer sits in the room after it. */
  unseated: string[];
}

const unseatedBy = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "seatFreed" ? [e.userId] : []));

/** Makes the command from the room as it is; `run` reads within the command (its transaction, when it has one). */
type MakeCommand = (ctx: { state: GameState; room: Room; run: Runner }) => Command | Promise<Command>;

const selfChecking = () => process.env.SNAPSHOT_SELF_CHECK === "1";

/**
 * Runs one game command on a room and broadcasts the new snapshot and re-arms the room's timer.
 * Commands of one room run one at a time on this instance (room-cache.ts's queue). When this
 * instance holds the room's state from its last command, the domain decides on it and the
 * result is written in one statement that checks the room's version (`heldCommand`);
 * otherwise, or when the held state turns out stale or the move needs a read, the command
 * locks the room's row, loads its state, decides and writes in one transaction
 * (`lockedCommand`). Throws NOT_FOUND for an unknown room and the rule's error for a refused
 * move; with an `opId` already used, answers what the first call answered.
 */
export async function runRoomCommand(code: string, options: RoomCommandOptions, makeCommand: MakeCommand): Promise<RoomCommandResult> {
  // The command's kind is the first word of its scope ("choice ABC234" → "choice"): a bounded label.
  const command = options.scope.split(" ", 1)[0] || "other";
  return queueForRoom(code, async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await attemptCommand(code, options, makeCommand);
        metrics().roomCommands.inc({ command, outcome: result.changed ? "committed" : "unchanged" });
        return result;
      } catch (e) {
        // Two retries of one opId racing: the loser finds the winner's answer on its next try.
        const racedOnOpId = options.opId && isUniqueViolation(e);
        if ((e instanceof VersionConflict || racedOnOpId) && attempt < 3) continue;
        metrics().roomCommands.inc({ command, outcome: e instanceof AppError ? "refused" : "error" });
        throw e;
      }
    }
  });
}

async function attemptCommand(code: string, options: RoomCommandOptions, makeCommand: MakeCommand): Promise<RoomCommandResult> {
  const held = cachedRoom(code);
  let outcome = held ? await heldCommand(held, options, makeCommand) : null;
  if (!outcome) {
    forgetRooms([code]);
    if (!held) metrics().roomStateCache.inc({ result: "miss" });
    const locked = await lockedCommand(code, options, makeCommand);
    // A replayed opId: its first answer, nothing done.
    if ("replayed" in locked) return { snapshot: locked.replayed, changed: false };
    outcome = locked;
  }
  keepRoom(outcome.view);
  if (outcome.changed) {
    emitRoomState(outcome.snapshot);
    emitToMonitors(outcome.snapshot.createdById, outcome.snapshot as never);
  }
  scheduleWakeUp(code, outcome.wakeUp);
  for (const userId of outcome.unseated) {
    dropFromVoice(code, userId);
    void closeVoiceSessionsOf(code, userId).catch((err) => logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not close the voice sessions of an unseated player"));
  }
  return { snapshot: outcome.snapshot, changed: outcome.changed };
}

function decideOrRefuse(state: GameState, command: Command, now: Date): Decision {
  try {
    return decide(state, command, { now: now.getTime(), permutation: randomPermutation() });
  } catch (e) {
    if (e instanceof GameRuleError) throw ruleError(e);
    throw e;
  }
}

/** Whether the room's stored version is still the one `view` has (one indexed read). */
async function isCurrent(view: RoomView): Promise<boolean> {
  const [row] = await direct.$queryRawUnsafe<{ version: number }[]>(`SELECT "version" FROM "Room" WHERE "id" = $1`, view.room.id);
  const current = row !== undefined && Number(row.version) === view.room.version;
  if (!current) metrics().roomStateCache.inc({ result: "stale" });
  return current;
}

/**
 * A command decided on the state this instance holds, and written in one statement that
 * writes nothing unless the room's version is still the held one. Null when the command must
 * run locked instead: the held state is stale, the move needs a read (someone the caller did
 * not name sat down, results revealed), or an opId's answer may be stored already (a refusal or a no-op with an
 * opId is most likely a retry: the locked path looks the opId up).
 */
async function heldCommand(view: RoomView, { userId, opId, scope, asker }: RoomCommandOptions, makeCommand: MakeCommand): Promise<Outcome | null> {
  const now = new Date();
  const withOp = opId && userId ? { userId, opId, scope } : null;
  let decision: Decision;
  try {
    decision = decideOrRefuse(view.state, await makeCommand({ state: view.state, room: view.room, run: direct }), now);
  } catch (e) {
    // Refused on the held state: say so only once it is known to be the stored one.
    if (withOp || !(await isCurrent(view))) return null;
    metrics().roomStateCache.inc({ result: "hit" });
    throw e;
  }
  if (!decision.effects.length) {
    if (withOp || !(await isCurrent(view))) return null;
    metrics().roomStateCache.inc({ result: "hit" });
    const kept = await keepWakeUp(direct, view.room, view.state);
    return { view: { ...view, room: kept }, snapshot: viewSnapshot(view, now), changed: false, wakeUp: nextWakeUp(view.state), unseated: [] };
  }
  const next = advanceView(view, decision, view.room.version + 1, now, asker);
  if (!next) {
    metrics().roomStateCache.inc({ result: "read" });
    return null;
  }
  const snapshot = viewSnapshot(next, now);
  try {
    await persistDecision(direct, view.room, view.state, decision, now, withOp ? { ...withOp, response: snapshot } : undefined);
  } catch (e) {
    // Written elsewhere since (another instance; an account deleted or renamed), or this opId answered already.
    if (e instanceof VersionConflict) {
      metrics().roomStateCache.inc({ result: "stale" });
      return null;
    }
    if (withOp && isUniqueViolation(e)) return null;
    throw e;
  }
  metrics().roomStateCache.inc({ result: "hit" });
  if (selfChecking()) await db().$transaction((tx) => selfCheck(tx, view.room.id, snapshot, now, next.state), TX_OPTIONS);
  return { view: next, snapshot, changed: true, wakeUp: nextWakeUp(decision.state), unseated: unseatedBy(decision) };
}

/**
 * A command in one transaction: locks the room row, loads its state, lets the domain decide,
 * writes the result with a version check, builds the snapshot. `replayed` when the opId had an
 * answer already (that answer, nothing done).
 */
async function lockedCommand(code: string, { userId, opId, scope }: RoomCommandOptions, makeCommand: MakeCommand): Promise<Outcome | { replayed: RoomSnapshot }> {
  return db().$transaction(async (tx) => {
    const read = await lockRoomRead(tx, code);
    if (!read) throw new AppError("NOT_FOUND", "No room with that code.");
    const { room } = read;
    const content = await scenarioContent(tx, room.scenarioId, read.scenarioUpdatedAt);
    const game = await loadGame(tx, room, content, opId && userId ? { userId, opId } : undefined);
    const done = game.operation;
    const state = game.state;
    const now = new Date();
    if (done) {
      if (done.scope !== scope) throw new AppError("CONFLICT", "This opId was already used for a different command.");
      return { replayed: replayedAnswer(done.response, content) };
    }
    const decision = decideOrRefuse(state, await makeCommand({ state, room, run: tx }), now);
    const changed = decision.effects.length > 0;
    const version = changed ? await persistDecision(tx, room, state, decision, now) : room.version;
    if (!changed) await keepWakeUp(tx, room, state);
    const view = await viewAfter(tx, { room, content, game }, decision, version, now);
    const snapshot = viewSnapshot(view, now);
    if (selfChecking()) await selfCheck(tx, room.id, snapshot, now, view.state);
    if (opId && userId) await recordOperation(tx, { userId, opId, scope, response: snapshot, now });
    return { view, snapshot, changed, wakeUp: nextWakeUp(decision.state), unseated: unseatedBy(decision) };
  }, TX_OPTIONS);
}

/**
 * A command that changed nothing still leaves the room's stored wake-up right: a room changed
 * outside room commands (a restart marking players away, an upgrade) may carry one that is not
 * its state's, and the sweeper would wake it again and again. No new version: nothing anyone
 * sees changed. Answers the room row as stored after it.
 */
async function keepWakeUp(run: Runner, room: Room, state: GameState): Promise<Room> {
  const wakeAt = wakeDate(state);
  if ((wakeAt?.getTime() ?? null) === (room.wakeAt?.getTime() ?? null)) return room;
  await run.$queryRawUnsafe(
    `UPDATE "Room" SET "wakeAt" = CASE WHEN $2::float8 IS NULL THEN NULL ELSE (to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3) END WHERE "id" = $1 AND "version" = $3 RETURNING 1`,
    room.id,
    wakeAt?.getTime() ?? null,
    room.version,
  );
  return { ...room, wakeAt };
}

/** A game state with its lists in a fixed order, to compare two states for what they mean. */
function canonicalState(state: GameState): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]))
        : v;
  const c = state.current;
  return JSON.stringify(sortKeys({ ...state, roleConfirmations: [...state.roleConfirmations].sort(), current: { ...c, endVotes: [...c.endVotes].sort(), continueVotes: [...c.continueVotes].sort() } }));
}

/**
 * With SNAPSHOT_SELF_CHECK=1 (the test suites set it), every command's snapshot, built from what
 * the command decided, is compared with one read back from the database; and the game state
 * the command leaves (the one this instance keeps for the room's next command) with the one
 * the database gives. A difference fails the command loudly. It proves that neither skipping
 * the re-read nor deciding on held state ever shows players, or decides on, anything but what
 * is stored.
 */
async function selfCheck(tx: Tx, roomId: string, snapshot: RoomSnapshot, now: Date, state: GameState): Promise<void> {
  const stored = await buildSnapshot(tx, roomId, now);
  const a = JSON.stringify(snapshot);
  const b = JSON.stringify(stored);
  if (a !== b) throw new Error(`SNAPSHOT_SELF_CHECK: the command's snapshot differs from the stored one\ncommand: ${a}\nstored:  ${b}`);
  const { game } = await readRoom(tx, roomId);
  const held = canonicalState(state);
  const read = canonicalState(game.state);
  if (held !== read) throw new Error(`SNAPSHOT_SELF_CHECK: the state kept after the command differs from the stored one\nkept:   ${held}\nstored: ${read}`);
}

/**
 * The state this instance holds for room `code` when the stored version is still that one (one
 * indexed read, no lock); otherwise undefined.
 */
export async function currentHeldRoom(code: string): Promise<RoomView | undefined> {
  const held = cachedRoom(code);
  return held && (await isCurrent(held)) ? held : undefined;
}

/**
 * The current snapshot of a room (no lock, no change): from the state this instance holds when
 * the stored version is still that one, else read from the database.
 */
export async function readSnapshot(roomId: string): Promise<RoomSnapshot> {
  const held = cachedRoomById(roomId);
  if (held && (await isCurrent(held))) {
    metrics().roomStateCache.inc({ result: "hit" });
    return viewSnapshot(held, new Date());
  }
  return db().$transaction((tx) => buildSnapshot(tx, roomId), TX_OPTIONS);
}
