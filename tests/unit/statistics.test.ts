import { describe, expect, it } from "vitest";
import { confidenceChange, gameStatistics, roundStatistics, type RoundRecord } from "@/lib/domain/statistics";

const record = (overrides: Partial<RoundRecord> = {}): RoundRecord => ({
  round: 1,
  optionCount: 3,
  choices: [
    { userId: "a", seat: 0, choice: 0, confidence: 2 },
    { userId: "b", seat: 1, choice: 1, confidence: 4 },
    { userId: "c", seat: 2, choice: 1, confidence: 5 },
  ],
  consensus: { choice: 1 },
  consensusConfidences: [
    { userId: "a", confidence: 3 },
    { userId: "b", confidence: 5 },
    { userId: "c", confidence: 4 },
  ],
  ...overrides,
});

describe("round statistics", () => {
  it("counts choices per option, agreement with the consensus and the confidence shift", () => {
    const s = roundStatistics(record());
    expect(s.distribution).toEqual([1, 2, 0]);
    expect(s).toMatchObject({ consensus: 1, consensusReached: true, agreed: 2, agreementRate: 0.67, meanConfidence: 3.67, meanConsensusConfidence: 4, meanConfidenceShift: 0.33, missingChoices: 0 });
    expect(s.players.map((p) => [p.userId, p.agreedWithConsensus, p.confidenceShift])).toEqual([
      ["a", false, 1],
      ["b", true, 1],
      ["c", true, -1],
    ]);
  });

  it("leaves missing answers out of the means and the agreement, never counting them as a choice", () => {
    const s = roundStatistics(
      record({
        choices: [
          { userId: "a", seat: 0, choice: null, confidence: null },
          { userId: "b", seat: 1, choice: 2, confidence: 3 },
          { userId: "c", seat: 2, choice: 2, confidence: 1 },
        ],
        consensus: { choice: 2 },
        consensusConfidences: [
          { userId: "a", confidence: 4 },
          { userId: "b", confidence: null },
          { userId: "c", confidence: 2 },
        ],
      }),
    );
    expect(s.distribution).toEqual([0, 0, 2]);
    expect(s.missingChoices).toBe(1);
    expect(s.agreed).toBe(2);
    expect(s.agreementRate).toBe(1);
    // Only c rated both: the means before and after are over c alone.
    expect(s.players.map((p) => p.confidenceShift)).toEqual([null, null, 1]);
    expect(s).toMatchObject({ meanConfidence: 1, meanConsensusConfidence: 2, meanConfidenceShift: 1, confidencePlayers: 1 });
  });

  // Issue 17, item 10: "Mean confidence 3 → 3 (−0.5)" — the two means were over different players.
  it.each([
    {
      side: "a missing individual confidence",
      choices: [3, 3, null],
      ratings: [2, 3, 4],
      expected: { meanConfidence: 3, meanConsensusConfidence: 2.5, meanConfidenceShift: -0.5, confidencePlayers: 2 },
    },
    {
      side: "a missing consensus confidence",
      choices: [5, 2, 2],
      ratings: [4, 2, null],
      expected: { meanConfidence: 3.5, meanConsensusConfidence: 3, meanConfidenceShift: -0.5, confidencePlayers: 2 },
    },
    {
      side: "a missing rating on each side, from different players",
      choices: [null, 4, 2],
      ratings: [5, 5, null],
      expected: { meanConfidence: 4, meanConsensusConfidence: 5, meanConfidenceShift: 1, confidencePlayers: 1 },
    },
  ])("compares confidence before and after over the same players, with $side", ({ choices, ratings, expected }) => {
    const users = ["a", "b", "c"];
    const s = roundStatistics(
      record({
        choices: users.map((userId, seat) => ({ userId, seat, choice: choices[seat] === null ? null : 1, confidence: choices[seat]! })),
        consensusConfidences: users.map((userId, seat) => ({ userId, confidence: ratings[seat]! })),
      }),
    );
    expect(s).toMatchObject(expected);
    // The three figures add up: after − before = shift.
    expect(s.meanConsensusConfidence! - s.meanConfidence!).toBeCloseTo(s.meanConfidenceShift!, 2);
  });

  it("reports a round without consensus as such", () => {
    const s = roundStatistics(record({ consensus: { choice: null }, consensusConfidences: [] }));
    expect(s).toMatchObject({ consensus: null, consensusReached: false, agreed: 0, agreementRate: null, meanConsensusConfidence: null, meanConfidenceShift: null });
    expect(s.players.every((p) => p.agreedWithConsensus === null)).toBe(true);
  });

  it("orders players by seat whatever order the rows came in", () => {
    const r = record();
    const s = roundStatistics({ ...r, choices: [...r.choices].reverse() });
    expect(s.players.map((p) => p.seat)).toEqual([0, 1, 2]);
  });
});

describe("game statistics", () => {
  it("sums rounds in order", () => {
    const g = gameStatistics([record({ round: 2, consensus: { choice: null }, consensusConfidences: [] }), record({ round: 1 })]);
    expect(g.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(g.totals).toMatchObject({ rounds: 2, consensusReached: 1, agreementRate: 0.67 });
    expect(g.totals.meanConfidence).toBe(3.67);
  });

  it("has nothing to say about no rounds", () => {
    expect(gameStatistics([]).totals).toEqual({ rounds: 0, consensusReached: 0, agreementRate: null, meanConfidence: null, meanConsensusConfidence: null, meanConfidenceShift: null, confidencePlayers: 0 });
  });

  it("compares confidence over the same player-rounds in its totals", () => {
    const g = gameStatistics([
      record({ round: 1 }),
      record({
        round: 2,
        choices: [
          { userId: "a", seat: 0, choice: 0, confidence: 1 },
          { userId: "b", seat: 1, choice: 1, confidence: null },
          { userId: "c", seat: 2, choice: 1, confidence: 5 },
        ],
        consensusConfidences: [
          { userId: "a", confidence: 2 },
          { userId: "b", confidence: 5 },
          { userId: "c", confidence: null },
        ],
      }),
    ]);
    // Round 1: 2→3, 4→5, 5→4; round 2: only a (1→2) rated both.
    expect(g.totals).toMatchObject({ meanConfidence: 3, meanConsensusConfidence: 3.5, meanConfidenceShift: 0.5, confidencePlayers: 4 });
  });
});

describe("confidence change", () => {
  it("leaves out every pair with a side missing, and says how many are left", () => {
    expect(confidenceChange([{ before: 3, after: 2 }, { before: 3, after: 3 }, { before: null, after: 4 }, { before: 1, after: null }])).toEqual({ before: 3, after: 2.5, shift: -0.5, players: 2 });
    expect(confidenceChange([{ before: null, after: 4 }])).toEqual({ before: null, after: null, shift: null, players: 0 });
  });
});
