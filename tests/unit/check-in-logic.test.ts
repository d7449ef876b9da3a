import { describe, expect, it } from "vitest";
import { checkInAnnouncement, checkInMsLeft, secondsShown } from "@/components/room/check-in-logic";

describe("the check-in dialog's countdown", () => {
  const by = "2026-12-07T10:00:20.000Z";
  const at = (iso: string) => Date.parse(iso);

  it.each([
    ["20 s before", at("2026-12-07T10:00:00.000Z"), 0, 20_000],
    ["with the server's clock 5 s ahead", at("2026-12-07T10:00:00.000Z"), 5_000, 15_000],
    ["past the deadline", at("2026-12-07T10:00:30.000Z"), 0, 0],
    ["before the page's clock ticked", 0, 0, null],
  ] as const)("%s", (_name, now, offset, expected) => {
    expect(checkInMsLeft(by, now, offset)).toBe(expected);
  });

  it("shows whole seconds rounded up, and reads out a few marks only", () => {
    expect([20_000, 19_001, 1, 0].map(secondsShown)).toEqual([20, 20, 1, 0]);
    expect([60_000, 45_000, 30_000, 29_000, 10_000, 6_000, 5_000, null].map(checkInAnnouncement)).toEqual([60, null, 30, 30, 10, 10, null, null]);
    expect(checkInMsLeft("not a time", 1, 0)).toBeNull();
  });
});
