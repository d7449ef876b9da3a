import { randomUUID } from "node:crypto";
import { answeredInPhase, DEFAULT_SETTINGS, emptyRound, nextWakeUp, type Decision, type GameState, type Phase, type RoomSettings } from "@/lib/domain/game";
import { PAUSE_REASON, pausedWithin, type Span } from "@/lib/domain/phase-time";
import { isRecordingAllowed } from "@/lib/domain/recording";
import { isRoundRevealed, phaseChangedBy, resultText, resultWithoutText, type PhaseChangedBy, type ResultWithoutText, type RoomSnapshot, type RoundResult } from "@/lib/domain/snapshot";
import { roomSettingsSchema } from "@/lib/validation/room";
import { statement, type Tx } from "../db";
import { roomSettingDefaults } from "../env";
import type { Room } from "../db/generated/client";
import { scenarioContent, type ScenarioContent } from "./scenario-content";

/**
 * Reading a room's game state out of the database, writing a decision back, and building
 * the snapshot everyone sees. Only the room services call these, inside their transaction.
 */

let serverDefaults: Pick<RoomSettings, "abandonSeconds" | "checkInSeconds"> | undefined;

/**
 * Stored settings merged over the defaults (the domain's, and this server's from its environment:
 * ROOM_ABANDON_SECONDS, CHECK_IN_SECONDS); anything unreadable falls back to the default.
 */
export function readSettings(raw: unknown): RoomSettings {
  serverDefaults ??= roomSettingDefaults();
  const parsed = roomSettingsSchema.safeParse(raw ?? {});
  return { ...DEFAULT_SETTINGS, ...serverDefaults, ...(parsed.success ? parsed.data : {}) };
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** A room row, with when its scenario revision last changed (the key of its cached content). */
export interface RoomRead {
  room: Room;
  scenarioUpdatedAt: Date;
}

/** Times inside JSON and raw rows come as epoch milliseconds (`TIMESTAMP(3)` holds UTC). */
const epochMs = (column: string) => `round(extract(epoch from ${column}) * 1000)::float8`;
const dateOf = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));

/**
 * The room row (every column), locked, and its scenario's revision: one statement, as it runs on
 * every command. Nothing else is read here: after waiting for the lock, PostgreSQL gives the
 * locked row as it is now but other tables as they were when the statement began.
 */
const LOCK_ROOM_SQL = `
  SELECT r."id", r."code", r."title", r."visibility"::text AS "visibility", r."scenarioId", r."customGameId", r."createdById",
    r."hostId", r."phase"::text AS "phase", r."round", r."totalRounds", ${epochMs('r."deadline"')} AS "deadline",
    ${epochMs('r."pausedAt"')} AS "pausedAt", ${epochMs('r."vacantSince"')} AS "vacantSince", ${epochMs('r."wakeAt"')} AS "wakeAt",
    r."version", r."settings", r."isTest", r."isResearch",
    ${epochMs('r."startedAt"')} AS "startedAt", ${epochMs('r."finishedAt"')} AS "finishedAt",
    ${epochMs('r."createdAt"')} AS "createdAt", ${epochMs('r."updatedAt"')} AS "updatedAt",
    ${epochMs('s."updatedAt"')} AS "scenarioUpdatedAt"
  FROM "Room" r JOIN "Scenario" s ON s."id" = r."scenarioId"
  WHERE r."code" = $1 FOR UPDATE OF r`;

/** Locks the room row for the rest of the transaction and reads it; null when there is no such room. */
export async function lockRoomRead(tx: Tx, code: string): Promise<RoomRead | null> {
  const [r] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(LOCK_ROOM_SQL, code);
  if (!r) return null;
  const room: Room = {
    id: r.id as string,
    code: r.code as string,
    title: r.title as string | null,
    visibility: r.visibility as Room["visibility"],
    scenarioId: r.scenarioId as string,
    customGameId: r.customGameId as string | null,
    createdById: r.createdById as string | null,
    hostId: r.hostId as string | null,
    phase: r.phase as Room["phase"],
    round: Number(r.round),
    totalRounds: Number(r.totalRounds),
    deadline: dateOf(r.deadline),
    pausedAt: dateOf(r.pausedAt),
    vacantSince: dateOf(r.vacantSince),
    wakeAt: dateOf(r.wakeAt),
    version: Number(r.version),
    settings: json(r.settings),
    isTest: r.isTest as boolean,
    isResearch: r.isResearch as boolean,
    startedAt: dateOf(r.startedAt),
    finishedAt: dateOf(r.finishedAt),
    createdAt: dateOf(r.createdAt)!,
    updatedAt: dateOf(r.updatedAt)!,
  };
  return { room, scenarioUpdatedAt: dateOf(r.scenarioUpdatedAt)! };
}

/** Locks the room row for the rest of the transaction; null when there is no such room. */
export async function lockRoom(tx: Tx, code: string): Promise<Room | null> {
  return (await lockRoomRead(tx, code))?.room ?? null;
}

/** A seat as the snapshot shows it: its row, and the nickname of whoever sits in it. */
export interface SeatRow {
  seat: number;
  userId: string | null;
  nickname: string | null;
  roleIndex: number | null;
  ready: boolean;
  connected: boolean;
  disconnectedAt: Date | null;
  checkInBy: Date | null;
  isWithdrawn: boolean;
  /** Whether whoever sits in it agreed to voice recording (false for an empty seat). */
  voiceConsent: boolean;
}

