import { describe, expect, it } from "vitest";
import { activeSince, pausedWithin, phaseTimes, type TimedEntry } from "@/lib/domain/phase-time";

const s = (seconds: number) => seconds * 1000;
const phase = (from: number, to: number | null): TimedEntry => ({ kind: "PHASE", enteredAt: s(from), leftAt: to === null ? null : s(to) });
const pause = (from: number, to: number | null): TimedEntry => ({ kind: "PAUSE", enteredAt: s(from), leftAt: to === null ? null : s(to) });
const event = (at: number): TimedEntry => ({ kind: "EVENT", enteredAt: s(at), leftAt: s(at) });

describe("paused time within a span", () => {
  it.each([
    ["no pause", [], 0, 100, 0],
    ["a pause inside", [pause(10, 40)], 0, 100, 30],
    ["two pauses inside", [pause(10, 20), pause(50, 80)], 0, 100, 40],
    ["a pause before the span", [pause(0, 10)], 10, 100, 0],
    ["a pause after the span", [pause(100, 130)], 0, 100, 0],
    ["a pause across the start", [pause(0, 30)], 10, 100, 20],
    ["a pause across the end", [pause(90, 130)], 0, 100, 10],
    ["a pause still going on, up to the end asked", [pause(60, null)], 0, 100, 40],
  ])("%s", (_name, pauses, from, to, seconds) => {
    expect(pausedWithin(s(from), s(to), pauses)).toBe(s(seconds));
  });
});

describe("active and paused time of each phase", () => {
  it("splits a discussion paused for 100 s of its 110 s into 10 s active and 100 s paused", () => {
    const log = [phase(0, 30), phase(30, 140), pause(35, 135), phase(140, null)];
    expect(phaseTimes(log)).toEqual([
      { activeMs: s(30), pausedMs: 0 },
      { activeMs: s(10), pausedMs: s(100) },
      { activeMs: null, pausedMs: null },
      { activeMs: null, pausedMs: null },
    ]);
  });

  it("counts each pause only in the phase it lies in, and events as nothing", () => {
    const log = [phase(0, 60), pause(10, 20), event(25), pause(40, 60), phase(60, 120), pause(70, 75), event(100)];
    const times = phaseTimes(log);
    expect(times[0]).toEqual({ activeMs: s(30), pausedMs: s(30) });
    expect(times[4]).toEqual({ activeMs: s(55), pausedMs: s(5) });
    for (const i of [1, 2, 3, 5, 6]) expect(times[i]).toEqual({ activeMs: null, pausedMs: null });
  });

  it("never counts more pause than the phase lasted", () => {
    expect(phaseTimes([phase(0, 10), pause(0, 10)])[0]).toEqual({ activeMs: 0, pausedMs: s(10) });
  });
});

describe("active time of the phase going on", () => {
  it.each([
    ["running, never paused", 0, 0, null, 50, 50],
    ["running after pauses of 20 s", 0, 20, null, 50, 30],
    ["paused for 15 s now, after 20 s of earlier pauses", 0, 20, 35, 50, 15],
  ])("%s", (_name, start, paused, pausedAt, now, expected) => {
    expect(activeSince(s(start), s(paused), pausedAt === null ? null : s(pausedAt), s(now))).toBe(s(expected));
  });

  it("is unknown without a start", () => {
    expect(activeSince(null, 0, null, s(10))).toBeNull();
  });
});
