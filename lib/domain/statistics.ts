/**
 * Statistics of a game, from plain records: per round, how the individual choices were
 * spread, what the group agreed, how many already agreed with it, and how confidence moved
 * from the individual choice to the consensus. Used by the statistics route, the summary
 * screen and the research dashboards alike.
 *
 * Confidence before and after is always compared over the same players: those who gave both
 * ratings (`confidencePlayers`). A player who missed one of them counts in neither mean, so
 * "before → after (shift)" always adds up: shift = after − before.
 */

export interface RoundRecord {
  round: number;
  optionCount: number;
  choices: { userId: string; seat: number; choice: number | null; confidence: number | null }[];
  /** null while the round's consensus phase has not ended. */
  consensus: { choice: number | null } | null;
  consensusConfidences: { userId: string; confidence: number | null }[];
}

export interface PlayerRoundStatistics {
  userId: string;
  seat: number;
  choice: number | null;
  confidence: number | null;
  consensusConfidence: number | null;
  /** Whether the individual choice was the group's; null when either is missing. */
  agreedWithConsensus: boolean | null;
  /** Consensus confidence minus individual confidence; null when either is missing. */
  confidenceShift: number | null;
}

export interface RoundStatistics {
  round: number;
  /** Individual choices per option index. */
  distribution: number[];
  missingChoices: number;
  consensus: number | null;
  consensusReached: boolean;
  /** Players whose individual choice was the consensus. */
  agreed: number;
  /** agreed / players with both a choice and a consensus; null when none. */
  agreementRate: number | null;
  /** Mean confidence in the individual choice, over the players who rated both (`confidencePlayers`). */
  meanConfidence: number | null;
  /** Mean confidence in the consensus, over the same players. */
  meanConsensusConfidence: number | null;
  /** Mean of the per-player shifts (= the difference of the two means); null when no player has both. */
  meanConfidenceShift: number | null;
  /** Players who rated both their own choice and the consensus: the three means are over them. */
  confidencePlayers: number;
  players: PlayerRoundStatistics[];
}

export interface GameStatistics {
  rounds: RoundStatistics[];
  totals: {
    rounds: number;
    consensusReached: number;
    agreementRate: number | null;
    meanConfidence: number | null;
    meanConsensusConfidence: number | null;
    meanConfidenceShift: number | null;
    /** Player-rounds with both ratings: the three means are over them. */
    confidencePlayers: number;
  };
}

/** How confidence moved over the players who gave both ratings; null means when nobody did. */
export interface ConfidenceChange {
  before: number | null;
  after: number | null;
  shift: number | null;
  /** How many gave both ratings. */
  players: number;
}

const mean = (xs: number[]): number | null => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const round2 = (x: number) => Math.round(x * 100) / 100;
const present = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

/**
 * Mean confidence before and after, and their difference, over exactly the pairs that have
 * both values: a missing rating on either side leaves that pair out of all three.
 */
export function confidenceChange(pairs: { before: number | null; after: number | null }[]): ConfidenceChange {
  const both = pairs.filter((p): p is { before: number; after: number } => present(p.before) && present(p.after));
  return {
    before: mean(both.map((p) => p.before)),
    after: mean(both.map((p) => p.after)),
    shift: mean(both.map((p) => p.after - p.before)),
    players: both.length,
  };
}

const changeOf = (players: PlayerRoundStatistics[]) => confidenceChange(players.map((p) => ({ before: p.confidence, after: p.consensusConfidence })));

/** Statistics of one round. */
export function roundStatistics(r: RoundRecord): RoundStatistics {
  const distribution = Array.from({ length: r.optionCount }, () => 0);
  for (const c of r.choices) if (c.choice !== null && c.choice >= 0 && c.choice < r.optionCount) distribution[c.choice]!++;
  const consensus = r.consensus?.choice ?? null;
  const confidenceOf = new Map(r.consensusConfidences.map((c) => [c.userId, c.confidence]));
  const players: PlayerRoundStatistics[] = [...r.choices]
    .sort((a, b) => a.seat - b.seat)
    .map((c) => {
      const consensusConfidence = confidenceOf.get(c.userId) ?? null;
      return {
        userId: c.userId,
        seat: c.seat,
        choice: c.choice,
        confidence: c.confidence,
        consensusConfidence,
        agreedWithConsensus: c.choice === null || consensus === null ? null : c.choice === consensus,
        confidenceShift: c.confidence === null || consensusConfidence === null ? null : consensusConfidence - c.confidence,
      };
    });
  const comparable = players.filter((p) => p.agreedWithConsensus !== null);
  const agreed = comparable.filter((p) => p.agreedWithConsensus).length;
  const change = changeOf(players);
  return {
    round: r.round,
    distribution,
    missingChoices: r.choices.filter((c) => c.choice === null).length,
    consensus,
    consensusReached: consensus !== null,
    agreed,
    agreementRate: comparable.length ? round2(agreed / comparable.length) : null,
    meanConfidence: change.before,
    meanConsensusConfidence: change.after,
    meanConfidenceShift: change.shift,
    confidencePlayers: change.players,
    players,
  };
}

/** Statistics of every round given, and totals over them. */
export function gameStatistics(records: RoundRecord[]): GameStatistics {
  const rounds = [...records].sort((a, b) => a.round - b.round).map(roundStatistics);
  const players = rounds.flatMap((r) => r.players);
  const comparable = players.filter((p) => p.agreedWithConsensus !== null);
  const change = changeOf(players);
  return {
    rounds,
    totals: {
      rounds: rounds.length,
      consensusReached: rounds.filter((r) => r.consensusReached).length,
      agreementRate: comparable.length ? round2(comparable.filter((p) => p.agreedWithConsensus).length / comparable.length) : null,
      meanConfidence: change.before,
      meanConsensusConfidence: change.after,
      meanConfidenceShift: change.shift,
      confidencePlayers: change.players,
    },
  };
}
