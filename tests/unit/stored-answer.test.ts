import { describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { PreparedNames } from "@/lib/server/db/open";
import { replayedAnswer, storedAnswer } from "@/lib/server/services/room-state";
import type { ScenarioContent } from "@/lib/server/services/scenario-content";

const content: ScenarioContent = {
  id: "sc1",
  updatedAt: 1,
  title: "Title",
  summary: "Summary",
  opening: "A long opening ".repeat(100),
  locale: "en",
  roles: [0, 1, 2].map((position) => ({ position, name: `Role ${position}`, brief: `Brief ${position} `.repeat(50) })),
  rounds: [1, 2, 3].map((number) => ({ number, question: `Question ${number}?`, options: [0, 1].map((index) => ({ index, label: `L${index}`, description: `D${index}` })) })),
};

/** A snapshot of round `round` whose scenario part is what the room's snapshot builder makes of `content`. */
const snapshot = (round: number): RoomSnapshot =>
  ({
    code: "K7M2QX",
    version: 12,
    phase: "INDIVIDUAL",
    round,
    totalRounds: 3,
    deadline: null,
    serverTime: "2030-01-01T00:00:00.000Z",
    scenario: {
      id: content.id,
      title: content.title,
      summary: content.summary,
      opening: content.opening,
      locale: content.locale,
      roles: content.roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief })),
      currentQuestion: round > 0 ? { ...content.rounds[round - 1]!, options: content.rounds[round - 1]!.options.map((o) => ({ ...o })) } : null,
    },
    seats: [],
    consensus: null,
    // Every round before this one is revealed (as the room's snapshot builder shows them).
    results: content.rounds
      .filter((r) => r.number < round)
      .map((r) => ({
        round: r.number,
        question: r.question,
        options: r.options.map((o) => ({ index: o.index, label: o.label })),
        choices: [{ userId: "u1", seat: 0, nickname: "Ann", choice: 1, confidence: 4 }],
        consensus: 1,
        consensusConfidences: [{ userId: "u1", confidence: 5 }],
      })),
  }) as unknown as RoomSnapshot;

describe("an opId's stored answer", () => {
  it("leaves the scenario's text out and gets it back, byte for byte, on a replay", () => {
    for (const round of [0, 1, 2, 3]) {
      const first = snapshot(round);
      const stored = JSON.parse(JSON.stringify(storedAnswer(first))) as unknown;
      expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(first).length / 4);
      expect(JSON.stringify(stored)).not.toContain("A long opening");
      // The revealed rounds' questions and options too; their answers stay.
      expect(JSON.stringify(stored)).not.toContain("Question 1?");
      if (round > 1) expect(JSON.stringify(stored)).toContain('"nickname":"Ann"');
      expect(JSON.stringify(replayedAnswer(stored, content))).toBe(JSON.stringify(first));
    }
  });

  it("answers an answer stored with its results' text (before that was left out) with that text", () => {
    const first = snapshot(3);
    const stored = JSON.parse(JSON.stringify({ ...first, scenario: null })) as unknown;
    const edited = { ...content, rounds: content.rounds.map((r) => ({ ...r, question: `Edited ${r.number}?` })) };
    const replayed = replayedAnswer(stored, edited);
    expect(replayed.results.map((r) => r.question)).toEqual(["Question 1?", "Question 2?"]);
  });

  it("answers an answer stored whole (before the scenario was left out) as it was stored", () => {
    const whole = JSON.parse(JSON.stringify(snapshot(1))) as RoomSnapshot;
    const edited = { ...content, title: "Edited since" };
    expect(replayedAnswer(whole, edited)).toEqual(whole);
  });
});

describe("PreparedNames", () => {
  it("names a statement text the same way every time, and different texts differently", () => {
    const names = new PreparedNames();
    const a = names.of("SELECT 1");
    expect(a).toMatch(/^aedg_[0-9a-f]{24}$/);
    expect(names.of("SELECT 1")).toBe(a);
    expect(names.of("SELECT 2")).not.toBe(a);
    expect(new PreparedNames().of("SELECT 1")).toBe(a);
  });

  it("leaves texts past its limit unnamed, and keeps naming the ones it knows", () => {
    const names = new PreparedNames(2);
    const a = names.of("SELECT 1");
    names.of("SELECT 2");
    expect(names.of("SELECT 3")).toBeUndefined();
    expect(names.of("SELECT 1")).toBe(a);
  });
});
