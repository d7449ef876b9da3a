import { describe, expect, it } from "vitest";
import {
  agreementRows,
  confidenceRows,
  distributionRows,
  formatDuration,
  formerParticipants,
  optionCount,
  participantTotals,
  phaseShares,
  timelineRows,
} from "@/components/research/chart-data";
import { gameStatistics, type RoundRecord } from "@/lib/domain/statistics";
import type { ResearchParticipantGame, ResearchRoomDetail, ResearchRound, ResearchStatistics } from "@/lib/client/research-api";

// A room as the research route answers it: three people, two rounds (the second with a missing answer and no consensus).
const P = ["PAAAAAAA", "PBBBBBBB", "PCCCCCCC"];

function round(n: number, options: number, choices: (number | null)[], confidences: (number | null)[], consensus: number | null, after: (number | null)[]): ResearchRound {
  return {
    round: n,
    question: `Question ${n}`,
    options: Array.from({ length: options }, (_, i) => ({ index: i, label: `Option ${n}.${i}` })),
    choices: choices.map((choice, i) => ({ participantCode: P[i]!, seat: i, choice, choiceLabel: choice === null ? null : `Option ${n}.${choice}`, confidence: confidences[i]!, missing: choice === null, submittedAt: null, timeToChooseSeconds: 10 })),
    consensus: { choice: consensus, label: null, status: consensus === null ? "timed_out" : "reached", proposerCode: consensus === null ? null : P[0]!, reachedAt: null },
    consensusConfidences: after.map((confidence, i) => ({ participantCode: P[i]!, confidence, missing: confidence === null, submittedAt: null })),
  };
}

function statisticsOf(rounds: ResearchRound[]): ResearchStatistics {
  const records: RoundRecord[] = rounds.map((r) => ({
    round: r.round,
    optionCount: r.options.length,
    choices: r.choices.map((c) => ({ userId: c.participantCode, seat: c.seat!, choice: c.choice, confidence: c.confidence })),
    consensus: r.consensus?.status === "reached" ? { choice: r.consensus.choice } : r.consensus ? { choice: null } : null,
    consensusConfidences: r.consensusConfidences.map((c) => ({ userId: c.participantCode, confidence: c.confidence })),
  }));
  const stats = gameStatistics(records);
  return { ...stats, rounds: stats.rounds.map((r) => ({ ...r, players: r.players.map(({ userId, ...p }) => ({ participantCode: userId, ...p })) })) };
}

const rounds = [round(1, 2, [0, 1, 0], [2, 4, 5], 0, [3, 4, 5]), round(2, 3, [2, null, 2], [3, null, 1], null, [null, null, null])];
const detail = { rounds, statistics: statisticsOf(rounds) };

describe("room charts", () => {
  it("stacks the individual choices of each round by option, with no-answers apart", () => {
    expect(optionCount(detail)).toBe(3);
    expect(distributionRows(detail)).toEqual([
      { round: 1, o0: 2, o1: 1, o2: 0, missing: 0, consensus: 0, labels: ["Option 1.0", "Option 1.1"] },
      { round: 2, o0: 0, o1: 0, o2: 2, missing: 1, consensus: null, labels: ["Option 2.0", "Option 2.1", "Option 2.2"] },
    ]);
  });

  it("counts who already chose the consensus and who moved to it", () => {
    expect(agreementRows(detail.statistics)).toEqual([
      { round: 1, agreed: 2, differed: 1, unknown: 0, rate: 0.67 },
      { round: 2, agreed: 0, differed: 0, unknown: 3, rate: null },
    ]);
  });

  it("puts mean confidence before and after the consensus side by side", () => {
    expect(confidenceRows(detail.statistics)).toEqual([
      { round: 1, before: 3.67, after: 4, shift: 0.33 },
      // Nobody rated round 2's consensus: no player to compare before and after over.
      { round: 2, before: null, after: null, shift: null },
    ]);
  });

  it("lists the participants of a released seat apart from the seated ones", () => {
    const seats: ResearchRoomDetail["seats"] = [
      { seat: 0, role: null, participantCode: P[0]!, isWithdrawn: false, hasDataConsent: true },
      { seat: 1, role: null, participantCode: null, isWithdrawn: true, hasDataConsent: true },
    ];
    const participants = [
      { participantCode: P[0]!, seat: 0, roleName: "A" },
      { participantCode: P[2]!, seat: null, roleName: "C" },
    ];
    expect(formerParticipants({ seats, participants })).toEqual([{ participantCode: P[2]!, seat: null, roleName: "C" }]);
  });
});

