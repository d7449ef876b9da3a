import { beforeEach, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { ChatMessagePayload } from "@/lib/realtime-events";
import { appendMessage, clockOffset, isNewerSnapshot, useRoomStore } from "@/lib/client/stores/room";

const snap = (version: number, over: Partial<RoomSnapshot> = {}): RoomSnapshot =>
  ({
    code: "K7M2QX",
    version,
    phase: "WAITING",
    round: 0,
    totalRounds: 5,
    deadline: null,
    remainingMs: null,
    pausedAt: null,
    serverTime: "2030-01-01T00:00:00.000Z",
    seats: [
      { seat: 0, userId: "a", nickname: "Ann", role: null, ready: false, connected: true, submitted: false, isHost: true, isWithdrawn: false },
      { seat: 1, userId: null, nickname: null, role: null, ready: false, connected: false, submitted: false, isHost: false, isWithdrawn: false },
      { seat: 2, userId: null, nickname: null, role: null, ready: false, connected: false, submitted: false, isHost: false, isWithdrawn: false },
    ],
    ...over,
  }) as RoomSnapshot;

const msg = (id: string, at: string, userId = "a"): ChatMessagePayload => ({ id, userId, nickname: "Ann", text: id, at });

describe("isNewerSnapshot (version guard)", () => {
  it("takes the first snapshot", () => expect(isNewerSnapshot(null, snap(3))).toBe(true));
  it("takes a higher version", () => expect(isNewerSnapshot(snap(3), snap(4))).toBe(true));
  it("ignores the same version", () => expect(isNewerSnapshot(snap(3), snap(3))).toBe(false));
  it("ignores an older version arriving late", () => expect(isNewerSnapshot(snap(5), snap(4))).toBe(false));
  it("ignores another room", () => expect(isNewerSnapshot(snap(3), snap(9, { code: "ZZZZZZ" }))).toBe(false));
});

describe("clockOffset", () => {
  it("is server time minus local time", () => {
    expect(clockOffset("2030-01-01T00:00:05.000Z", Date.parse("2030-01-01T00:00:00.000Z"))).toBe(5000);
    expect(clockOffset("2030-01-01T00:00:00.000Z", Date.parse("2030-01-01T00:00:02.000Z"))).toBe(-2000);
  });
  it("is 0 for an unreadable time", () => expect(clockOffset("nope", 1)).toBe(0));
});

describe("appendMessage", () => {
  it("adds once by id and keeps time order", () => {
    let list: ChatMessagePayload[] = [];
    list = appendMessage(list, msg("2", "2030-01-01T00:00:02Z"));
    list = appendMessage(list, msg("1", "2030-01-01T00:00:01Z"));
    const same = appendMessage(list, msg("2", "2030-01-01T00:00:02Z"));
    expect(same).toBe(list);
    expect(list.map((m) => m.id)).toEqual(["1", "2"]);
  });
  it("keeps the newest messages only", () => {
    let list: ChatMessagePayload[] = [];
    for (let i = 0; i < 5; i++) list = appendMessage(list, msg(String(i), new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString()), 3);
    expect(list.map((m) => m.id)).toEqual(["2", "3", "4"]);
  });
});

describe("useRoomStore", () => {
  beforeEach(() => useRoomStore.getState().reset("K7M2QX"));

  it("keeps only the highest version, whatever the order of arrival", () => {
    const s = useRoomStore.getState();
    expect(s.receiveSnapshot(snap(2))).toBe(true);
    expect(s.receiveSnapshot(snap(4, { phase: "ROLES" }))).toBe(true);
    expect(s.receiveSnapshot(snap(3, { phase: "WAITING" }))).toBe(false);
    expect(useRoomStore.getState().snapshot?.version).toBe(4);
    expect(useRoomStore.getState().snapshot?.phase).toBe("ROLES");
    expect(useRoomStore.getState().status).toBe("ready");
  });

  it("ignores snapshots of another room", () => {
    expect(useRoomStore.getState().receiveSnapshot(snap(1, { code: "ABCDEF" }))).toBe(false);
    expect(useRoomStore.getState().snapshot).toBeNull();
  });

  it("records the clock offset of the accepted snapshot", () => {
    useRoomStore.getState().receiveSnapshot(snap(1, { serverTime: "2030-01-01T00:00:03.000Z" }), Date.parse("2030-01-01T00:00:00.000Z"));
    expect(useRoomStore.getState().clockOffsetMs).toBe(3000);
  });

  it("applies presence without changing the version", () => {
    useRoomStore.getState().receiveSnapshot(snap(7));
    useRoomStore.getState().setPresence("a", false);
    const s = useRoomStore.getState().snapshot!;
    expect(s.seats[0]!.connected).toBe(false);
    expect(s.version).toBe(7);
  });

  it("clears typing when that user's message arrives", () => {
    const s = useRoomStore.getState();
    s.setTyping("b", true);
    s.setTyping("b", true);
    expect(useRoomStore.getState().typing).toEqual(["b"]);
    s.addMessage(msg("m1", "2030-01-01T00:00:00Z", "b"));
    expect(useRoomStore.getState().typing).toEqual([]);
    expect(useRoomStore.getState().messages).toHaveLength(1);
  });

  it("starts over on reset", () => {
    useRoomStore.getState().receiveSnapshot(snap(7));
    useRoomStore.getState().addMessage(msg("m1", "2030-01-01T00:00:00Z"));
    useRoomStore.getState().reset("ABCDEF");
    const s = useRoomStore.getState();
    expect(s.snapshot).toBeNull();
    expect(s.messages).toEqual([]);
    expect(s.code).toBe("ABCDEF");
    expect(s.status).toBe("loading");
  });
});
