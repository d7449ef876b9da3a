import { PAUSE_REASON, pausedWithin, phaseTimes, type PhaseLogKind, type Span } from "@/lib/domain/phase-time";
import { iso, secondsBetween, type Row } from "./cells";

/**
 * From one room's records to the rows of every export sheet. Pure: the caller loads the
 * records (lib/server/research/load.ts) and says who may appear (`codeOf`).
 */

export type PhaseName = "WAITING" | "ROLES" | "INDIVIDUAL" | "DISCUSSION" | "CONSENSUS" | "REVEAL" | "FINISHED" | "ABANDONED";

export interface ScenarioInfo {
  id: string;
  slug: string | null;
  title: string;
  locale: string;
  source: string;
  roles: { position: number; name: string }[];
  rounds: { number: number; question: string; options: { index: number; label: string }[] }[];
}

/** The records of a room an export needs; Prisma rows with these fields fit. */
export interface RoomRecords {
  id: string;
  code: string;
  visibility: "PUBLIC" | "PRIVATE";
  isResearch: boolean;
  isTest: boolean;
  phase: PhaseName;
  round: number;
  totalRounds: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Set while the room waits for an absent or empty seat (a pause not yet in the phase log). */
  pausedAt: Date | null;
  seats: { seat: number; userId: string | null; roleIndex: number | null; isWithdrawn: boolean }[];
  choices: { round: number; userId: string; seat: number; choice: number | null; confidence: number | null; isMissing: boolean; submittedAt: Date }[];
  consensuses: { round: number; choice: number | null; proposedById: string | null; isMissing: boolean; reachedAt: Date }[];
  consensusConfs: { round: number; userId: string; confidence: number | null; isMissing: boolean; submittedAt: Date }[];
  phaseLogs: PhaseLogRecord[];
  chatMessages: { userId: string; round: number; phase: PhaseName; text: string; isMasked: boolean; createdAt: Date }[];
  recordings: RecordingRecord[];
}

export interface PhaseLogRecord {
  kind: PhaseLogKind;
  phase: PhaseName;
  round: number;
  enteredAt: Date;
  leftAt: Date | null;
  reason: string;
  actorId: string | null;
}

const KIND_ORDER: Record<PhaseLogKind, number> = { PHASE: 0, PAUSE: 1, EVENT: 2 };

/**
 * A room's phase log in time order (a phase before the pauses and events within it), with the
 * pause going on now, if any, as an open PAUSE row: the log writes a pause once it is over.
 */
