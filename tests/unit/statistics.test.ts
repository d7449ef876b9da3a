import { describe, expect, it } from "vitest";
import { gameStatistics, roundStatistics, type RoundRecord } from "@/lib/domain/statistics";

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
    expect(s.meanConfidence).toBe(2);
    expect(s.meanConsensusConfidence).toBe(3);
    expect(s.players.map((p) => p.confidenceShift)).toEqual([null, null, 1]);
    expect(s.meanConfidenceShift).toBe(1);
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
    expect(gameStatistics([]).totals).toEqual({ rounds: 0, consensusReached: 0, agreementRate: null, meanConfidence: null, meanConsensusConfidence: null, meanConfidenceShift: null });
  });
});
