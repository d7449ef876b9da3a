import { randomUUID } from "node:crypto";
import { answeredInPhase, DEFAULT_SETTINGS, emptyRound, type Decision, type GameState, type Phase, type RoomSettings } from "@/lib/domain/game";
import { isRoundRevealed, type RoomSnapshot, type RoundResult } from "@/lib/domain/snapshot";
import { roomSettingsSchema } from "@/lib/validation/room";
import type { Tx } from "../db";
import type { Room } from "../db/generated/client";
import { scenarioContent, type ScenarioContent } from "./scenario-content";

/**
 * Reading a room's game state out of the database, writing a decision back, and building
 * the snapshot everyone sees. Only the room services call these, inside their transaction.
 */

/** Stored settings merged over the defaults; anything unreadable falls back to the default. */
export function readSettings(raw: unknown): RoomSettings {
  const parsed = roomSettingsSchema.safeParse(raw ?? {});
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
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
    ${epochMs('r."pausedAt"')} AS "pausedAt", r."version", r."settings", r."isTest", r."isResearch",
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
  isWithdrawn: boolean;
}

export interface LoadedGame {
  /** The first answer to the opId asked about, when it was used already. */
  operation: { scope: string; response: unknown } | null;
  state: GameState;
  seats: SeatRow[];
  /** When the open phase-log entry began (the phase's start). */
  phaseStartedAt: Date | null;
}

/**
 * Everything a command decides on, in one statement (it runs on every command, and each
 * statement costs a round trip and the client's per-query work): the seats with their
 * sitters' nicknames, the current round's acknowledgements, choices, votes, consensus and
 * ratings, when the phase began, and the stored answer of the command's opId (read after the
 * room's lock, so a retry that committed while this one waited is seen).
 */