export interface LoadedGame {
  /** The first answer to the opId asked about, when it was used already. */
  operation: { scope: string; response: unknown } | null;
  state: GameState;
  seats: SeatRow[];
  /** When the open phase-log entry began (the phase's start). */
  phaseStartedAt: Date | null;
  /** Who began the phase by hand, from the open phase-log entry's reason and actor. */
  phaseChangedBy: PhaseChangedBy | null;
  /** Milliseconds the current phase spent in pauses that are over (its PAUSE rows). */
  phasePausedMs: number;
  /** The seat each answer of the current round was given from (its Choice row's seat), by user. */
  choiceSeats: Record<string, number>;
}

/**
 * Everything a command decides on, in one statement (it runs on every command, and each
 * statement costs a round trip and the client's per-query work): the seats with their
 * sitters' nicknames, the current round's acknowledgements, choices, votes, consensus and
 * ratings, when the phase began and the pauses it had, and the stored answer of the command's
 * opId (read after the room's lock, so a retry that committed while this one waited is seen).
 */
const LOAD_GAME_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'seat', s."seat", 'userId', s."userId", 'nickname', u."nickname", 'roleIndex', s."roleIndex", 'ready', s."ready",
        'connected', s."connected", 'disconnectedAt', ${epochMs('s."disconnectedAt"')}, 'checkInBy', ${epochMs('s."checkInBy"')},
        'isWithdrawn', s."isWithdrawn", 'voiceConsent', coalesce(u."voiceConsent", false)) ORDER BY s."seat"), '[]'::json)
      FROM "Seat" s LEFT JOIN "User" u ON u."id" = s."userId" WHERE s."roomId" = $1) AS "seats",
    (SELECT coalesce(json_agg(json_build_object('phase', a."phase", 'userId', a."userId") ORDER BY a."createdAt", a."id"), '[]'::json)
      FROM "PhaseAck" a WHERE a."roomId" = $1 AND a."round" = $2) AS "acks",
    (SELECT coalesce(json_agg(json_build_object('userId', c."userId", 'seat', c."seat", 'choice', c."choice", 'confidence', c."confidence") ORDER BY c."seat"), '[]'::json)
      FROM "Choice" c WHERE c."roomId" = $1 AND c."round" = $2) AS "choices",
    (SELECT coalesce(json_agg(json_build_object('userId', v."userId", 'choice', v."choice", 'at', ${epochMs('v."updatedAt"')}) ORDER BY v."createdAt", v."id"), '[]'::json)
      FROM "ConsensusVote" v WHERE v."roomId" = $1 AND v."round" = $2) AS "votes",
    (SELECT json_build_object('choice', k."choice", 'proposedById', k."proposedById")
      FROM "Consensus" k WHERE k."roomId" = $1 AND k."round" = $2) AS "consensus",
    (SELECT coalesce(json_agg(json_build_object('userId', f."userId", 'confidence', f."confidence") ORDER BY f."submittedAt", f."id"), '[]'::json)
      FROM "ConsensusConfidence" f WHERE f."roomId" = $1 AND f."round" = $2) AS "confidences",
    (SELECT ${epochMs('p."enteredAt"')} FROM "PhaseLog" p WHERE p."roomId" = $1 AND p."leftAt" IS NULL ORDER BY p."enteredAt" DESC LIMIT 1) AS "phaseStartedAt",
    (SELECT json_build_object('reason', p."reason", 'actorId', p."actorId")
      FROM "PhaseLog" p WHERE p."roomId" = $1 AND p."leftAt" IS NULL ORDER BY p."enteredAt" DESC LIMIT 1) AS "phaseEntry",
    (SELECT coalesce(json_agg(json_build_object('enteredAt', ${epochMs('z."enteredAt"')}, 'leftAt', ${epochMs('z."leftAt"')})), '[]'::json)
      FROM "PhaseLog" z WHERE z."roomId" = $1 AND z."kind" = 'PAUSE' AND z."leftAt" > (
        SELECT p."enteredAt" FROM "PhaseLog" p WHERE p."roomId" = $1 AND p."leftAt" IS NULL ORDER BY p."enteredAt" DESC LIMIT 1)) AS "pauses",
    (SELECT json_build_object('scope', o."scope", 'response', o."response")
      FROM "ProcessedOperation" o WHERE o."userId" = $3 AND o."opId" = $4) AS "operation"`;

interface LoadGameRow {
  seats: { seat: number; userId: string | null; nickname: string | null; roleIndex: number | null; ready: boolean; connected: boolean; disconnectedAt: number | null; checkInBy: number | null; isWithdrawn: boolean; voiceConsent: boolean }[];
  acks: { phase: Phase; userId: string }[];
  choices: { userId: string; seat: number; choice: number | null; confidence: number | null }[];
  votes: { userId: string; choice: number; at: number }[];
  consensus: { choice: number | null; proposedById: string | null } | null;
  confidences: { userId: string; confidence: number | null }[];
  phaseStartedAt: number | null;
  phaseEntry: { reason: string; actorId: string | null } | null;
  pauses: Span[];
}

/** A JSON column as the driver gives it: parsed already, or as text. */
function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The game state of a room: seats, and everything said in the current round; with `op`, that opId's first answer. */
export async function loadGame(tx: Tx, room: Room, content: ScenarioContent, op?: { userId: string; opId: string }): Promise<LoadedGame> {
  const [raw] = await tx.$queryRawUnsafe<Record<keyof LoadGameRow | "operation", unknown>[]>(LOAD_GAME_SQL, room.id, room.round, op?.userId ?? null, op?.opId ?? null);
  const row: LoadGameRow = {
    seats: json(raw!.seats),
    acks: json(raw!.acks),
    choices: json(raw!.choices),
    votes: json(raw!.votes),
    consensus: json(raw!.consensus ?? null),
    confidences: json(raw!.confidences),
    phaseStartedAt: raw!.phaseStartedAt === null ? null : Number(raw!.phaseStartedAt),
    phaseEntry: json(raw!.phaseEntry ?? null),
    pauses: json(raw!.pauses),
  };
  const current = emptyRound();
  for (const c of row.choices) current.choices[c.userId] = { choice: c.choice, confidence: c.confidence };
  for (const v of row.votes) current.consensusVotes[v.userId] = { choice: v.choice, at: v.at };
  if (row.consensus) current.consensus = { choice: row.consensus.choice, proposedBy: row.consensus.proposedById };
  for (const c of row.confidences) current.consensusConfidences[c.userId] = c.confidence;
  const acked = (phase: Phase) => row.acks.filter((a) => a.phase === phase).map((a) => a.userId);
  current.endVotes = acked("DISCUSSION");
  current.continueVotes = acked("REVEAL");
  const seats: SeatRow[] = row.seats.map((s) => ({ ...s, nickname: s.userId ? s.nickname : null, voiceConsent: s.userId ? s.voiceConsent : false, disconnectedAt: dateOf(s.disconnectedAt), checkInBy: dateOf(s.checkInBy) }));
  const state: GameState = {
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    optionCounts: content.rounds.map((r) => r.options.length),
    deadline: ms(room.deadline),
    pausedAt: ms(room.pausedAt),
    vacantSince: ms(room.vacantSince),
    hostId: room.hostId,
    settings: readSettings(room.settings),
    seats: row.seats.map((s) => ({ seat: s.seat, userId: s.userId, roleIndex: s.roleIndex, ready: s.ready, connected: s.connected, disconnectedAt: s.disconnectedAt, checkInBy: s.checkInBy })),
    roleConfirmations: room.round === 0 ? acked("ROLES") : [],
    current,
  };
  const operation = raw!.operation === null || raw!.operation === undefined ? null : json<{ scope: string; response: unknown }>(raw!.operation);
  const choiceSeats = Object.fromEntries(row.choices.map((c) => [c.userId, c.seat]));
  const changedBy = row.phaseEntry && phaseChangedBy(room.phase, row.phaseEntry.reason, row.phaseEntry.actorId);
  const phasePausedMs = row.phaseStartedAt === null ? 0 : pausedWithin(row.phaseStartedAt, Infinity, row.pauses.map((p) => ({ enteredAt: Number(p.enteredAt), leftAt: Number(p.leftAt) })));
  return { operation, state, seats, phaseStartedAt: row.phaseStartedAt === null ? null : new Date(row.phaseStartedAt), phaseChangedBy: changedBy ?? null, phasePausedMs, choiceSeats };
}

export class VersionConflict extends Error {
  constructor() {
    super("The room changed while this command was being applied.");
    this.name = "VersionConflict";
  }
}

/** Builds one SQL statement's text and its numbered parameters. */
class SqlParams {
  readonly values: unknown[] = [];
  /** A parameter placeholder for `v`. */
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  /** A `TIMESTAMP(3)` (UTC) from a date, passed as epoch milliseconds; NULL for null. */
  ts(d: Date | number | null): string {
    if (d === null) return "NULL";
    return `(to_timestamp(${this.p(typeof d === "number" ? d : d.getTime())}::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3)`;
  }
  phase(v: Phase): string {
    return `${this.p(v)}::"RoomPhase"`;
  }
  text(v: string | null): string {
    return `${this.p(v)}::text`;
  }
  int(v: number | null): string {
    return `${this.p(v)}::int`;
  }
  bool(v: boolean): string {
    return `${this.p(v)}::boolean`;
  }
}

/** What runs a statement: a transaction, or `direct` (one statement, committed on its own). */
export interface Runner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

/** One statement on its own, straight on the database driver (lib/server/db: `statement`). */
export const direct: Runner = {
  $queryRawUnsafe: <T,>(query: string, ...values: unknown[]) => statement<unknown>(query, values) as unknown as PromiseLike<T>,
};

/**
 * Writes a decision in one statement (each part a data-modifying CTE): the room row as the new
 * state has it, with its version raised by one where it still is the version read, and —
 * only when that update found the row — the rows its effects add, the seats that changed and,
 * with `op`, the opId's answer. So when the version moved on (another instance, or a change
 * made outside a room command) nothing at all is written, and `VersionConflict` is thrown:
 * the command runs again from what is stored. The parts touch different rows — the phase log
 * closes the entries open before the statement, not the one it adds — so their order does not
 * matter. It runs inside the command's transaction (room row locked) or on its own (a room
 * whose state this instance holds; see room-cache.ts).
 */
export async function persistDecision(
  run: Runner,
  room: Room,
  before: GameState,
  decision: Decision,
  now: Date,
  op?: OperationAnswer,
): Promise<number> {
  const { state, effects } = decision;
  const q = new SqlParams();
  const roomId = q.text(room.id);
  const at = q.ts(now);
  const started = before.phase === "WAITING" && state.phase !== "WAITING";
  const ended = (state.phase === "FINISHED" || state.phase === "ABANDONED") && before.phase !== state.phase;
  const roomUpdate = `UPDATE "Room" SET "phase" = ${q.phase(state.phase)}, "round" = ${q.p(state.round)}, "deadline" = ${q.ts(state.deadline)}, "pausedAt" = ${q.ts(state.pausedAt)},
      "vacantSince" = ${q.ts(state.vacantSince)}, "wakeAt" = ${q.ts(nextWakeUp(state))}, "hostId" = ${q.text(state.hostId)}, "version" = "version" + 1, "updatedAt" = ${at}${started ? `, "startedAt" = ${at}` : ""}${ended ? `, "finishedAt" = ${at}` : ""}
    WHERE "id" = ${roomId} AND "version" = ${q.int(room.version)} RETURNING "version"`;
  // Every other part happens only if the room's row was updated (w0 returned it).
  const ifUpdated = `EXISTS (SELECT 1 FROM w0)`;
  const insert = (table: string, columns: string[], values: string[], tail = "") => insertSelect(table, columns, values, "FROM w0", tail);
  const parts: string[] = [];
  const id = () => q.text(randomUUID());
  for (const e of effects) {
    switch (e.type) {
      case "acknowledged":
        parts.push(insert("PhaseAck", ["id", "roomId", "round", "phase", "userId", "createdAt"], [id(), roomId, q.int(e.round), q.phase(e.phase), q.text(e.userId), at]));
        break;
      case "choiceRecorded":
        parts.push(
          insert(
            "Choice",
            ["id", "roomId", "round", "userId", "seat", "choice", "confidence", "isMissing", "submittedAt"],
            [id(), roomId, q.int(e.round), q.text(e.userId), q.int(e.seat), q.int(e.choice), q.int(e.confidence), q.bool(e.missing), at],
          ),
        );
        break;
      case "consensusVoted":
        parts.push(
          insert(
            "ConsensusVote",
            ["id", "roomId", "round", "userId", "choice", "changes", "createdAt", "updatedAt"],
            [id(), roomId, q.int(e.round), q.text(e.userId), q.int(e.choice), "0", at, at],
            ` ON CONFLICT ("roomId","round","userId") DO UPDATE SET "choice" = EXCLUDED."choice", "changes" = "ConsensusVote"."changes" + 1, "updatedAt" = EXCLUDED."updatedAt"`,
          ),
        );
        break;
      case "consensusReached":
        parts.push(
          insert("Consensus", ["id", "roomId", "round", "choice", "proposedById", "isMissing", "reachedAt"], [id(), roomId, q.int(e.round), q.int(e.choice), q.text(e.proposedBy), q.bool(e.missing), at]),
        );
        break;
      case "consensusConfidenceRecorded":
        parts.push(
          insert("ConsensusConfidence", ["id", "roomId", "round", "userId", "confidence", "isMissing", "submittedAt"], [id(), roomId, q.int(e.round), q.text(e.userId), q.int(e.confidence), q.bool(e.missing), at]),
        );
        break;
      case "seatFreed":
        // Recorded in the phase log as an event (entered and left at once), with who did it;
        // the open phase entry stays open.
        if (before.phase !== "WAITING") {
          parts.push(
            insert(
              "PhaseLog",
              ["id", "roomId", "kind", "phase", "round", "enteredAt", "leftAt", "reason", "actorId"],
              [id(), roomId, `'EVENT'::"PhaseLogKind"`, q.phase(before.phase), q.int(before.round), at, at, q.text(`seat_${e.reason}:${e.seat}`), q.text(e.actorId)],
            ),
          );
        }
        break;
      case "checkIn":
        // An unanswered "Are you still there?" is logged as an event, like a freed seat: it explains the pause after it.
        if (e.status === "missed") {
          parts.push(
            insert(
              "PhaseLog",
              ["id", "roomId", "phase", "round", "enteredAt", "leftAt", "reason", "actorId"],
              [id(), roomId, q.phase(before.phase), q.int(before.round), at, at, q.text(`check_in_missed:${e.seat}`), q.text(null)],
            ),
          );
        }
        break;
      case "phaseChanged":
        parts.push(`UPDATE "PhaseLog" SET "leftAt" = ${at} WHERE "roomId" = ${roomId} AND "leftAt" IS NULL AND ${ifUpdated}`);
        parts.push(
          insert("PhaseLog", ["id", "roomId", "phase", "round", "enteredAt", "reason", "actorId"], [id(), roomId, q.phase(e.to), q.int(e.round), at, q.text(e.reason), q.text(e.actorId)]),
        );
        if (e.to === "ROLES") parts.push(`DELETE FROM "PhaseAck" WHERE "roomId" = ${roomId} AND "phase" = 'ROLES' AND ${ifUpdated}`);
        break;
      default:
        break;
    }
  }
  const withdrawn = withdrawnSeats(before, decision);
  if (pauseEnded(before, state)) {
    // The pause is logged once it is over, as a row of its own inside its phase's row: from when
    // the room paused to now (resumed, or the phase ended, or a skip started a new pause).
    parts.push(
      insert(
        "PhaseLog",
        ["id", "roomId", "kind", "phase", "round", "enteredAt", "leftAt", "reason"],
        [id(), roomId, `'PAUSE'::"PhaseLogKind"`, q.phase(before.phase), q.int(before.round), q.ts(before.pausedAt), at, q.text(PAUSE_REASON)],
      ),
    );
  }
  for (const seat of state.seats) {
    const old = before.seats[seat.seat]!;
    if (JSON.stringify(old) === JSON.stringify(seat)) continue;
    const newcomer = old.userId !== seat.userId && seat.userId !== null;
    const marks = newcomer ? `, "joinedAt" = ${at}, "isWithdrawn" = false` : withdrawn.has(seat.seat) ? `, "isWithdrawn" = true` : "";
    parts.push(
      `UPDATE "Seat" SET "userId" = ${q.text(seat.userId)}, "roleIndex" = ${q.int(seat.roleIndex)}, "ready" = ${q.bool(seat.ready)}, "connected" = ${q.bool(seat.connected)},
         "disconnectedAt" = ${q.ts(seat.disconnectedAt)}, "checkInBy" = ${q.ts(seat.checkInBy)}, "updatedAt" = ${at}${marks}
       WHERE "roomId" = ${roomId} AND "seat" = ${q.int(seat.seat)} AND ${ifUpdated}`,
    );
  }
  if (op) parts.push(operationInsert(q, op, at, "FROM w0"));
  const sql = `WITH ${[roomUpdate, ...parts].map((part, i) => `w${i} AS (${part}${i === 0 ? "" : " RETURNING 1"})`).join(",\n")}
    SELECT (SELECT "version" FROM w0) AS "version"`;
  const [row] = await run.$queryRawUnsafe<{ version: number | null }[]>(sql, ...q.values);
  if (row?.version === null || row?.version === undefined) throw new VersionConflict();
  return Number(row.version);
}

/**
 * The seats `decision` frees because their player withdrew from the study once the game had
 * started: they are marked withdrawn (the research views say why the seat is empty) until
 * someone sits there again. A waiting room's seat is simply freed.
 */
function withdrawnSeats(before: GameState, decision: Decision): Set<number> {
  if (before.phase === "WAITING") return new Set();
  return new Set(decision.effects.flatMap((e) => (e.type === "seatFreed" && e.reason === "withdrew" ? [e.seat] : [])));
}

/** Whether the pause `before` was in is over in `after`: resumed, or a new phase (a new pause starts with it, if any). */
function pauseEnded(before: GameState, after: GameState): boolean {
  return before.pausedAt !== null && (after.pausedAt !== before.pausedAt || after.phase !== before.phase || after.round !== before.round);
}

/** `INSERT INTO table (columns) SELECT values <source>`: a row added only if `source` has one. */
function insertSelect(table: string, columns: string[], values: string[], source: string, tail = ""): string {
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) SELECT ${values.join(", ")} ${source}${tail}`;
}

