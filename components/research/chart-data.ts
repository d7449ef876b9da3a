import { confidenceChange } from "@/lib/domain/statistics";
import type { ResearchParticipantGame, ResearchRoomDetail, ResearchSummary, ResearchTimelineEntry } from "@/lib/client/research-api";

/**
 * Shapes research answers into the rows the charts (and their data tables) draw. Pure: no
 * React, no formatting that depends on the UI language.
 */

/** Colours of options A–D (distinct in hue and lightness, readable for red–green colour blindness). */
export const OPTION_COLORS = ["#4f6df5", "#f59e0b", "#0d9488", "#db2777"] as const;
export const MISSING_COLOR = "#cbd5e1";
/** A phase's paused time, after its played time in the timeline. */
export const PAUSED_COLOR = "#e2e8f0";
export const AGREED_COLOR = "#10b981";
export const DIFFERED_COLOR = "#f59e0b";
export const BEFORE_COLOR = "#93b1fd";
export const AFTER_COLOR = "#2f44b5";
export const CREATED_COLOR = "#93b1fd";
export const FINISHED_COLOR = "#10b981";

export const PHASE_COLORS: Record<string, string> = {
  WAITING: "#94a3b8",
  ROLES: "#a78bfa",
  INDIVIDUAL: "#4f6df5",
  DISCUSSION: "#f59e0b",
  CONSENSUS: "#10b981",
  REVEAL: "#38bdf8",
  FINISHED: "#64748b",
  ABANDONED: "#64748b",
};

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** How many option columns the distribution needs: the most options of any round. */
export function optionCount(detail: Pick<ResearchRoomDetail, "rounds">): number {
  return detail.rounds.reduce((n, r) => Math.max(n, r.options.length), 0);
}

export interface DistributionRow {
  round: number;
  /** Individual choices per option index (`o0`…`o3`). */
  [option: `o${number}`]: number;
  missing: number;
  consensus: number | null;
  /** The option labels of this round, for the tooltip. */
  labels: string[];
}

/** Per round: how many chose each option alone, how many gave no answer, and the group's decision. */
export function distributionRows(detail: Pick<ResearchRoomDetail, "rounds" | "statistics">): DistributionRow[] {
  const width = optionCount(detail);
  return detail.rounds.map((r) => {
    const stats = detail.statistics.rounds.find((s) => s.round === r.round);
    const row: DistributionRow = { round: r.round, missing: stats?.missingChoices ?? r.choices.filter((c) => c.choice === null).length, consensus: r.consensus?.choice ?? null, labels: r.options.map((o) => o.label) };
    for (let i = 0; i < width; i++) row[`o${i}`] = stats ? (stats.distribution[i] ?? 0) : r.choices.filter((c) => c.choice === i).length;
    return row;
  });
}

export interface AgreementRow {
  round: number;
  /** Chose the group's option on their own. */
  agreed: number;
  /** Chose another option and went along with the group. */
  differed: number;
  /** No answer, or no consensus to compare with. */
  unknown: number;
  /** agreed / (agreed + differed), or null. */
  rate: number | null;
}

/** Per round: how many people's individual choice was already the consensus (the shift toward it is the rest). */
export function agreementRows(stats: ResearchRoomDetail["statistics"]): AgreementRow[] {
  return stats.rounds.map((r) => {
    const comparable = r.players.filter((p) => p.agreedWithConsensus !== null).length;
    return { round: r.round, agreed: r.agreed, differed: comparable - r.agreed, unknown: r.players.length - comparable, rate: r.agreementRate };
  });
}

export interface ConfidenceRow {
  round: number;
  /** Mean confidence in the individual choice (1–5). */
  before: number | null;
  /** Mean confidence in the consensus (1–5). */
  after: number | null;
  shift: number | null;
}

export function confidenceRows(stats: ResearchRoomDetail["statistics"]): ConfidenceRow[] {
  return stats.rounds.map((r) => ({ round: r.round, before: r.meanConfidence, after: r.meanConsensusConfidence, shift: r.meanConfidenceShift }));
}

export interface TimelineRow {
  /** Unique per row, for keys and the category axis. */
  key: string;
  phase: string;
  /** 0 before the first round. */
  round: number;
  /** Active seconds: the phase's time without its pauses. */
  seconds: number;
  /** Seconds the phase spent paused. */
  paused: number;
  enteredAt: string;
}

/**
 * The phases the room went through, in order, with how long each was played (its active time)
 * and paused. The phase the room is in now (no end yet) and the final FINISHED/ABANDONED mark
 * are left out: they have no duration; pauses and events are counted in their phase's row.
 */
export function timelineRows(timeline: ResearchTimelineEntry[]): TimelineRow[] {
  return timeline.flatMap((e, i) => {
    if (e.kind !== "phase" || e.durationSeconds === null) return [];
    const paused = Math.max(0, e.pausedSeconds ?? 0);
    const seconds = Math.max(0, e.activeSeconds ?? e.durationSeconds - paused);
    return [{ key: `${i}`, phase: e.phase, round: e.round, seconds, paused, enteredAt: e.enteredAt }];
  });
}

/** A duration as `0:45`, `12:05`, `1:02:03` (same in every language); a dash when unknown. */
export function formatDuration(totalSeconds: number | null): string {
  if (totalSeconds === null || !Number.isFinite(totalSeconds)) return "–";
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

export interface ActivityRow {
  date: string;
  created: number;
  finished: number;
}

export function activityRows(summary: Pick<ResearchSummary, "activity">): ActivityRow[] {
  return summary.activity.roomsPerDay.map((d) => ({ date: d.date, created: d.created, finished: d.finished }));
}

/** Rooms per phase, in game order, with each one's share of all rooms (0–1). */
export function phaseShares(byPhase: Record<string, number>, order: readonly string[]): { phase: string; count: number; share: number }[] {
  const total = order.reduce((n, p) => n + (byPhase[p] ?? 0), 0);
  return order.map((phase) => ({ phase, count: byPhase[phase] ?? 0, share: total ? (byPhase[phase] ?? 0) / total : 0 }));
}

export interface ParticipantTotals {
  games: number;
  completed: number;
  rounds: number;
  /** Rounds where the individual choice was the group's, of rounds with both. */
  agreementRate: number | null;
  /** Mean confidence in the own choice and in the consensus, over the rounds where both were given. */
  meanConfidence: number | null;
  meanConsensusConfidence: number | null;
}


/** One participant's figures over all their games. */
export function participantTotals(games: ResearchParticipantGame[]): ParticipantTotals {
  const rounds = games.flatMap((g) => g.rounds);
  const comparable = rounds.filter((r) => r.choice !== null && r.consensus !== null);
  const confidence = confidenceChange(rounds.map((r) => ({ before: r.confidence, after: r.consensusConfidence })));
  return {
    games: games.length,
    completed: games.filter((g) => g.completed).length,
    rounds: rounds.filter((r) => r.choice !== null).length,
    agreementRate: comparable.length ? Math.round((comparable.filter((r) => r.choice === r.consensus).length / comparable.length) * 100) / 100 : null,
    meanConfidence: confidence.before,
    meanConsensusConfidence: confidence.after,
  };
}

/** Participant codes seen in a room that no longer sit in it (a released seat). */
export function formerParticipants(detail: Pick<ResearchRoomDetail, "seats" | "participants">): ResearchRoomDetail["participants"] {
  const seated = new Set(detail.seats.map((s) => s.participantCode).filter(Boolean));
  return detail.participants.filter((p) => !seated.has(p.participantCode));
}
