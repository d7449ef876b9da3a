import { describe, expect, it } from "vitest";
import { leanSnapshot, SnapshotText, type RoomSnapshot } from "@/lib/domain/snapshot";
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
      textRev: content.updatedAt,
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

describe("a lean room state (room:lean-state)", () => {
  const lean = (round: number) => JSON.parse(JSON.stringify(leanSnapshot(snapshot(round)))) as ReturnType<typeof leanSnapshot>;

  it("leaves out the scenario's fixed text and the results' questions, and keeps everything else", () => {
    const full = snapshot(3);
    const l = lean(3);
    expect(JSON.stringify(l).length).toBeLessThan(JSON.stringify(full).length / 2);
    expect(JSON.stringify(l)).not.toContain("A long opening");
    expect(JSON.stringify(l)).not.toContain("Question 1?");
    // The current question stays (a new round's question first comes in a lean state).
    expect(l.scenario).toEqual({ id: content.id, currentQuestion: full.scenario.currentQuestion, textRev: content.updatedAt });
    expect(l.results.map((r) => r.choices)).toEqual(full.results.map((r) => r.choices));
    const { scenario: _s, results: _r, ...rest } = l;
    const { scenario: _fs, results: _fr, ...fullRest } = full;
    expect(rest).toEqual(fullRest);
  });

  it("is put back together, byte for byte, from the full snapshot subscribed with and the questions seen since", () => {
    const text = new SnapshotText();
    expect(text.inflate(lean(1))).toBeNull(); // nothing learnt yet
    text.learn(snapshot(1));
    for (const round of [1, 2, 3]) expect(JSON.stringify(text.inflate(lean(round)))).toBe(JSON.stringify(snapshot(round)));
    // A subscriber that never saw round 2's question cannot show its result: it must read the room.
    const late = new SnapshotText();
    late.learn(snapshot(1));
    expect(late.inflate(lean(3))).toBeNull();
    // …and the full snapshot it reads teaches it.
    late.learn(snapshot(3));
    expect(JSON.stringify(late.inflate(lean(3)))).toBe(JSON.stringify(snapshot(3)));
  });

  it("is not put together from another revision of the text (the scenario was edited) or another scenario", () => {
    const text = new SnapshotText();
    text.learn(snapshot(2));
    const edited = { ...lean(2), scenario: { ...lean(2).scenario, textRev: content.updatedAt + 1 } };
    expect(text.inflate(edited)).toBeNull();
    expect(text.inflate({ ...lean(2), scenario: { ...lean(2).scenario, id: "other" } })).toBeNull();
    // The edited text, once read, is what later lean states are put together with.
    const editedFull = { ...snapshot(2), scenario: { ...snapshot(2).scenario, title: "New title", textRev: content.updatedAt + 1 } };
    text.learn(editedFull);
    expect(text.inflate(edited)?.scenario.title).toBe("New title");
    expect(text.inflate(lean(2))).toBeNull();
  });
});