const LOAD_GAME_SQL = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'seat', s."seat", 'userId', s."userId", 'nickname', u."nickname", 'roleIndex', s."roleIndex", 'ready', s."ready",
        'connected', s."connected", 'disconnectedAt', ${epochMs('s."disconnectedAt"')}, 'isWithdrawn', s."isWithdrawn") ORDER BY s."seat"), '[]'::json)
      FROM "Seat" s LEFT JOIN "User" u ON u."id" = s."userId" WHERE s."roomId" = $1) AS "seats",
    (SELECT coalesce(json_agg(json_build_object('phase', a."phase", 'userId', a."userId") ORDER BY a."createdAt", a."id"), '[]'::json)
      FROM "PhaseAck" a WHERE a."roomId" = $1 AND a."round" = $2) AS "acks",
    (SELECT coalesce(json_agg(json_build_object('userId', c."userId", 'choice', c."choice", 'confidence', c."confidence") ORDER BY c."seat"), '[]'::json)
      FROM "Choice" c WHERE c."roomId" = $1 AND c."round" = $2) AS "choices",
    (SELECT coalesce(json_agg(json_build_object('userId', v."userId", 'choice', v."choice", 'at', ${epochMs('v."updatedAt"')}) ORDER BY v."createdAt", v."id"), '[]'::json)
      FROM "ConsensusVote" v WHERE v."roomId" = $1 AND v."round" = $2) AS "votes",
    (SELECT json_build_object('choice', k."choice", 'proposedById', k."proposedById")
      FROM "Consensus" k WHERE k."roomId" = $1 AND k."round" = $2) AS "consensus",
    (SELECT coalesce(json_agg(json_build_object('userId', f."userId", 'confidence', f."confidence") ORDER BY f."submittedAt", f."id"), '[]'::json)
      FROM "ConsensusConfidence" f WHERE f."roomId" = $1 AND f."round" = $2) AS "confidences",
    (SELECT ${epochMs('p."enteredAt"')} FROM "PhaseLog" p WHERE p."roomId" = $1 AND p."leftAt" IS NULL ORDER BY p."enteredAt" DESC LIMIT 1) AS "phaseStartedAt",
    (SELECT json_build_object('scope', o."scope", 'response', o."response")
      FROM "ProcessedOperation" o WHERE o."userId" = $3 AND o."opId" = $4) AS "operation"`;

interface LoadGameRow {
  seats: { seat: number; userId: string | null; nickname: string | null; roleIndex: number | null; ready: boolean; connected: boolean; disconnectedAt: number | null; isWithdrawn: boolean }[];
  acks: { phase: Phase; userId: string }[];
  choices: { userId: string; choice: number | null; confidence: number | null }[];
  votes: { userId: string; choice: number; at: number }[];
  consensus: { choice: number | null; proposedById: string | null } | null;
  confidences: { userId: string; confidence: number | null }[];
  phaseStartedAt: number | null;
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
  };
  const current = emptyRound();
  for (const c of row.choices) current.choices[c.userId] = { choice: c.choice, confidence: c.confidence };
  for (const v of row.votes) current.consensusVotes[v.userId] = { choice: v.choice, at: v.at };
  if (row.consensus) current.consensus = { choice: row.consensus.choice, proposedBy: row.consensus.proposedById };
  for (const c of row.confidences) current.consensusConfidences[c.userId] = c.confidence;
  const acked = (phase: Phase) => row.acks.filter((a) => a.phase === phase).map((a) => a.userId);
  current.endVotes = acked("DISCUSSION");
  current.continueVotes = acked("REVEAL");
  const seats: SeatRow[] = row.seats.map((s) => ({ ...s, nickname: s.userId ? s.nickname : null, disconnectedAt: s.disconnectedAt === null ? null : new Date(s.disconnectedAt) }));
  const state: GameState = {
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    optionCounts: content.rounds.map((r) => r.options.length),
    deadline: ms(room.deadline),
    pausedAt: ms(room.pausedAt),
    hostId: room.hostId,
    settings: readSettings(room.settings),
    seats: row.seats.map((s) => ({ seat: s.seat, userId: s.userId, roleIndex: s.roleIndex, ready: s.ready, connected: s.connected, disconnectedAt: s.disconnectedAt })),
    roleConfirmations: room.round === 0 ? acked("ROLES") : [],
    current,
  };
  const operation = raw!.operation === null || raw!.operation === undefined ? null : json<{ scope: string; response: unknown }>(raw!.operation);
  return { operation, state, seats, phaseStartedAt: row.phaseStartedAt === null ? null : new Date(row.phaseStartedAt) };
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
}

/**
 * Writes a decision in one statement (each part a data-modifying CTE): the rows its effects add,
 * the seats and the room row as the new state has them, and the room's version raised by one
 * (checked against the version read). The parts touch different rows — the phase log closes
 * the entries open before the statement, not the one it adds — so their order does not matter.
 * The room's row is locked by the command, so the version check cannot fail unless something
 * wrote it without the lock; the transaction is then rolled back and the command runs again.
 */
export async function persistDecision(tx: Tx, room: Room, before: GameState, decision: Decision, now: Date): Promise<number> {
  const { state, effects } = decision;
  const q = new SqlParams();
  const roomId = q.p(room.id);
  const at = q.ts(now);
  const parts: string[] = [];
  const id = () => q.p(randomUUID());
  for (const e of effects) {
    switch (e.type) {
      case "acknowledged":
        parts.push(`INSERT INTO "PhaseAck" ("id","roomId","round","phase","userId","createdAt") VALUES (${id()}, ${roomId}, ${q.p(e.round)}, ${q.phase(e.phase)}, ${q.p(e.userId)}, ${at})`);
        break;
      case "choiceRecorded":
        parts.push(
          `INSERT INTO "Choice" ("id","roomId","round","userId","seat","choice","confidence","isMissing","submittedAt") VALUES (${id()}, ${roomId}, ${q.p(e.round)}, ${q.p(e.userId)}, ${q.p(e.seat)}, ${q.p(e.choice)}::int, ${q.p(e.confidence)}::int, ${q.p(e.missing)}, ${at})`,
        );
        break;
      case "consensusVoted":
        parts.push(
          `INSERT INTO "ConsensusVote" ("id","roomId","round","userId","choice","changes","createdAt","updatedAt") VALUES (${id()}, ${roomId}, ${q.p(e.round)}, ${q.p(e.userId)}, ${q.p(e.choice)}, 0, ${at}, ${at})
           ON CONFLICT ("roomId","round","userId") DO UPDATE SET "choice" = EXCLUDED."choice", "changes" = "ConsensusVote"."changes" + 1, "updatedAt" = EXCLUDED."updatedAt"`,
        );
        break;
      case "consensusReached":
        parts.push(
          `INSERT INTO "Consensus" ("id","roomId","round","choice","proposedById","isMissing","reachedAt") VALUES (${id()}, ${roomId}, ${q.p(e.round)}, ${q.p(e.choice)}::int, ${q.p(e.proposedBy)}::text, ${q.p(e.missing)}, ${at})`,
        );
        break;
      case "consensusConfidenceRecorded":
        parts.push(
          `INSERT INTO "ConsensusConfidence" ("id","roomId","round","userId","confidence","isMissing","submittedAt") VALUES (${id()}, ${roomId}, ${q.p(e.round)}, ${q.p(e.userId)}, ${q.p(e.confidence)}::int, ${q.p(e.missing)}, ${at})`,
        );
        break;
      case "seatFreed":
        // Recorded in the phase log as an event (entered and left at once), with who did it;
        // the open phase entry stays open.
        if (before.phase !== "WAITING") {
          parts.push(
            `INSERT INTO "PhaseLog" ("id","roomId","phase","round","enteredAt","leftAt","reason","actorId") VALUES (${id()}, ${roomId}, ${q.phase(before.phase)}, ${q.p(before.round)}, ${at}, ${at}, ${q.p(`seat_${e.reason}:${e.seat}`)}, ${q.p(e.actorId)}::text)`,
          );
        }
        break;
      case "phaseChanged":
        parts.push(`UPDATE "PhaseLog" SET "leftAt" = ${at} WHERE "roomId" = ${roomId} AND "leftAt" IS NULL`);
        parts.push(
          `INSERT INTO "PhaseLog" ("id","roomId","phase","round","enteredAt","reason","actorId") VALUES (${id()}, ${roomId}, ${q.phase(e.to)}, ${q.p(e.round)}, ${at}, ${q.p(e.reason)}, ${q.p(e.actorId)}::text)`,
        );
        if (e.to === "ROLES") parts.push(`DELETE FROM "PhaseAck" WHERE "roomId" = ${roomId} AND "phase" = 'ROLES'`);
        break;
      default:
        break;
    }
  }
  for (const seat of state.seats) {
    const old = before.seats[seat.seat]!;
    if (JSON.stringify(old) === JSON.stringify(seat)) continue;
    const newcomer = old.userId !== seat.userId && seat.userId !== null;
    parts.push(
      `UPDATE "Seat" SET "userId" = ${q.p(seat.userId)}::text, "roleIndex" = ${q.p(seat.roleIndex)}::int, "ready" = ${q.p(seat.ready)}, "connected" = ${q.p(seat.connected)},
         "disconnectedAt" = ${q.ts(seat.disconnectedAt)}, "updatedAt" = ${at}${newcomer ? `, "joinedAt" = ${at}, "isWithdrawn" = false` : ""}
       WHERE "roomId" = ${roomId} AND "seat" = ${q.p(seat.seat)}`,
    );
  }
  const started = before.phase === "WAITING" && state.phase !== "WAITING";
  const ended = (state.phase === "FINISHED" || state.phase === "ABANDONED") && before.phase !== state.phase;
  const roomUpdate = `UPDATE "Room" SET "phase" = ${q.phase(state.phase)}, "round" = ${q.p(state.round)}, "deadline" = ${q.ts(state.deadline)}, "pausedAt" = ${q.ts(state.pausedAt)},
      "hostId" = ${q.p(state.hostId)}::text, "version" = "version" + 1, "updatedAt" = ${at}${started ? `, "startedAt" = ${at}` : ""}${ended ? `, "finishedAt" = ${at}` : ""}
    WHERE "id" = ${roomId} AND "version" = ${q.p(room.version)} RETURNING "version"`;
  const sql = `WITH ${[...parts, roomUpdate].map((part, i) => `w${i} AS (${part}${i === parts.length ? "" : " RETURNING 1"})`).join(",\n")}
    SELECT (SELECT "version" FROM w${parts.length}) AS "version"`;
  const [row] = await tx.$queryRawUnsafe<{ version: number | null }[]>(sql, ...q.values);
  if (row?.version === null || row?.version === undefined) throw new VersionConflict();
  return Number(row.version);
}

/** Stores the first answer to a user's opId, so that a retry is answered the same way. */
export async function recordOperation(tx: Tx, op: { userId: string; opId: string; scope: string; response: RoomSnapshot; now: Date }): Promise<void> {
  const q = new SqlParams();
  await tx.$executeRawUnsafe(
    `INSERT INTO "ProcessedOperation" ("id","userId","opId","scope","status","response","createdAt")
     VALUES (${q.p(randomUUID())}, ${q.p(op.userId)}, ${q.p(op.opId)}, ${q.p(op.scope)}, 200, ${q.p(JSON.stringify(op.response))}::jsonb, ${q.ts(op.now)})`,
    ...q.values,
  );
}

/** The room's content and game state, read as they are now (no lock). */
export async function readRoom(tx: Tx, roomId: string): Promise<{ room: Room; content: ScenarioContent; game: LoadedGame }> {
  const room = await tx.room.findUniqueOrThrow({ where: { id: roomId }, include: { scenario: { select: { updatedAt: true } } } });
  const content = await scenarioContent(tx, room.scenarioId, room.scenario.updatedAt);
  return { room, content, game: await loadGame(tx, room, content) };
}

/** The snapshot of a room as everyone in it may see it, read from the database. */
export async function buildSnapshot(tx: Tx, roomId: string, now = new Date()): Promise<RoomSnapshot> {
  const { room, content, game } = await readRoom(tx, roomId);
  return snapshotOf({ room, content, seats: game.seats, state: game.state, phaseStartedAt: game.phaseStartedAt, results: await loadResults(tx, room, content), now });
}

/**
 * The snapshot right after a command, from what the command read and decided rather than read
 * again: the room row as the new state has it, the seats (read again only when someone sat
 * down or left, for the newcomer's nickname), and the phase's start when the phase changed.
 */
export async function snapshotAfter(tx: Tx, read: { room: Room; content: ScenarioContent; game: LoadedGame }, decision: Decision, version: number, now: Date): Promise<RoomSnapshot> {
  const { state } = decision;
  const room: Room = {
    ...read.room,
    phase: state.phase,
    round: state.round,
    deadline: state.deadline === null ? null : new Date(state.deadline),
    pausedAt: state.pausedAt === null ? null : new Date(state.pausedAt),
    hostId: state.hostId,
    version,
  };
  const before = read.game.seats;
  const sameSitters = state.seats.every((s) => before[s.seat]?.userId === s.userId);
  const seats = sameSitters
    ? state.seats.map((s) => ({ ...before[s.seat]!, roleIndex: s.roleIndex, ready: s.ready, connected: s.connected, disconnectedAt: s.disconnectedAt === null ? null : new Date(s.disconnectedAt) }))
    : (await loadGame(tx, room, read.content)).seats;
  const phaseChanged = decision.effects.some((e) => e.type === "phaseChanged");
  const phaseStartedAt = phaseChanged ? now : read.game.phaseStartedAt;
  return snapshotOf({ room, content: read.content, seats, state, phaseStartedAt, results: await loadResults(tx, room, read.content), now });
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
  // The revealed rounds are always the first ones: every round before the current one, and
  // the current one from its reveal on.
  const revealed = content.rounds.filter((r) => isRoundRevealed(r.number, room));
  if (!revealed.length) return [];
  const last = Math.max(...revealed.map((r) => r.number));
  const [raw] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(RESULTS_SQL, room.id, last);
  const choices = json<{ round: number; userId: string; seat: number; nickname: string; choice: number | null; confidence: number | null }[]>(raw!.choices);
  const consensuses = json<{ round: number; choice: number | null }[]>(raw!.consensuses);
  const confidences = json<{ round: number; userId: string; confidence: number | null }[]>(raw!.confidences);
  return revealed.map((r) => ({
    round: r.number,
    question: r.question,
    options: r.options.map((o) => ({ index: o.index, label: o.label })),
    choices: choices.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, seat: c.seat, nickname: c.nickname, choice: c.choice, confidence: c.confidence })),
    consensus: consensuses.find((c) => c.round === r.number)?.choice ?? null,
    consensusConfidences: confidences.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, confidence: c.confidence })),
  }));
}

interface SnapshotParts {
  room: Room;
  content: ScenarioContent;
  seats: SeatRow[];
  state: GameState;
  phaseStartedAt: Date | null;
  results: RoundResult[];
  now: Date;
}

/** The snapshot from its parts (no database). */
function snapshotOf({ room, content, seats, state, phaseStartedAt, results, now }: SnapshotParts): RoomSnapshot {
  const answered = answeredInPhase(state);
  const roles = content.roles;
  // Lists about players come in seat order (then by id for anyone no longer seated), whatever
  // order the rows or the decision had them in.
  const seatOf = new Map(seats.filter((s) => s.userId).map((s) => [s.userId!, s.seat]));
  const bySeat = (a: string | null, b: string | null) => (seatOf.get(a ?? "") ?? 99) - (seatOf.get(b ?? "") ?? 99) || String(a).localeCompare(String(b));
  const question = room.round > 0 ? content.rounds.find((r) => r.number === room.round) : undefined;
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
    serverTime: now.toISOString(),
    title: room.title,
    visibility: room.visibility === "PUBLIC" ? "public" : "private",
    isResearch: room.isResearch,
    hostId: room.hostId,
    createdById: room.createdById,
    settings: state.settings,
    scenario: {
      id: content.id,
      title: content.title,
      summary: content.summary,
      opening: content.opening,
      locale: content.locale,
      roles: roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief })),
      currentQuestion: question ? { number: question.number, question: question.question, options: question.options.map((o) => ({ ...o })) } : null,
    },
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
