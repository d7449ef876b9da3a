import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { ApiClient } from "../support/client";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, playRound, subscribe, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// Withdrawal and account deletion seen from the other players of a room: the seat is given up
// through the room engine (one new version, broadcast, a phase-log entry with the reason), as a
// leave is.

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
  admin = await signedInAdmin(server.url);
});
afterAll(async () => {
  await server?.stop();
});

type LogEntry = { phase: string; round: number; reason: string; actor: { id: string; nickname: string } | null };

async function roomLog(code: string): Promise<LogEntry[]> {
  const r = await admin.get(`/api/facilitator/rooms/${code}/log`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.entries;
}

/** The first room:state `p` received with a version above `version` (waits for it). */
const firstAfter = (p: Player, version: number) =>
  eventually(() => {
    const s = p.states.find((x) => x.version > version);
    expect(s, `${p.nickname} got no room:state after version ${version}`).toBeDefined();
    return s!;
  });

describe("a player who withdraws while seated in a running room", () => {
  it("frees the seat through the room engine: one new version, the seat empty and marked, the room paused, the reason logged", async () => {
    const players = await Promise.all(["WdHost", "WdStay", "WdGone"].map((n) => guest(server.url, n, true)));
    const [host, stay, gone] = players as [Player, Player, Player];
    const room = await createRoom(host);
    for (const p of [host, stay]) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    await ok(host, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    const before = await ok(gone, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 4 });
    expect(before.seats[2]!.userId).toBe(gone.id);

    expect((await gone.api.delete("/api/users/me", { withdrawData: true })).status).toBe(204);

    for (const p of [host, stay]) {
      const s = await firstAfter(p, before.version);
      // One change, as a leave is: the seat emptied and the room paused in the same state.
      expect(s.version).toBe(before.version + 1);
      expect(s.seats[2]).toMatchObject({ userId: null, nickname: null, isWithdrawn: true });
      expect(s.pausedAt).not.toBeNull();
      expect(s).toMatchObject({ phase: "INDIVIDUAL", round: 1, hostId: host.id });
      // The withdrawn answer is gone from who has answered; the host's stays.
      expect(s.seats[0]!.submitted).toBe(true);
    }
    const log = await roomLog(room.code);
    // The log keeps that a seat was given up, never by whom (the actor went with the data).
    expect(log).toContainEqual(expect.objectContaining({ phase: "INDIVIDUAL", round: 1, reason: "seat_withdrew:2", actor: null }));
    expect(JSON.stringify(log)).not.toContain(gone.id);

    // The room goes on as after a leave: a newcomer takes the seat, the room resumes, the seat is no longer marked.
    const newcomer = await guest(server.url, "WdNew");
    const joined = await newcomer.api.post(`/api/rooms/${room.code}/join`, {});
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    const resumed = joined.body.snapshot as RoomSnapshot;
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.seats[2]).toMatchObject({ userId: newcomer.id, isWithdrawn: false });
    const answered = await ok(newcomer, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 2 });
    expect(answered.seats.map((s) => s.submitted)).toEqual([true, false, true]);
  });

  it("hands hosting over when the host deletes their account, with the seat freed through the engine as well", async () => {
    const players = await Promise.all(["DelHost", "DelTwo", "DelThree"].map((n) => guest(server.url, n, true)));
    const [host, second] = players as [Player, Player, Player];
    const room = await createRoom(host);
    await subscribe(second, room.code);
    await fillAndStart(room.code, players);
    const before = await confirmRoles(room.code, players);

    expect((await host.api.delete("/api/users/me", { withdrawData: false })).status).toBe(204);

    const s = await firstAfter(second, before.version);
    expect(s.version).toBe(before.version + 1);
    expect(s.seats[0]).toMatchObject({ userId: null, isWithdrawn: false });
    expect(s.hostId).toBe(second.id);
    expect(s.pausedAt).not.toBeNull();
    expect(await roomLog(room.code)).toContainEqual(expect.objectContaining({ phase: "INDIVIDUAL", reason: "seat_deleted:0" }));
    // The new host can act as host.
    expect((await second.api.post(`/api/rooms/${room.code}/advance`, { reason: "new host moves on" })).status).toBe(200);
  });
});

describe("a player who withdraws from a finished game", () => {
  it("disappears from the others' end screen at once: a new version without their answers, their seat marked", async () => {
    const players = await Promise.all(["EndOne", "EndTwo", "EndGone"].map((n) => guest(server.url, n, true)));
    const [host, stay, gone] = players as [Player, Player, Player];
    const room = await createRoom(host);
    await subscribe(stay, room.code);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    let snap = await playRound(room.code, players, 1, 0, 0);
    for (let i = 0; i < 40 && snap.phase !== "FINISHED"; i++) snap = await ok(host, `/api/rooms/${room.code}/advance`, { reason: "to the end" });
    expect(snap.phase).toBe("FINISHED");
    expect(snap.results[0]!.choices.map((c) => c.userId)).toContain(gone.id);

    expect((await gone.api.delete("/api/users/me", { withdrawData: true })).status).toBe(204);

    const s = await firstAfter(stay, snap.version);
    expect(s.seats[2]).toMatchObject({ userId: null, isWithdrawn: true });
    expect(s.results[0]!.choices.map((c) => c.userId)).toEqual([host.id, stay.id]);
    expect(JSON.stringify(s)).not.toContain(gone.id);
  });
});
