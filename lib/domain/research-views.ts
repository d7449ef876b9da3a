import { PHASES, type Phase } from "./game";
import type { GameStatistics, PlayerRoundStatistics } from "./statistics";

/**
 * What the research routes answer (lib/server/services/research-*.ts) and the research screens
 * read: one declaration for both sides. Participants appear under pseudonymous codes only.
 */

export { PHASES };
export type ResearchPhase = Phase;

export interface ResearchSummary {
  users: { registered: number; guests: number };
  rooms: { total: number; byPhase: Record<ResearchPhase, number>; test: number };
  completedGames: number;
  participants: number;
  participantsWithConsent: number;
  withdrawals: number;
  recordings: number;
  activity: {
    roomsPerDay: { date: string; created: number; finished: number }[];
    recentFinished: { code: string; scenario: { slug: string | null; title: string; locale: string }; finishedAt: string | null }[];
  };
}

export interface ResearchRoomListItem {
  id: string;
  code: string;
  scenario: { id: string; slug: string | null; title: string; locale: string };
  visibility: "public" | "private";
  isResearch: boolean;
  isTest: boolean;
  phase: string;
  round: number;
  totalRounds: number;
  completed: boolean;
  seatsTaken: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ResearchRoomPage {
  rooms: ResearchRoomListItem[];
  nextCursor: string | null;
}

type PlayerStats = Omit<PlayerRoundStatistics, "userId"> & { participantCode: string };
export type ResearchStatistics = Omit<GameStatistics, "rounds"> & { rounds: (Omit<GameStatistics["rounds"][number], "players"> & { players: PlayerStats[] })[] };

export interface ResearchRoomDetail {
  id: string;
  code: string;
  scenario: { id: string; slug: string | null; title: string; locale: string; source: string };
  visibility: "public" | "private";
  isResearch: boolean;
  isTest: boolean;
  phase: string;
  round: number;
  totalRounds: number;
  completed: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  seats: { seat: number; role: { index: number; name: string } | null; participantCode: string | null; isWithdrawn: boolean; hasDataConsent: boolean | null }[];
  participants: { participantCode: string; seat: number | null; roleName: string | null }[];
  rounds: ResearchRound[];
  statistics: ResearchStatistics;
  timeline: ResearchTimelineEntry[];
  chat: { participantCode: string; round: number; phase: string; text: string; isMasked: boolean; at: string }[];
  recordings: ResearchRecording[];
}

/** A recording and its transcript: `text` when done, else `note` says why it is empty. */
export interface ResearchRecording {
  id: string;
  participantCode: string;
  roleName: string | null;
  round: number;
  mimeType: string;
  sizeBytes: number;
  durationMs: number;
  startedAt: string;
  createdAt: string;
  transcript: { status: "done" | "pending" | "failed" | "not_configured"; text: string | null; language: string | null; note: string | null };
}

export interface ResearchRound {
  round: number;
  question: string;
  options: { index: number; label: string }[];
  choices: { participantCode: string; seat: number | null; choice: number | null; choiceLabel: string | null; confidence: number | null; missing: boolean; submittedAt: string | null; timeToChooseSeconds: number | null }[];
  consensus: { choice: number | null; label: string | null; status: string; proposerCode: string | null; reachedAt: string | null } | null;
  consensusConfidences: { participantCode: string; confidence: number | null; missing: boolean; submittedAt: string | null }[];
}

export interface ResearchTimelineEntry {
  /** "phase": a phase the room was in; "pause": the room waited for a seat (inside its phase); "event": a moment (a seat freed). */
  kind: "phase" | "pause" | "event";
  phase: string;
  round: number;
  enteredAt: string;
  leftAt: string | null;
  /** From entering to leaving, pauses included; null while it lasts. */
  durationSeconds: number | null;
  /** A phase's time without its pauses; null while it lasts and for pauses and events. */
  activeSeconds: number | null;
  /** A phase's time in pauses; null likewise. */
  pausedSeconds: number | null;
  reason: string;
  actorCode: string | null;
}

export interface ResearchParticipant {
  participantCode: string;
  games: ResearchParticipantGame[];
}

export interface ResearchParticipantGame {
  roomId: string;
  roomCode: string;
  scenario: { slug: string | null; title: string; locale: string };
  isTest: boolean;
  phase: string;
  completed: boolean;
  seat: number | null;
  roleName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  rounds: {
    round: number;
    choice: number | null;
    choiceLabel: string | null;
    confidence: number | null;
    consensus: number | null;
    consensusLabel: string | null;
    consensusConfidence: number | null;
    timeToChooseSeconds: number | null;
  }[];
}

export type CleanupCounts = Record<
  "rooms" | "seats" | "choices" | "consensuses" | "consensusVotes" | "consensusConfidences" | "phaseAcks" | "phaseLogs" | "chatMessages" | "memos" | "voiceSessions" | "recordings" | "aiGenerations",
  number
>;