type OperationAnswer = { userId: string; opId: string; scope: string; response: RoomSnapshot };

/** The insert of an opId's first answer (at the time expression `at`), from `source`. */
function operationInsert(q: SqlParams, op: OperationAnswer, at: string, source: string): string {
  return insertSelect(
    "ProcessedOperation",
    ["id", "userId", "opId", "scope", "status", "response", "createdAt"],
    [q.text(randomUUID()), q.text(op.userId), q.text(op.opId), q.text(op.scope), "200", `${q.p(JSON.stringify(storedAnswer(op.response)))}::jsonb`, at],
    source,
  );
}

/** Stores the first answer to a user's opId, so that a retry is answered the same way. */
export async function recordOperation(tx: Tx, op: OperationAnswer & { now: Date }): Promise<void> {
  const q = new SqlParams();
  const at = q.ts(op.now);
  await tx.$executeRawUnsafe(operationInsert(q, op, at, ""), ...q.values);
}

/** The room's content and game state, read as they are now (no lock). */
export async function readRoom(tx: Tx, roomId: string): Promise<{ room: Room; content: ScenarioContent; game: LoadedGame }> {
  const room = await tx.room.findUniqueOrThrow({ where: { id: roomId }, include: { scenario: { select: { updatedAt: true } } } });
  const content = await scenarioContent(tx, room.scenarioId, room.scenario.updatedAt);
  return { room, content, game: await loadGame(tx, room, content) };
}

