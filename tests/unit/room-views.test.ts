import { describe, expect, it } from "vitest";
import type { Phase } from "@/lib/domain/game";
import { isOpenToNewcomers, lobbyView, type RoomSnapshot } from "@/lib/domain/snapshot";
import { roomViewFor } from "@/lib/server/services/get-room";

const seats = (...userIds: (string | null)[]) => userIds.map((userId, seat) => ({ seat, userId }));

/** A room in REVEAL with two players seated and one seat free, round 1's answers shown. */
const room = (patch: Partial<RoomSnapshot> = {}): RoomSnapshot =>
  ({
    code: "K7M2QX",
    version: 9,
    phase: "REVEAL",
    round: 1,
    hostId: "host",
    createdById: "facil",
    scenario: { id: "s", title: "T", summary: "S", opening: "O", locale: "en", roles: [], currentQuestion: { number: 1, question: "Q?", options: [] }, textRev: 1 },
    seats: seats("host", "p2", null).map((s) => ({ ...s, nickname: s.userId, role: null, ready: false, connected: true, submitted: true, isHost: s.userId === "host", isWithdrawn: false })),
    consensus: { votes: [{ userId: "host", choice: 1 }], reached: { choice: 1, proposedBy: "host" }, rated: ["host"] },
    results: [{ round: 1, question: "Q?", options: [], choices: [{ userId: "p2", seat: 1, nickname: "p2", choice: 0, confidence: 5 }], consensus: 1, consensusConfidences: [] }],
    ...patch,
  }) as unknown as RoomSnapshot;

describe("who may look at a room", () => {
  it.each<[Phase, (string | null)[], boolean]>([
    ["WAITING", [null, null, null], true],
    ["WAITING", ["a", "b", null], true],
    ["WAITING", ["a", "b", "c"], false],
    ["DISCUSSION", ["a", null, "c"], true],
    ["DISCUSSION", ["a", "b", "c"], false],
    ["FINISHED", ["a", null, "c"], false],
    ["ABANDONED", [null, null, null], false],
  ])("in %s with seats %j: open to newcomers %s", (phase, userIds, open) => {
    expect(isOpenToNewcomers({ phase, seats: seats(...userIds) })).toBe(open);
  });

  it("shows someone without a seat the room and who sits where, never the answers, the consensus or the question", () => {
    const full = room();
    const view = lobbyView(full);
    expect(view.results).toEqual([]);
    expect(view.consensus).toBeNull();
    expect(view.scenario.currentQuestion).toBeNull();
    expect(JSON.stringify(view)).not.toContain("confidence");
    expect(view.seats).toEqual(full.seats);
    expect(view.scenario.title).toBe(full.scenario.title);
    expect(view.version).toBe(full.version);
  });

  it.each<[string, { id: string; role: string }, Partial<RoomSnapshot>, "member" | "viewer" | null]>([
    ["a seated player", { id: "p2", role: "PLAYER" }, {}, "member"],
    ["the host", { id: "host", role: "PLAYER" }, {}, "member"],
    ["the facilitator who opened it", { id: "facil", role: "FACILITATOR" }, {}, "member"],
    ["an admin", { id: "root", role: "ADMIN" }, {}, "member"],
    ["a stranger, while a seat is free", { id: "x", role: "PLAYER" }, {}, "viewer"],
    ["a stranger, once the room is full", { id: "x", role: "PLAYER" }, { seats: room().seats.map((s) => ({ ...s, userId: s.userId ?? "p3" })) }, null],
    ["a stranger, once the game is over", { id: "x", role: "PLAYER" }, { phase: "FINISHED" }, null],
    ["another facilitator", { id: "other", role: "FACILITATOR" }, { phase: "FINISHED" }, null],
  ])("lets %s see %s", (_who, user, patch, kind) => {
    const snapshot = room(patch);
    const view = roomViewFor(user as never, snapshot);
    expect(view?.kind ?? null).toBe(kind);
    if (view?.kind === "member") expect(view.snapshot).toBe(snapshot);
    if (view?.kind === "viewer") expect(view.snapshot).toEqual(lobbyView(snapshot));
  });
});
