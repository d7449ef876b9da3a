import { describe, expect, it } from "vitest";
import type { Phase } from "@/lib/domain/game";
import { DEFAULT_SETTINGS } from "@/lib/domain/game";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import { attention, describeReason, mergeList, mergeSnapshot, OVERDUE_GRACE_MS, roomName, seatProgress, sortRooms, timeInPhaseMs, waitingSeats } from "@/components/facilitator/monitor/monitor-logic";
import { useMonitorStore } from "@/components/facilitator/monitor/monitor-store";

const seat = (n: number, over: Partial<SeatView> = {}): SeatView => ({
  seat: n,
  userId: `u${n}`,
  nickname: `P${n}`,
  role: null,
  ready: false,
  connected: true,
  submitted: false,
  isHost: false,
  isWithdrawn: false,
  checkInBy: null,
  ...over,
});

function room(code: string, over: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    code,
    version: 1,
    phase: "WAITING",
    round: 0,
    totalRounds: 2,
    deadline: null,
    remainingMs: null,
    pausedAt: null,
    phaseStartedAt: "2030-01-01T00:00:00.000Z",
    phaseChangedBy: null,
    phasePausedMs: 0,
    serverTime: "2030-01-01T00:00:10.000Z",
    title: null,
    visibility: "private",
    isResearch: false,
    hostId: null,
    createdById: "f1",
    isRecordingAllowed: false,
    settings: DEFAULT_SETTINGS,
    scenario: { id: "s", title: "Scenario", summary: "", opening: "", locale: "en", roles: [], currentQuestion: null, textRev: 0 },
    seats: [seat(0), seat(1), seat(2)],
    consensus: null,
    results: [],
    ...over,
  };
}

const t0 = Date.parse("2030-01-01T00:00:00.000Z");

describe("merging snapshots", () => {
  it("keeps the highest version of each room, whatever the order of arrival", () => {
    const v2 = room("AAAAAA", { version: 2, phase: "ROLES" });
    const v1 = room("AAAAAA", { version: 1 });
    const a = mergeSnapshot({}, v2);
    expect(mergeSnapshot(a, v1)).toBe(a);
    expect(mergeSnapshot(a, room("AAAAAA", { version: 3, phase: "INDIVIDUAL" })).AAAAAA!.phase).toBe("INDIVIDUAL");
  });

  it("takes a full list, keeping newer held snapshots and rooms that just ended", () => {
    const held = { A: room("A", { version: 5, phase: "DISCUSSION" }), B: room("B", { version: 2, phase: "FINISHED" }), C: room("C") };
    const out = mergeList(held, [room("A", { version: 4 }), room("D")]);
    expect(Object.keys(out).sort()).toEqual(["A", "B", "D"]);
    expect(out.A!.version).toBe(5);
  });
});

describe("ordering and naming", () => {
  it("lists active rooms first, then by name with numbers in order", () => {
    const list = [room("Z", { title: "Class · 10" }), room("Y", { title: "Class · 2", phase: "ABANDONED" }), room("X", { title: "Class · 9" }), room("W", { title: "Class · 1" })];
    expect(sortRooms(list).map((r) => r.code)).toEqual(["W", "X", "Z", "Y"]);
  });

  it("names a room by its title, else its scenario", () => {
    expect(roomName(room("A", { title: "3B" }))).toBe("3B");
    expect(roomName(room("A"))).toBe("Scenario");
  });
});

describe("time in phase", () => {
  it("counts from phaseStartedAt on the server's clock", () => {
    expect(timeInPhaseMs(room("A"), 0, t0 + 65_000)).toBe(65_000);
    expect(timeInPhaseMs(room("A"), 5_000, t0 + 65_000)).toBe(70_000);
    expect(timeInPhaseMs(room("A"), 0, t0 - 1_000)).toBe(0);
    expect(timeInPhaseMs(room("A", { phaseStartedAt: null }), 0, t0)).toBeNull();
  });

  it("leaves out the pauses: those over, and the one going on", () => {
    // 110 s in the phase, of which 40 s in earlier pauses and 60 s in the pause going on.
    const paused = room("A", { phasePausedMs: 40_000, pausedAt: new Date(t0 + 50_000).toISOString() });
    expect(timeInPhaseMs(paused, 0, t0 + 110_000)).toBe(10_000);
    expect(timeInPhaseMs(room("A", { phasePausedMs: 40_000 }), 0, t0 + 110_000)).toBe(70_000);
  });
});

describe("seats", () => {
  it.each<[Phase, Partial<SeatView>, string]>([
    ["INDIVIDUAL", { submitted: true }, "done"],
    ["DISCUSSION", { submitted: false }, "waiting"],
    ["WAITING", { submitted: false }, "waiting"],
    ["FINISHED", { submitted: false }, "none"],
    ["CONSENSUS", { userId: null, nickname: null }, "empty"],
  ])("%s %j → %s", (phase, over, expected) => {
    expect(seatProgress(phase, seat(0, over))).toBe(expected);
  });

  it("lists whom the phase waits for", () => {
    const r = room("A", { phase: "INDIVIDUAL", seats: [seat(0, { submitted: true }), seat(1), seat(2, { userId: null, nickname: null })] });
    expect(waitingSeats(r).map((s) => s.nickname)).toEqual(["P1"]);
  });
});

describe("attention", () => {
  it("flags a paused room first, then an away player, then a phase past its deadline", () => {
    const deadline = new Date(t0 + 60_000).toISOString();
    expect(attention(room("A", { pausedAt: "x", seats: [seat(0, { connected: false })] }), 0, t0)).toBe("paused");
    expect(attention(room("A", { seats: [seat(0, { connected: false })] }), 0, t0)).toBe("away");
    expect(attention(room("A", { phase: "DISCUSSION", deadline }), 0, t0 + 60_000 + OVERDUE_GRACE_MS)).toBeNull();
    expect(attention(room("A", { phase: "DISCUSSION", deadline }), 0, t0 + 60_001 + OVERDUE_GRACE_MS)).toBe("overdue");
    expect(attention(room("A", { phase: "FINISHED", pausedAt: "x" }), 0, t0)).toBeNull();
  });
});

describe("monitor store", () => {
  it("announces a room's phase change and keeps the server clock offset", () => {
    const store = useMonitorStore.getState();
    store.reset();
    store.receiveAll([room("A")], t0 + 10_000);
    expect(useMonitorStore.getState().status).toBe("ready");
    expect(useMonitorStore.getState().lastChange).toBeNull();
    store.receive(room("A", { version: 2, phase: "ROLES", serverTime: "2030-01-01T00:00:20.000Z" }), t0 + 18_000);
    expect(useMonitorStore.getState().lastChange).toMatchObject({ code: "A", phase: "ROLES" });
    expect(useMonitorStore.getState().clockOffsetMs).toBe(2_000);
    // An older snapshot arriving late changes nothing.
    store.receive(room("A", { version: 1 }), t0 + 19_000);
    expect(useMonitorStore.getState().rooms.A!.phase).toBe("ROLES");
  });
});

describe("phase log reasons", () => {
  it.each([
    ["created", { key: "facilitator.log.reason.created" }],
    ["all_voted_to_end", { key: "facilitator.log.reason.all_voted_to_end" }],
    ["timer", { key: "facilitator.log.reason.timer" }],
    ["advanced: facilitator skipped the phase", { key: "facilitator.log.reason.advanced", values: { note: "facilitator skipped the phase" } }],
    ["host ended the game", { text: "host ended the game" }],
  ])("%s", (reason, expected) => {
    expect(describeReason(reason)).toEqual(expected);
  });
});