/**
 * A room as its snapshot shows it: the room row, its scenario's content, the seats with their
 * sitters' nicknames, the game state, when the phase began and the revealed results.
 */
export interface RoomView {
  room: Room;
  content: ScenarioContent;
  seats: SeatRow[];
  state: GameState;
  phaseStartedAt: Date | null;
  phaseChangedBy: PhaseChangedBy | null;
  /** Milliseconds of the current phase spent in pauses that are over. */
  phasePausedMs: number;
  /** The seat each answer of the current round was given from, by user (for its result). */
  choiceSeats: Record<string, number>;
  results: RoundResult[];
}

/** A room as its snapshot shows it, read from the database. */
export async function readView(tx: Tx, roomId: string): Promise<RoomView> {
  const { room, content, game } = await readRoom(tx, roomId);
  return { room, content, seats: game.seats, state: game.state, phaseStartedAt: game.phaseStartedAt, phaseChangedBy: game.phaseChangedBy, phasePausedMs: game.phasePausedMs, choiceSeats: game.choiceSeats, results: await loadResults(tx, room, content) };
}

/** The snapshot of a room as everyone in it may see it, read from the database. */
export async function buildSnapshot(tx: Tx, roomId: string, now = new Date()): Promise<RoomSnapshot> {
  return viewSnapshot(await readView(tx, roomId), now);
}

