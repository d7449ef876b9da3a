import { isAdvancedReason, isOver, type Phase, type RoomSettings } from "./game";

/**
 * What every subscriber of a room sees (`room:state`, `GET /api/rooms/:code`). The same for
 * everyone in the room: it never holds another player's hidden choice before the reveal, nor
 * anyone's private brief.
 */
export interface RoomSnapshot {
  code: string;
  version: number;
  phase: Phase;
  round: number;
  totalRounds: number;
  /** ISO time the current phase's timer ends; null when it has none or the room is paused. */
  deadline: string | null;
  /** Milliseconds left on the timer when the room paused. */
  remainingMs: number | null;
  pausedAt: string | null;
  /** When the current phase began (for "time in phase"). */
  phaseStartedAt: string | null;
  /** Who began the current phase by hand (see phaseChangedBy); null when the game moved on by itself. */
  phaseChangedBy: PhaseChangedBy | null;
  /**
   * Milliseconds of the current phase spent in pauses that are over; with the pause going on
   * (since `pausedAt`) it is what "time in phase" leaves out (lib/domain/phase-time `activeSince`).
   */
  phasePausedMs: number;
  serverTime: string;
  title: string | null;
  visibility: "public" | "private";
  isResearch: boolean;
  hostId: string | null;
  /** Who opened the room (a facilitator's monitor follows the rooms they opened). */
  createdById: string | null;
  /**
   * Whether the rounds are recorded: everyone seated agreed to voice recording
   * (lib/domain/recording). Kept current when a seated player's consent changes.
   */
  isRecordingAllowed: boolean;
  settings: RoomSettings;
  scenario: {
    id: string;
    title: string;
    summary: string;
    opening: string;
    locale: string;
    roles: { position: number; name: string; brief: string }[];
    currentQuestion: RoundQuestion | null;
    /** Revision of the scenario's text (its last edit, ms): a lean room state names it (see LeanRoomSnapshot). */
    textRev: number;
  };
  seats: SeatView[];
  consensus: ConsensusView | null;
  results: RoundResult[];
}

/** A phase a person began by hand: a host or facilitator skipped the step before it, or ended the room. */
export interface PhaseChangedBy {
  userId: string;
  action: "skip" | "end";
}

/**
 * Who began a phase by hand, from how it was entered (its phase-log entry, or the decision's
 * phaseChanged effect): a skip (`advance`) or an ending with someone named; null when the
 * players' answers, a timer or the server began it.
 */
export function phaseChangedBy(phase: Phase, reason: string, actorId: string | null): PhaseChangedBy | null {
  if (actorId === null) return null;
  if (phase === "ABANDONED") return { userId: actorId, action: "end" };
  return isAdvancedReason(reason) ? { userId: actorId, action: "skip" } : null;
}

export interface RoundQuestion {
  number: number;
  question: string;
  options: { index: number; label: string; description: string }[];
}

export interface SeatView {
  seat: number;
  userId: string | null;
  nickname: string | null;
  role: { position: number; name: string } | null;
  ready: boolean;
  connected: boolean;
  /** Whether this player has answered what the current phase asks. */
  submitted: boolean;
  isHost: boolean;
  isWithdrawn: boolean;
  /** While this player is asked "Are you still there?": by when to answer (ISO); past it they count as away until they answer (POST /api/rooms/:code/check-in). */
  checkInBy: string | null;
}

export interface ConsensusView {
  votes: { userId: string; choice: number }[];
  reached: { choice: number | null; proposedBy: string | null } | null;
  /** Players who have rated the consensus (not their ratings). */
  rated: string[];
}

export interface RoundResult {
  round: number;
  question: string;
  options: { index: number; label: string }[];
  choices: { userId: string | null; seat: number; nickname: string | null; choice: number | null; confidence: number | null }[];
  consensus: number | null;
  consensusConfidences: { userId: string | null; confidence: number | null }[];
}

/**
 * Whether someone without a seat may still take one, and so look at the room: a seat is free
 * and the game is not over. Otherwise the room is only for its players and managers.
 */
export function isOpenToNewcomers(room: { phase: Phase; seats: { userId: string | null }[] }): boolean {
  return !isOver(room.phase) && room.seats.some((s) => s.userId === null);
}

