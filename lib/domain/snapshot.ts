import type { Phase, RoomSettings } from "./game";

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
  serverTime: string;
  title: string | null;
  visibility: "public" | "private";
  isResearch: boolean;
  hostId: string | null;
  /** Who opened the room (a facilitator's monitor follows the rooms they opened). */
  createdById: string | null;
  settings: RoomSettings;
  scenario: {
    id: string;
    title: string;
    summary: string;
    opening: string;
    locale: string;
    roles: { position: number; name: string; brief: string }[];
    currentQuestion: RoundQuestion | null;
  };
  seats: SeatView[];
  consensus: ConsensusView | null;
  results: RoundResult[];
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
 * Rounds whose answers may be shown: every round before the current one, and the current one
 * from its reveal on. A round cut short by abandoning the room stays hidden.
 */
export function isRoundRevealed(round: number, current: { phase: Phase; round: number }): boolean {
  if (round < current.round) return true;
  return round === current.round && (current.phase === "REVEAL" || current.phase === "FINISHED");
}