/** When a room in `state` next needs a tick, as its row keeps it. */
export function wakeDate(state: GameState): Date | null {
  const at = nextWakeUp(state);
  return at === null ? null : new Date(at);
}

/** The room row as a decision's state has it, at `version`. */
function roomAfter(room: Room, state: GameState, version: number): Room {
  return {
    ...room,
    phase: state.phase,
    round: state.round,
    deadline: state.deadline === null ? null : new Date(state.deadline),
    pausedAt: state.pausedAt === null ? null : new Date(state.pausedAt),
    vacantSince: state.vacantSince === null ? null : new Date(state.vacantSince),
    wakeAt: wakeDate(state),
    hostId: state.hostId,
    version,
  };
}

/**
 * A decided state as it reads back from the database: role confirmations are kept (as phase
 * acknowledgements) only before the first round, so later states carry none.
 */
function asStored(state: GameState): GameState {
  return state.round === 0 || !state.roleConfirmations.length ? state : { ...state, roleConfirmations: [] };
}

/** Someone whose nickname and voice consent the caller knows (the person making the move). */
export interface KnownPerson {
  id: string;
  nickname: string;
  voiceConsent: boolean;
}

/**
 * The seats as `decision` (taken on the state `previous`) leaves them; null when someone other
 * than `known` sat down (a nickname to read). A freed seat shows nobody, and is withdrawn when
 * its player withdrew; a newcomer's seat is not withdrawn (persistDecision writes them so).
 */
