import { randomInt } from "node:crypto";
import { decide, GameRuleError, isOver, nextWakeUp, type Command, type Decision, type GameState } from "@/lib/domain/game";
import { isOpenToNewcomers, type RoomSnapshot } from "@/lib/domain/snapshot";
import { db, type Tx } from "../db";
import type { Room } from "../db/generated/client";
import { AppError, isUniqueViolation, type ErrorCode } from "../errors";
import { metrics } from "../metrics";
import { logger } from "../logger";
import { admitToRoom, closeToViewers, emitRoomState, emitToMonitors, removeFromRoom } from "../realtime/emitter";
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
  /** How it changed who belongs in the room. */
  membership: Membership;
}

/** Who a command seated and unseated, and whether it may have closed the room to newcomers. */
interface Membership {
  seated: string[];
  unseated: string[];
  /** A seat was taken or the game ended: those following without a seat may have to go. */
  mayClose: boolean;
}

const NO_CHANGE: Membership = { seated: [], unseated: [], mayClose: false };

/** Read from the effects, so that every way a seat is taken or freed (joining, leaving, a release, a withdrawal…) counts. */
function membershipOf(decision: Decision): Membership {
  const seated: string[] = [];
  const unseated: string[] = [];
  let mayClose = false;
  for (const e of decision.effects) {
    if (e.type === "seatTaken") {
      seated.push(e.userId);
      mayClose = true;
    } else if (e.type === "seatFreed") unseated.push(e.userId);
    else if (e.type === "phaseChanged" && isOver(e.to)) mayClose = true;
  }
  return { seated, unseated, mayClose };
}

/**
 * Brings the room's channels in line with a change of who sits in it, before its new state goes
 * out: those whose seat was freed leave every channel of the room (every socket, every
 * instance), newly seated players' sockets that followed without a seat become members, and
 * once no seat is free (or the game is over) those without one stop following it.
 */
function applyMembership(code: string, { seated, unseated, mayClose }: Membership, snapshot: RoomSnapshot): void {
  for (const userId of unseated) {
    // Unless they sit down again in the same command (not a move the game has today).
    if (!seated.includes(userId)) removeFromRoom(code, userId);
  }
  for (const userId of seated) admitToRoom(code, userId);
  if (mayClose && !isOpenToNewcomers(snapshot)) closeToViewers(code);
}

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
  if (outcome.changed) broadcast(outcome.snapshot, outcome.membership);
  afterCommand(code, outcome);
  return { snapshot: outcome.snapshot, changed: outcome.changed };
}

/** A changed room's new state to its members and monitors, its channels brought in line with who sits in it first. */
function broadcast(snapshot: RoomSnapshot, membership: Membership): void {
  applyMembership(snapshot.code, membership, snapshot);
  emitRoomState(snapshot);
  emitToMonitors(snapshot.createdById, snapshot as never);
}

/** What follows a committed command besides its broadcast: the room's timer, and the unseated players' voice sessions closed. */
function afterCommand(code: string, outcome: Pick<Outcome, "wakeUp" | "membership">): void {
  scheduleWakeUp(code, outcome.wakeUp);
  for (const userId of outcome.membership.unseated) {
    void closeVoiceSessionsOf(code, userId).catch((err) => logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not close the voice sessions of an unseated player"));
  }
}

/** A room command written inside a caller's transaction, to publish once that transaction has committed. */
export interface CommandInTransaction {
  code: string;
  roomId: string;
  outcome: Outcome;
}

/**
 * Runs one game command inside `tx`, a transaction the caller holds, for a use case that must
 * change a room and other rows in one commit (an account withdrawn: the seat freed, the rows
 * deleted). As any room command: the room row locked, its state loaded, decided by lib/domain,
 * written with its version raised and its phase-log entries. Nothing is broadcast or kept in
 * memory: hand the result to `publishCommitted` after the commit. Throws NOT_FOUND for an
 * unknown room and the rule's error for a refused move (the caller's transaction then fails).
 */
export async function roomCommandInTransaction(tx: Tx, code: string, scope: string, makeCommand: MakeCommand): Promise<CommandInTransaction> {
  const command = scope.split(" ", 1)[0] || "other";
  try {
    const outcome = await decideLocked(tx, code, { userId: null, scope }, makeCommand);
    if ("replayed" in outcome) throw new Error("a command without an opId cannot be a replay");
    metrics().roomCommands.inc({ command, outcome: outcome.changed ? "committed" : "unchanged" });
    return { code, roomId: outcome.view.room.id, outcome };
  } catch (e) {
    metrics().roomCommands.inc({ command, outcome: e instanceof AppError ? "refused" : "error" });
    throw e;
  }
}

/**
 * After the transaction of `roomCommandInTransaction` committed: the room is broadcast as it is
 * stored now (read again, since that transaction may have changed more than the command did:
 * what this instance held of the room is dropped), its timer re-armed, and whoever lost their
 * seat taken out of its voice mesh. Never throws (a failure is logged; clients re-read on their
 * next move).
 */
export async function publishCommitted({ code, roomId, outcome }: CommandInTransaction): Promise<void> {
  forgetRooms([code]);
  try {
    if (outcome.changed) broadcast(await readSnapshot(roomId), outcome.membership);
    afterCommand(code, outcome);
  } catch (err) {
    logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not publish a room command run inside another transaction");
  }
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
    return { view: { ...view, room: kept }, snapshot: viewSnapshot(view, now), changed: false, wakeUp: nextWakeUp(view.state), membership: NO_CHANGE };
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
  return { view: next, snapshot, changed: true, wakeUp: nextWakeUp(decision.state), membership: membershipOf(decision) };
}

/**
 * A command in one transaction: locks the room row, loads its state, lets the domain decide,
 * writes the result with a version check, builds the snapshot. `replayed` when the opId had an
 * answer already (that answer, nothing done).
 */
async function lockedCommand(code: string, options: RoomCommandOptions, makeCommand: MakeCommand): Promise<Outcome | { replayed: RoomSnapshot }> {
  return db().$transaction((tx) => decideLocked(tx, code, options, makeCommand), TX_OPTIONS);
}

/** lockedCommand's work, inside the transaction `tx`. */
async function decideLocked(tx: Tx, code: string, { userId, opId, scope }: RoomCommandOptions, makeCommand: MakeCommand): Promise<Outcome | { replayed: RoomSnapshot }> {
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
  return { view, snapshot, changed, wakeUp: nextWakeUp(decision.state), membership: membershipOf(decision) };
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