export function phaseLogOf<T extends PhaseLogRecord>(room: Pick<RoomRecords, "phase" | "round" | "pausedAt"> & { phaseLogs: readonly T[] }): (T | PhaseLogRecord)[] {
  const rows: (T | PhaseLogRecord)[] = [...room.phaseLogs];
  if (room.pausedAt && room.phase !== "FINISHED" && room.phase !== "ABANDONED") {
    rows.push({ kind: "PAUSE", phase: room.phase, round: room.round, enteredAt: room.pausedAt, leftAt: null, reason: PAUSE_REASON, actorId: null });
  }
  return rows.sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** The pauses of a room, as spans in epoch milliseconds (the one going on has no end). */
function pausesOf(log: PhaseLogRecord[]): Span[] {
  return log.filter((l) => l.kind === "PAUSE").map((l) => ({ enteredAt: l.enteredAt.getTime(), leftAt: l.leftAt?.getTime() ?? null }));
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

export interface RecordingRecord {
  id: string;
  userId: string;
  round: number;
  durationMs: number;
  startedAt: Date;
  transcript: { status: "PENDING" | "DONE" | "FAILED"; text: string | null; language: string | null; attempts: number; lastError: string | null } | null;
}

export type TranscriptStatusName = "done" | "pending" | "failed" | "not_configured";

/**
 * Where a recording's transcript stands, and why it is empty when it is. A recording without
 * a transcript record was stored while no AI was configured (with AI, every upload is queued
 * and older recordings are picked up by the worker).
 */
export function transcriptState(t: RecordingRecord["transcript"]): { status: TranscriptStatusName; text: string | null; note: string | null } {
  if (!t) return { status: "not_configured", text: null, note: "No transcript: AI transcription is not configured on this server (OPENAI_API_KEY is unset)." };
  if (t.status === "DONE") return { status: "done", text: t.text ?? "", note: t.text ? null : "The transcription came back empty (no speech heard)." };
  if (t.status === "FAILED") return { status: "failed", text: null, note: `Transcription failed after ${t.attempts} attempt(s): ${t.lastError ?? "unknown error"}` };
  return { status: "pending", text: null, note: t.attempts ? `Transcription is being retried (${t.attempts} attempt(s) so far; last error: ${t.lastError ?? "none"}).` : "Transcription is queued." };
}

/** The participant code under which a user may appear, or null (no data consent, unknown). */
export type CodeOf = (userId: string | null | undefined) => string | null;

export interface Participant {
  userId: string;
  code: string;
  seat: number;
  roleIndex: number | null;
  roleName: string | null;
}

export interface RoomRows {
  wide: Row[];
  choices: Row[];
  consensus: Row[];
  consensus_confidence: Row[];
  rooms: Row[];
  phase_log: Row[];
  chat: Row[];
  transcripts: Row[];
}

const label = (scenario: ScenarioInfo, round: number, choice: number | null): string | null => {
  if (choice === null) return null;
  return scenario.rounds.find((r) => r.number === round)?.options.find((o) => o.index === choice)?.label ?? null;
};

/**
 * Who took part in a room and may appear: the people in its seats now and everyone who
 * answered in it (a released seat's earlier player too), with the seat they answered from.
 * People without a code (no consent) and withdrawn seats are left out. Ordered by seat.
 */
export function participantsOf(room: RoomRecords, scenario: ScenarioInfo, codeOf: CodeOf): Participant[] {
  const seatOf = new Map<string, number>();
  const byTime = [...room.choices].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  for (const c of byTime) seatOf.set(c.userId, c.seat);
  for (const s of room.seats) if (s.userId) seatOf.set(s.userId, s.seat);
  for (const c of room.consensusConfs) if (!seatOf.has(c.userId)) seatOf.set(c.userId, -1);
  const out: Participant[] = [];
  for (const [userId, seat] of seatOf) {
    const code = codeOf(userId);
    if (!code) continue;
    const roleIndex = room.seats.find((s) => s.seat === seat)?.roleIndex ?? null;
    const roleName = roleIndex === null ? null : (scenario.roles.find((r) => r.position === roleIndex)?.name ?? null);
    out.push({ userId, code, seat, roleIndex, roleName });
  }
  return out.sort((a, b) => a.seat - b.seat || a.code.localeCompare(b.code));
}

/** When the individual phase of each round began (the last time it was entered). */
function individualStarts(room: RoomRecords): Map<number, Date> {
  const starts = new Map<number, Date>();
  for (const log of room.phaseLogs) {
    if (log.phase !== "INDIVIDUAL" || log.kind !== "PHASE") continue;
    const seen = starts.get(log.round);
    if (!seen || seen < log.enteredAt) starts.set(log.round, log.enteredAt);
  }
  return starts;
}

/** Rounds the room reached, 1..room.round (a finished room reached all of them). */
export function roundsReached(room: RoomRecords): number[] {
  const last = room.phase === "FINISHED" ? room.totalRounds : Math.min(room.round, room.totalRounds);
  return Array.from({ length: Math.max(0, last) }, (_, i) => i + 1);
}

/** Seconds from the start of round `round`'s individual phase to `at`, less the time the room was paused meanwhile. */
function timeToChoose(starts: Map<number, Date>, pauses: Span[], round: number, at: Date, missing: boolean): number | null {
  const start = starts.get(round);
  if (missing || !start || at < start) return null;
  return seconds(Math.max(0, at.getTime() - start.getTime() - pausedWithin(start.getTime(), at.getTime(), pauses)));
}

/**
 * The wide row of one participant: the room's facts, then for every round 1..`rounds` the
 * choice (index and label), confidence, the group's consensus, the participant's confidence
 * in it and the time to choose. Rounds the participant has no record of stay empty.
 */
export function wideRow(room: RoomRecords, scenario: ScenarioInfo, p: Participant, rounds: number): Row {
  const row: Row = {
    participant_code: p.code,
    room_code: room.code,
    scenario_slug: scenario.slug,
    scenario_title: scenario.title,
    scenario_locale: scenario.locale,
    seat: p.seat < 0 ? null : p.seat,
    role_index: p.roleIndex,
    role_name: p.roleName,
    is_test: room.isTest,
    started_at: iso(room.startedAt),
    finished_at: iso(room.finishedAt),
    completed: room.phase === "FINISHED",
  };
  const starts = individualStarts(room);
  const pauses = pausesOf(phaseLogOf(room));
  for (let n = 1; n <= rounds; n++) {
    const choice = room.choices.find((c) => c.round === n && c.userId === p.userId);
    const consensus = room.consensuses.find((c) => c.round === n);
    const conf = room.consensusConfs.find((c) => c.round === n && c.userId === p.userId);
    const missing = !choice || choice.isMissing || choice.choice === null;
    row[`r${n}_choice`] = choice?.choice ?? null;
    row[`r${n}_choice_label`] = label(scenario, n, choice?.choice ?? null);
    row[`r${n}_confidence`] = choice?.confidence ?? null;
    row[`r${n}_consensus`] = consensus?.choice ?? null;
    row[`r${n}_consensus_label`] = label(scenario, n, consensus?.choice ?? null);
    row[`r${n}_consensus_confidence`] = conf?.confidence ?? null;
    row[`r${n}_time_to_choose_s`] = choice ? timeToChoose(starts, pauses, n, choice.submittedAt, missing) : null;
  }
  return row;
}

/** Every sheet's rows for one room. `wideRounds` is the number of round blocks in the wide sheet. */
export function roomRows(room: RoomRecords, scenario: ScenarioInfo, codeOf: CodeOf, wideRounds: number): RoomRows {
  const participants = participantsOf(room, scenario, codeOf);
  const byUser = new Map(participants.map((p) => [p.userId, p]));
  const starts = individualStarts(room);
  const log = phaseLogOf(room);
  const pauses = pausesOf(log);
  const consensusOf = new Map(room.consensuses.map((c) => [c.round, c]));

  const choices: Row[] = [...room.choices]
    .filter((c) => byUser.has(c.userId))
    .sort((a, b) => a.round - b.round || a.seat - b.seat)
    .map((c) => {
      const p = byUser.get(c.userId)!;
      const missing = c.isMissing || c.choice === null;
      return {
        room_code: room.code,
        participant_code: p.code,
        seat: c.seat,
        role_name: p.roleName,
        round: c.round,
        choice: c.choice,
        choice_label: label(scenario, c.round, c.choice),
        confidence: c.confidence,
        missing,
        submitted_at: iso(c.submittedAt),
        time_to_choose_s: timeToChoose(starts, pauses, c.round, c.submittedAt, missing),
      };
    });

  const consensus: Row[] = roundsReached(room).map((n) => {
    const c = consensusOf.get(n);
    const reached = !!c && !c.isMissing && c.choice !== null;
    return {
      room_code: room.code,
      round: n,
      consensus: c?.choice ?? null,
      consensus_label: label(scenario, n, c?.choice ?? null),
      status: !c ? "not_recorded" : reached ? "reached" : "timed_out",
      reached,
      missing: !reached,
      proposer_code: reached ? codeOf(c!.proposedById) : null,
      reached_at: iso(c?.reachedAt),
    };
  });

  const consensusConfidence: Row[] = [...room.consensusConfs]
    .filter((c) => byUser.has(c.userId))
    .sort((a, b) => a.round - b.round || byUser.get(a.userId)!.seat - byUser.get(b.userId)!.seat)
    .map((c) => {
      const p = byUser.get(c.userId)!;
      return {
        room_code: room.code,
        participant_code: p.code,
        seat: p.seat < 0 ? null : p.seat,
        role_name: p.roleName,
        round: c.round,
        consensus: consensusOf.get(c.round)?.choice ?? null,
        consensus_confidence: c.confidence,
        missing: c.isMissing || c.confidence === null,
        submitted_at: iso(c.submittedAt),
      };
    });

  const rooms: Row[] = [
    {
      room_code: room.code,
      scenario_slug: scenario.slug,
      scenario_title: scenario.title,
      scenario_locale: scenario.locale,
      scenario_source: scenario.source,
      visibility: room.visibility === "PUBLIC" ? "public" : "private",
      is_research: room.isResearch,
      is_test: room.isTest,
      phase: room.phase,
      completed: room.phase === "FINISHED",
      created_at: iso(room.createdAt),
      started_at: iso(room.startedAt),
      finished_at: iso(room.finishedAt),
      total_rounds: room.totalRounds,
      rounds_reached: roundsReached(room).length,
      participants: participants.length,
    },
  ];

  const times = phaseTimes(log.map((l) => ({ kind: l.kind, enteredAt: l.enteredAt.getTime(), leftAt: l.leftAt?.getTime() ?? null })));
  const phaseLog: Row[] = log.map((l, i) => ({
    room_code: room.code,
    kind: l.kind.toLowerCase(),
    phase: l.phase,
    round: l.round,
    entered_at: iso(l.enteredAt),
    left_at: iso(l.leftAt),
    duration_s: secondsBetween(l.enteredAt, l.leftAt),
    active_s: seconds(times[i]!.activeMs),
    paused_s: seconds(times[i]!.pausedMs),
    reason: l.reason,
    actor_code: codeOf(l.actorId),
  }));

  const chat: Row[] = [...room.chatMessages]
    .filter((m) => codeOf(m.userId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((m) => ({
      room_code: room.code,
      participant_code: codeOf(m.userId),
      round: m.round,
      phase: m.phase,
      text: m.text,
      is_masked: m.isMasked,
      at: iso(m.createdAt),
    }));

  const seatOfUser = new Map(room.seats.flatMap((s) => (s.userId ? [[s.userId, s.seat] as const] : [])));
  const transcripts: Row[] = room.recordings.flatMap((r) => {
    const code = codeOf(r.userId);
    if (!code) return [];
    const p = byUser.get(r.userId);
    const seat = p && p.seat >= 0 ? p.seat : (seatOfUser.get(r.userId) ?? null);
    const roleIndex = seat === null ? null : (room.seats.find((s) => s.seat === seat)?.roleIndex ?? null);
    const state = transcriptState(r.transcript);
    return [
      {
        room_code: room.code,
        round: r.round,
        participant_code: code,
        seat,
        role_name: p?.roleName ?? (roleIndex === null ? null : (scenario.roles.find((x) => x.position === roleIndex)?.name ?? null)),
        recording_id: r.id,
        started_at: iso(r.startedAt),
        duration_ms: r.durationMs,
        transcript_status: state.status,
        transcript: state.text,
        language: r.transcript?.language ?? null,
        note: state.note,
      },
    ];
  });

  return {
    wide: participants.map((p) => wideRow(room, scenario, p, wideRounds)),
    choices,
    consensus,
    consensus_confidence: consensusConfidence,
    rooms,
    phase_log: phaseLog,
    chat,
    transcripts,
  };
}