function seatsAfter(before: SeatRow[], previous: GameState, decision: Decision, known?: KnownPerson): SeatRow[] | null {
  const seats: SeatRow[] = [];
  const withdrawn = withdrawnSeats(previous, decision);
  for (const s of decision.state.seats) {
    const old = before[s.seat];
    if (!old) return null;
    const moved = { roleIndex: s.roleIndex, ready: s.ready, connected: s.connected, disconnectedAt: dateOf(s.disconnectedAt), checkInBy: dateOf(s.checkInBy) };
    if (old.userId === s.userId) seats.push({ ...old, ...moved });
    else if (s.userId === null) seats.push({ ...old, ...moved, userId: null, nickname: null, voiceConsent: false, isWithdrawn: old.isWithdrawn || withdrawn.has(s.seat) });
    else if (s.userId === known?.id) seats.push({ ...old, ...moved, userId: s.userId, nickname: known.nickname, voiceConsent: known.voiceConsent, isWithdrawn: false });
    else return null;
  }
  return seats;
}

const phaseStartAfter = (before: Date | null, decision: Decision, now: Date) => (decision.effects.some((e) => e.type === "phaseChanged") ? now : before);

/** Who began the phase `decision` leaves the room in by hand: its last phase change says; without one, as before. */
function phaseChangedByAfter(before: PhaseChangedBy | null, decision: Decision): PhaseChangedBy | null {
  const change = decision.effects.findLast((e) => e.type === "phaseChanged");
  return change ? phaseChangedBy(change.to, change.reason, change.actorId) : before;
}

/** The current phase's pauses that are over, after `decision`: none in a new phase; the one that just ended added. */
function phasePausedAfter(before: { state: GameState; phasePausedMs: number }, decision: Decision, now: Date): number {
  if (decision.effects.some((e) => e.type === "phaseChanged")) return 0;
  const pausedAt = before.state.pausedAt;
  return pausedAt !== null && pauseEnded(before.state, decision.state) ? before.phasePausedMs + Math.max(0, now.getTime() - pausedAt) : before.phasePausedMs;
}

/** The last round whose results the room shows (0 for none). */
function lastRevealed(room: { phase: Phase; round: number }, content: ScenarioContent): number {
  // The revealed rounds are always the first ones: every round before the current one, and
  // the current one from its reveal on.
  return content.rounds.reduce((last, r) => (isRoundRevealed(r.number, room) ? Math.max(last, r.number) : last), 0);
}

/** Effects that add to a round's shown results. */
const RESULT_EFFECTS = new Set(["choiceRecorded", "consensusReached", "consensusConfidenceRecorded"]);

/** The seats the current round's answers were given from, after `decision` (a new round has none yet). */
function choiceSeatsAfter(before: { state: GameState; choiceSeats: Record<string, number> }, decision: Decision): Record<string, number> {
  const seats = decision.state.round === before.state.round ? { ...before.choiceSeats } : {};
  for (const e of decision.effects) if (e.type === "choiceRecorded" && e.round === decision.state.round) seats[e.userId] = e.seat;
  return seats;
}


/**
 * The results of the round `state` is in, as the database would give them (loadResults), from
 * what the room holds: every answer of the round with the seat it was given from and the
 * nickname of whoever gave it. Null when that needs a read: someone who answered no longer
 * sits in the room (their nickname), or two answers came from one seat (their stored order).
 */