/**
 * What someone without a seat sees of a room they may join (the lobby view): the room, its
 * scenario and who sits where — not the answers, the consensus or the current question, which
 * are for the players.
 */
export function lobbyView(s: RoomSnapshot): RoomSnapshot {
  return { ...s, scenario: { ...s.scenario, currentQuestion: null }, consensus: null, results: [] };
}

/**
 * Rounds whose answers may be shown: every round before the current one, and the current one
 * from its reveal on. A round cut short by abandoning the room stays hidden.
 */
export function isRoundRevealed(round: number, current: { phase: Phase; round: number }): boolean {
  if (round < current.round) return true;
  return round === current.round && (current.phase === "REVEAL" || current.phase === "FINISHED");
}

/** A round's text as its result shows it: the question and the options' labels (no descriptions). */
export function resultText(round: { question: string; options: { index: number; label: string }[] } | undefined): Pick<RoundResult, "question" | "options"> {
  return { question: round?.question ?? "", options: round?.options.map((o) => ({ index: o.index, label: o.label })) ?? [] };
}

/** A revealed round's result without its question and options (the scenario's text). */
export type ResultWithoutText = Omit<RoundResult, "question" | "options">;

/** A result without the round's text, which is the same in every snapshot of the room. */
export function resultWithoutText({ question: _question, options: _options, ...rest }: RoundResult): ResultWithoutText {
  return rest;
}

/**
 * What `room:lean-state` carries to a socket subscribed with `lean: true`: the snapshot without
 * the scenario's fixed text (title, summary, opening, locale, roles) and without each result's
 * question and options. Those are the same in every snapshot of a room, and about half its
 * size; the subscriber has them from the full snapshot its subscription answered, and
 * `SnapshotText` puts them back. `scenario.textRev` says which text: another one (the scenario
 * was edited) means reading the room again.
 */
export interface LeanRoomSnapshot extends Omit<RoomSnapshot, "scenario" | "results"> {
  scenario: Pick<RoomSnapshot["scenario"], "id" | "currentQuestion" | "textRev">;
  results: ResultWithoutText[];
}

export function leanSnapshot(s: RoomSnapshot): LeanRoomSnapshot {
  const { id, currentQuestion, textRev } = s.scenario;
  return { ...s, scenario: { id, currentQuestion, textRev }, results: s.results.map(resultWithoutText) };
}

type ScenarioText = Omit<RoomSnapshot["scenario"], "currentQuestion">;

/**
 * A lean subscriber's copy of a room's text: learnt from full snapshots (and from each lean
 * one's current question), put back into lean snapshots.
 */
export class SnapshotText {
  private scenario?: ScenarioText;
  private readonly rounds = new Map<number, Pick<RoundResult, "question" | "options">>();

  /** Keeps the text of a full snapshot. */
  learn(s: RoomSnapshot): void {
    const { currentQuestion, ...text } = s.scenario;
    if (this.scenario?.id !== text.id || this.scenario.textRev !== text.textRev) this.rounds.clear();
    this.scenario = text;
    for (const r of s.results) this.rounds.set(r.round, { question: r.question, options: r.options });
    this.learnQuestion(currentQuestion);
  }

  /** The full snapshot a lean one stands for; null when this copy lacks its text (read the room instead). */
  inflate(lean: LeanRoomSnapshot): RoomSnapshot | null {
    const text = this.scenario;
    if (!text || text.id !== lean.scenario.id || text.textRev !== lean.scenario.textRev) return null;
    this.learnQuestion(lean.scenario.currentQuestion);
    const results: RoundResult[] = [];
    for (const r of lean.results) {
      const round = this.rounds.get(r.round);
      if (!round) return null;
      const { round: number, ...rest } = r;
      results.push({ round: number, ...round, ...rest });
    }
    const { textRev, ...fixed } = text;
    return { ...lean, scenario: { ...fixed, currentQuestion: lean.scenario.currentQuestion, textRev }, results };
  }

  private learnQuestion(q: RoundQuestion | null): void {
    if (q) this.rounds.set(q.number, resultText(q));
  }
}
