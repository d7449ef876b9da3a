import { describe, expect, it } from "vitest";
import type { Phase } from "@/lib/domain/game";
import type { SeatView } from "@/lib/domain/snapshot";
import { ApiError } from "@/lib/client/api";
import {
  announcementMark,
  awayPlayers,
  backersByOption,
  codeFromParam,
  errorMessageKey,
  formatClock,
  isOnRoomPath,
  joinNames,
  myStance,
  roomPath,
  timeLeftMs,
  waitingFor,
} from "@/components/room/room-logic";

describe("roomPath", () => {
  it.each<[Phase, number, string]>([
    ["WAITING", 0, "/rooms/K7M2QX"],
    ["ROLES", 0, "/rooms/K7M2QX/roles"],
    ["INDIVIDUAL", 1, "/rooms/K7M2QX/rounds/1"],
    ["DISCUSSION", 2, "/rooms/K7M2QX/rounds/2"],
    ["CONSENSUS", 3, "/rooms/K7M2QX/rounds/3"],
    ["REVEAL", 5, "/rooms/K7M2QX/rounds/5"],
    ["FINISHED", 5, "/rooms/K7M2QX/summary"],
    ["ABANDONED", 2, "/rooms/K7M2QX/summary"],
  ])("%s (round %i) → %s", (phase, round, path) => {
    expect(roomPath("K7M2QX", phase, round)).toBe(path);
  });

  it("compares paths ignoring a trailing slash, but not case or other rounds", () => {
    expect(isOnRoomPath("/rooms/K7M2QX/", "/rooms/K7M2QX")).toBe(true);
    expect(isOnRoomPath("/rooms/K7M2QX/rounds/2", "/rooms/K7M2QX/rounds/2")).toBe(true);
    expect(isOnRoomPath("/rooms/k7m2qx", "/rooms/K7M2QX")).toBe(false);
    expect(isOnRoomPath("/rooms/K7M2QX/rounds/1", "/rooms/K7M2QX/rounds/2")).toBe(false);
    expect(isOnRoomPath("/rooms/K7M2QX/roles", "/rooms/K7M2QX")).toBe(false);
  });

  it("reads the code from a URL segment", () => {
    expect(codeFromParam("k7m2qx")).toBe("K7M2QX");
    expect(codeFromParam("%6B7M2QX")).toBe("K7M2QX");
    expect(codeFromParam("%E0%A4%A")).toBe("");
  });
});

describe("timeLeftMs", () => {
  const deadline = "2030-01-01T00:01:00.000Z";
  const t0 = Date.parse("2030-01-01T00:00:00.000Z");

  it("counts down to the deadline on the server's clock", () => {
    expect(timeLeftMs({ deadline, remainingMs: null, pausedAt: null }, 0, t0)).toBe(60_000);
    // This browser's clock is 5 s behind the server: 5 s less is left than it seems.
    expect(timeLeftMs({ deadline, remainingMs: null, pausedAt: null }, 5_000, t0)).toBe(55_000);
    // …or 10 s ahead.
    expect(timeLeftMs({ deadline, remainingMs: null, pausedAt: null }, -10_000, t0)).toBe(70_000);
  });

  it("never goes below zero", () => {
    expect(timeLeftMs({ deadline, remainingMs: null, pausedAt: null }, 0, t0 + 120_000)).toBe(0);
  });

  it("shows the time left when paused, standing still", () => {
    const paused = { deadline: null, remainingMs: 42_000, pausedAt: "2030-01-01T00:00:10.000Z" };
    expect(timeLeftMs(paused, 0, t0)).toBe(42_000);
    expect(timeLeftMs(paused, 0, t0 + 30_000)).toBe(42_000);
  });

  it("is null without a timer", () => {
    expect(timeLeftMs({ deadline: null, remainingMs: null, pausedAt: null }, 0, t0)).toBeNull();
    expect(timeLeftMs({ deadline: null, remainingMs: null, pausedAt: "2030-01-01T00:00:00.000Z" }, 0, t0)).toBeNull();
    expect(timeLeftMs({ deadline: "not a date", remainingMs: null, pausedAt: null }, 0, t0)).toBeNull();
  });
});