function currentRoundResult(content: ScenarioContent, state: GameState, seats: SeatRow[], choiceSeats: Record<string, number>): RoundResult | null {
  const round = content.rounds.find((r) => r.number === state.round);
  if (!round) return null;
  const nicknames = new Map(seats.flatMap((s) => (s.userId && s.nickname !== null ? [[s.userId, s.nickname] as const] : [])));
  const choices: RoundResult["choices"] = [];
  for (const [userId, answer] of Object.entries(state.current.choices)) {
    const seat = choiceSeats[userId];
    const nickname = nicknames.get(userId);
    if (seat === undefined || nickname === undefined) return null;
    choices.push({ userId, seat, nickname, choice: answer.choice, confidence: answer.confidence });
  }
  choices.sort((a, b) => a.seat - b.seat);
  if (choices.some((c, i) => i > 0 && choices[i - 1]!.seat === c.seat)) return null;
  return {
    round: round.number,
    ...resultText(round),
    choices,
    consensus: state.current.consensus?.choice ?? null,
    consensusConfidences: Object.entries(state.current.consensusConfidences).map(([userId, confidence]) => ({ userId, confidence })),
  };
}

/**
 * The room as `decision` leaves it, worked out without reading anything; null when that needs
 * the database: someone other than `known` sat down (a nickname to read), a round was revealed
 * whose results the room cannot tell from what it holds (currentRoundResult), or an answer was
 * added to a round revealed before.
 */
export function advanceView(view: RoomView, decision: Decision, version: number, now: Date, known?: KnownPerson): RoomView | null {
  const room = roomAfter(view.room, decision.state, version);
  const seats = seatsAfter(view.seats, view.state, decision, known);
  if (!seats) return null;
  const before = lastRevealed(view.room, view.content);
  if (decision.effects.some((e) => RESULT_EFFECTS.has(e.type) && "round" in e && e.round <= before)) return null;
  const choiceSeats = choiceSeatsAfter(view, decision);
  let results = view.results;
  const last = lastRevealed(room, view.content);
  if (last !== before) {
    // The one round this decision reveals is the one it leaves the room in (its answers are the state's).
    if (last !== before + 1 || decision.state.round !== last || results.length !== before) return null;
    const revealed = currentRoundResult(view.content, decision.state, seats, choiceSeats);
    if (!revealed) return null;
    results = [...results, revealed];
  }
  return {
    room,
    content: view.content,
    seats,
    state: asStored(decision.state),
    phaseStartedAt: phaseStartAfter(view.phaseStartedAt, decision, now),
    phaseChangedBy: phaseChangedByAfter(view.phaseChangedBy, decision),
    phasePausedMs: phasePausedAfter(view, decision, now),
    choiceSeats,
    results,
  };
}

/**
 * The room right after a command, inside its transaction, from what the command read and
 * decided rather than read again: the room row as the new state has it, the seats (read again
 * only when someone sat down or left, for the newcomer's nickname), the phase's start when the
 * phase changed, and the revealed results.
 */
export async function viewAfter(tx: Tx, read: { room: Room; content: ScenarioContent; game: LoadedGame }, decision: Decision, version: number, now: Date): Promise<RoomView> {
  const room = roomAfter(read.room, decision.state, version);
  const seats = seatsAfter(read.game.seats, read.game.state, decision) ?? (await loadGame(tx, room, read.content)).seats;
  return {
    room,
    content: read.content,
    seats,
    state: asStored(decision.state),
    phaseStartedAt: phaseStartAfter(read.game.phaseStartedAt, decision, now),
    phaseChangedBy: phaseChangedByAfter(read.game.phaseChangedBy, decision),
    phasePausedMs: phasePausedAfter(read.game, decision, now),
    choiceSeats: choiceSeatsAfter({ state: read.game.state, choiceSeats: read.game.choiceSeats }, decision),
    results: await loadResults(tx, room, read.content),
  };
}

