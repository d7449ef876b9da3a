import { randomInt } from "node:crypto";
import { decide, GameRuleError, nextWakeUp, type Command, type GameState } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { db, type Tx } from "../db";
import type { Room } from "../db/generated/client";
import { AppError, isUniqueViolation, type ErrorCode } from "../errors";
import { metrics } from "../metrics";
import { emitToMonitors, emitToRoom } from "../realtime/emitter";
import { buildSnapshot, loadGame, lockRoomRead, persistDecision, recordOperation, snapshotAfter, VersionConflict } from "./room-state";
import { scenarioContent } from "./scenario-content";
import { scheduleWakeUp } from "./room-timers";

export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

export interface RoomCommandOptions {
  /** Who asks; null for the server itself (timers). */
  userId: string | null;
  /** A retry with the same opId (per user) gets the first answer and changes nothing. */
  opId?: string;
  /** What the opId is for, so that one id cannot answer two different commands. */
  scope: string;
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

/**
 * Runs one game command on a room: locks the room row, loads its state, lets the domain decide,
 * writes the result with a version check in the same transaction, then broadcasts the new
 * snapshot and re-arms the room's timer. Throws NOT_FOUND for an unknown room and the rule's
 * error for a refused move; with an `opId` already used, answers what the first call answered.
 */
export async function runRoomCommand(
  code: string,
  options: RoomCommandOptions,
  makeCommand: (ctx: { state: GameState; room: Room; tx: Tx }) => Command | Promise<Command>,
): Promise<RoomCommandResult> {
  // The command's kind is the first word of its scope ("choice ABC234" → "choice"): a bounded label.
  const command = options.scope.split(" ", 1)[0] || "other";
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
}

async function attemptCommand(
  code: string,
  { userId, opId, scope }: RoomCommandOptions,
  makeCommand: (ctx: { state: GameState; room: Room; tx: Tx }) => Command | Promise<Command>,
): Promise<RoomCommandResult> {
  let wakeUp: number | null = null;
  const result = await db().$transaction(async (tx) => {
    const read = await lockRoomRead(tx, code);
    if (!read) throw new AppError("NOT_FOUND", "No room with that code.");
    const { room } = read;
    const content = await scenarioContent(tx, room.scenarioId, read.scenarioUpdatedAt);
    const game = await loadGame(tx, room, content, opId && userId ? { userId, opId } : undefined);
    const done = game.operation;
    if (done) {
      if (done.scope !== scope) throw new AppError("CONFLICT", "This opId was already used for a different command.");
      return { snapshot: done.response as RoomSnapshot, changed: false, replay: true };
    }
    const state = game.state;
    const command = await makeCommand({ state, room, tx });
    const now = new Date();
    let decision;
    try {
      decision = decide(state, command, { now: now.getTime(), permutation: randomPermutation() });
    } catch (e) {
      if (e instanceof GameRuleError) throw ruleError(e);
      throw e;
    }
    const changed = decision.effects.length > 0;
    const version = changed ? await persistDecision(tx, room, state, decision, now) : room.version;
    wakeUp = nextWakeUp(decision.state);
    const snapshot = await snapshotAfter(tx, { room, content, game }, decision, version, now);
    if (process.env.SNAPSHOT_SELF_CHECK === "1") await selfCheck(tx, room.id, snapshot, now);
    if (opId && userId) {
      await recordOperation(tx, { userId, opId, scope, response: snapshot, now });
    }
    return { snapshot, changed, replay: false };
  }, TX_OPTIONS);
  if (!result.replay) {
    if (result.changed) {
      emitToRoom(code, "room:state", result.snapshot as never);
      emitToMonitors(result.snapshot.createdById, result.snapshot as never);
    }
    scheduleWakeUp(code, wakeUp);
  }
  return { snapshot: result.snapshot, changed: result.changed };
}

/**
 * With SNAPSHOT_SELF_CHECK=1 (the test suites set it), every command's snapshot, built from what
 * the command decided, is compared with one read back from the database in the same
 * transaction; a difference fails the command loudly. It proves that skipping the re-read
 * never shows players anything but what is stored.
 */
async function selfCheck(tx: Tx, roomId: string, snapshot: RoomSnapshot, now: Date): Promise<void> {
  const stored = await buildSnapshot(tx, roomId, now);
  const a = JSON.stringify(snapshot);
  const b = JSON.stringify(stored);
  if (a !== b) throw new Error(`SNAPSHOT_SELF_CHECK: the command's snapshot differs from the stored one\ncommand: ${a}\nstored:  ${b}`);
}

/** The current snapshot of a room (no lock, no change). */
export async function readSnapshot(roomId: string): Promise<RoomSnapshot> {
  return db().$transaction((tx) => buildSnapshot(tx, roomId), TX_OPTIONS);
}