describe("formatClock", () => {
  it.each<[number, string]>([
    [0, "0:00"],
    [-5, "0:00"],
    [1, "0:01"],
    [999, "0:01"],
    [1000, "0:01"],
    [1001, "0:02"],
    [59_000, "0:59"],
    [60_000, "1:00"],
    [245_000, "4:05"],
    [3_600_000, "1:00:00"],
    [3_723_000, "1:02:03"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it("announces at marks only", () => {
    expect(announcementMark(null)).toBeNull();
    expect(announcementMark(61_000)).toBeNull();
    expect(announcementMark(60_000)).toBe(60);
    expect(announcementMark(57_000)).toBe(60);
    expect(announcementMark(50_000)).toBeNull();
    expect(announcementMark(10_000)).toBe(10);
  });
});

const seat = (over: Partial<SeatView>): SeatView => ({
  seat: 0,
  userId: "u0",
  nickname: "Ann",
  role: null,
  ready: false,
  connected: true,
  submitted: false,
  isHost: false,
  isWithdrawn: false,
  checkInBy: null,
  ...over,
});

describe("seats", () => {
  const seats = [
    seat({ seat: 0, userId: "a", nickname: "Ann", submitted: true }),
    seat({ seat: 1, userId: "b", nickname: "Bo", connected: false }),
    seat({ seat: 2, userId: null, nickname: null, connected: false }),
  ];
  it("lists who still has to answer (never an empty seat)", () => {
    expect(waitingFor(seats).map((s) => s.nickname)).toEqual(["Bo"]);
  });
  it("lists who is away (never an empty seat)", () => {
    expect(awayPlayers(seats).map((s) => s.nickname)).toEqual(["Bo"]);
  });
  it("joins names", () => {
    expect(joinNames([], "and")).toBe("");
    expect(joinNames(["Ann"], "and")).toBe("Ann");
    expect(joinNames(["Ann", "Bo"], "and")).toBe("Ann and Bo");
    expect(joinNames(["Ann", "Bo", "Cy"], "및")).toBe("Ann, Bo 및 Cy");
  });
});

describe("consensus", () => {
  const room = {
    consensus: {
      votes: [
        { userId: "a", choice: 1 },
        { userId: "b", choice: 1 },
        { userId: "c", choice: 0 },
      ],
      reached: null,
      rated: [],
    },
  };
  it("groups backers by option", () => {
    const by = backersByOption(room);
    expect(by.get(1)).toEqual(["a", "b"]);
    expect(by.get(0)).toEqual(["c"]);
    expect(by.get(2)).toBeUndefined();
    expect(backersByOption({ consensus: null }).size).toBe(0);
  });
  it("finds my stance", () => {
    expect(myStance(room, "c")).toBe(0);
    expect(myStance(room, "z")).toBeNull();
    expect(myStance({ consensus: null }, "a")).toBeNull();
  });
});

describe("errorMessageKey", () => {
  it.each([
    ["ROOM_FULL", 409, "roomError.ROOM_FULL"],
    ["GAME_STARTED", 409, "roomError.GAME_STARTED"],
    ["WRONG_PHASE", 409, "roomError.WRONG_PHASE"],
    ["ALREADY_SUBMITTED", 409, "roomError.ALREADY_SUBMITTED"],
    ["ROUND_MISMATCH", 409, "roomError.ROUND_MISMATCH"],
    ["PAUSED", 409, "roomError.PAUSED"],
    ["NOT_SEATED", 403, "roomError.NOT_SEATED"],
    ["CONSENT_REQUIRED", 403, "roomError.CONSENT_REQUIRED"],
    ["RATE_LIMITED", 429, "roomError.RATE_LIMITED"],
    ["INTERNAL", 500, "roomError.INTERNAL"],
    ["HTTP_502", 502, "roomError.INTERNAL"],
    ["SOMETHING_NEW", 409, "roomError.UNKNOWN"],
  ])("%s → %s", (code, status, key) => {
    expect(errorMessageKey(new ApiError(status as number, code as string, "x"))).toBe(key);
  });
  it("a failure without an answer is a network error", () => {
    expect(errorMessageKey(new TypeError("Failed to fetch"))).toBe("roomError.NETWORK");
  });
});