describe("phase timeline", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, s)).toISOString();
  const phase = (p: string, round: number, from: number, to: number | null, paused = 0, reason = "all answered", actorCode: string | null = null): ResearchRoomDetail["timeline"][number] => ({
    kind: "phase",
    phase: p,
    round,
    enteredAt: at(from),
    leftAt: to === null ? null : at(to),
    durationSeconds: to === null ? null : to - from,
    activeSeconds: to === null ? null : to - from - paused,
    pausedSeconds: to === null ? null : paused,
    reason,
    actorCode,
  });
  const timeline: ResearchRoomDetail["timeline"] = [
    phase("WAITING", 0, 0, 30, 0, "created"),
    phase("ROLES", 0, 30, 45),
    phase("INDIVIDUAL", 1, 45, 65),
    // A discussion of 180 s, 100 s of them paused while a seat was empty.
    phase("DISCUSSION", 1, 65, 245, 100),
    { kind: "pause", phase: "DISCUSSION", round: 1, enteredAt: at(70), leftAt: at(170), durationSeconds: 100, activeSeconds: null, pausedSeconds: null, reason: "waiting_for_player", actorCode: null },
    { kind: "event", phase: "DISCUSSION", round: 1, enteredAt: at(75), leftAt: at(75), durationSeconds: 0, activeSeconds: null, pausedSeconds: null, reason: "seat_released:2", actorCode: P[0]! },
    phase("INDIVIDUAL", 2, 245, 255, 0, "skip", P[0]!),
    phase("FINISHED", 2, 255, null, 0, "ended", P[0]!),
  ];

  it("keeps the phases that ended, in order, with their active and paused time", () => {
    const rows = timelineRows(timeline);
    expect(rows.map((r) => [r.key, r.phase, r.round, r.seconds, r.paused])).toEqual([
      ["0", "WAITING", 0, 30, 0],
      ["1", "ROLES", 0, 15, 0],
      ["2", "INDIVIDUAL", 1, 20, 0],
      ["3", "DISCUSSION", 1, 80, 100],
      ["6", "INDIVIDUAL", 2, 10, 0],
    ]);
  });

  it.each<[number | null, string]>([
    [null, "–"],
    [0, "0:00"],
    [7.4, "0:07"],
    [59.6, "1:00"],
    [125, "2:05"],
    [3600, "1:00:00"],
    [3723, "1:02:03"],
    [-3, "0:00"],
    [Number.NaN, "–"],
  ])("formats %s seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("dashboard", () => {
  it("gives each phase its share of the rooms, in game order, zeros included", () => {
    expect(phaseShares({ WAITING: 1, FINISHED: 3 }, ["WAITING", "ROLES", "FINISHED"])).toEqual([
      { phase: "WAITING", count: 1, share: 0.25 },
      { phase: "ROLES", count: 0, share: 0 },
      { phase: "FINISHED", count: 3, share: 0.75 },
    ]);
    expect(phaseShares({}, ["WAITING"])).toEqual([{ phase: "WAITING", count: 0, share: 0 }]);
  });
});

describe("participantTotals", () => {
  const game = (completed: boolean, rounds: [number | null, number | null, number | null, number | null][]): ResearchParticipantGame => ({
    roomId: "r",
    roomCode: "ABCDEF",
    scenario: { slug: null, title: "t", locale: "en" },
    isTest: false,
    phase: completed ? "FINISHED" : "ABANDONED",
    completed,
    seat: 0,
    roleName: null,
    createdAt: "",
    startedAt: null,
    finishedAt: null,
    rounds: rounds.map(([choice, confidence, consensus, consensusConfidence], i) => ({ round: i + 1, choice, choiceLabel: null, confidence, consensus, consensusLabel: null, consensusConfidence, timeToChooseSeconds: null })),
  });

  it("sums games and rounds and compares own choices with the group's", () => {
    const totals = participantTotals([
      game(true, [
        [0, 2, 0, 4],
        [1, 3, 0, 3],
      ]),
      game(false, [
        [2, 5, 2, 5],
        [null, null, 1, null],
        [1, 1, null, null],
      ]),
    ]);
    // Confidence before and after over the three rounds rated both times (2→4, 3→3, 5→5).
    expect(totals).toEqual({ games: 2, completed: 1, rounds: 4, agreementRate: 0.67, meanConfidence: 3.33, meanConsensusConfidence: 4 });
    expect(participantTotals([])).toEqual({ games: 0, completed: 0, rounds: 0, agreementRate: null, meanConfidence: null, meanConsensusConfidence: null });
  });
});