/** The answers of every round whose results may be shown, in one statement. */
const RESULTS_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'round', c."round", 'userId', c."userId", 'seat', c."seat", 'nickname', u."nickname", 'choice', c."choice", 'confidence', c."confidence")
        ORDER BY c."round", c."seat", c."id"), '[]'::json)
      FROM "Choice" c JOIN "User" u ON u."id" = c."userId" WHERE c."roomId" = $1 AND c."round" <= $2) AS "choices",
    (SELECT coalesce(json_agg(json_build_object('round', k."round", 'choice', k."choice")), '[]'::json)
      FROM "Consensus" k WHERE k."roomId" = $1 AND k."round" <= $2) AS "consensuses",
    (SELECT coalesce(json_agg(json_build_object('round', f."round", 'userId', f."userId", 'confidence', f."confidence") ORDER BY f."round", f."submittedAt", f."id"), '[]'::json)
      FROM "ConsensusConfidence" f WHERE f."roomId" = $1 AND f."round" <= $2) AS "confidences"`;

async function loadResults(tx: Tx, room: Room, content: ScenarioContent): Promise<RoundResult[]> {
  const last = lastRevealed(room, content);
  if (!last) return [];
  const revealed = content.rounds.filter((r) => r.number <= last);
  const [raw] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(RESULTS_SQL, room.id, last);
  const choices = json<{ round: number; userId: string; seat: number; nickname: string; choice: number | null; confidence: number | null }[]>(raw!.choices);
  const consensuses = json<{ round: number; choice: number | null }[]>(raw!.consensuses);
  const confidences = json<{ round: number; userId: string; confidence: number | null }[]>(raw!.confidences);
  return revealed.map((r) => ({
    round: r.number,
    ...resultText(r),
    choices: choices.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, seat: c.seat, nickname: c.nickname, choice: c.choice, confidence: c.confidence })),
    consensus: consensuses.find((c) => c.round === r.number)?.choice ?? null,
    consensusConfidences: confidences.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, confidence: c.confidence })),
  }));
}

/** A snapshot's scenario part: the scenario's public text and the question of `round`. */
function scenarioView(content: ScenarioContent, round: number): RoomSnapshot["scenario"] {
  const question = round > 0 ? content.rounds.find((r) => r.number === round) : undefined;
  return {
    id: content.id,
    title: content.title,
    summary: content.summary,
    opening: content.opening,
    locale: content.locale,
    roles: content.roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief })),
    currentQuestion: question ? { number: question.number, question: question.question, options: question.options.map((o) => ({ ...o })) } : null,
    textRev: content.updatedAt,
  };
}

type StoredAnswer = Omit<RoomSnapshot, "scenario" | "results"> & { scenario: null; results: ResultWithoutText[] };

/**
 * An opId's first answer as it is stored: the snapshot without the scenario's text, which is
 * most of its size (the scenario part, and each revealed round's question and options: the
 * same in every answer) and follows from the scenario and the answer's rounds (about 2.9 kB of
 * JSON late in a game instead of 7–10 kB). `replayedAnswer` puts the text back.
 */
export function storedAnswer(snapshot: RoomSnapshot): StoredAnswer {
  return { ...snapshot, scenario: null, results: snapshot.results.map(resultWithoutText) };
}

/** The answer a replayed opId gets: the stored one, its scenario text rebuilt from `content`. */
export function replayedAnswer(stored: unknown, content: ScenarioContent): RoomSnapshot {
  const answer = stored as Omit<RoomSnapshot, "scenario" | "results"> & { scenario: RoomSnapshot["scenario"] | null; results: (RoundResult | ResultWithoutText)[] };
  // Answers stored before the scenario part was left out have it (and their results' text).
  if (answer.scenario) return answer as RoomSnapshot;
  const results = answer.results.map((r): RoundResult => {
    // Stored before the results' text was left out.
    if ("question" in r) return r;
    const { round: number, ...rest } = r;
    return { round: number, ...resultText(content.rounds.find((x) => x.number === number)), ...rest };
  });
  return { ...answer, scenario: scenarioView(content, answer.round), results };
}

/** The snapshot of a room's view at `now` (no database). */
export function viewSnapshot({ room, content, seats, state, phaseStartedAt, phaseChangedBy: changedBy, phasePausedMs, results }: RoomView, now: Date): RoomSnapshot {
  const answered = answeredInPhase(state);
  const roles = content.roles;
  // Lists about players come in seat order (then by id for anyone no longer seated), whatever
  // order the rows or the decision had them in.
  const seatOf = new Map(seats.filter((s) => s.userId).map((s) => [s.userId!, s.seat]));
  const bySeat = (a: string | null, b: string | null) => (seatOf.get(a ?? "") ?? 99) - (seatOf.get(b ?? "") ?? 99) || String(a).localeCompare(String(b));
  const paused = room.pausedAt !== null;
  return {
    code: room.code,
    version: room.version,
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    deadline: room.deadline && !paused ? room.deadline.toISOString() : null,
    remainingMs: room.deadline && paused ? Math.max(0, room.deadline.getTime() - room.pausedAt!.getTime()) : null,
    pausedAt: room.pausedAt?.toISOString() ?? null,
    phaseStartedAt: phaseStartedAt?.toISOString() ?? null,
    phaseChangedBy: changedBy,
    phasePausedMs,
    serverTime: now.toISOString(),
    title: room.title,
    visibility: room.visibility === "PUBLIC" ? "public" : "private",
    isResearch: room.isResearch,
    hostId: room.hostId,
    createdById: room.createdById,
    isRecordingAllowed: isRecordingAllowed(seats),
    settings: state.settings,
    scenario: scenarioView(content, room.round),
    seats: seats.map((s) => {
      const role = s.roleIndex === null || room.phase === "WAITING" ? null : roles.find((r) => r.position === s.roleIndex);
      return {
        seat: s.seat,
        userId: s.userId,
        nickname: s.userId ? s.nickname : null,
        role: role ? { position: role.position, name: role.name } : null,
        ready: s.ready,
        connected: s.connected,
        submitted: s.userId ? (answered[s.userId] ?? false) : false,
        isHost: !!s.userId && s.userId === room.hostId,
        isWithdrawn: s.isWithdrawn,
        checkInBy: s.userId && s.checkInBy ? s.checkInBy.toISOString() : null,
      };
    }),
    consensus:
      room.phase === "CONSENSUS"
        ? {
            votes: Object.entries(state.current.consensusVotes)
              .map(([userId, v]) => ({ userId, choice: v.choice }))
              .sort((a, b) => bySeat(a.userId, b.userId)),
            reached: state.current.consensus,
            rated: Object.keys(state.current.consensusConfidences).sort(bySeat),
          }
        : null,
    results: results.map((r) => ({ ...r, consensusConfidences: [...r.consensusConfidences].sort((a, b) => bySeat(a.userId, b.userId)) })),
  };
}
