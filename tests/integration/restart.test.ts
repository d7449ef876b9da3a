import { afterAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ApiClient } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

/** Points each player's cookies at a new server URL (same data directory, same secret). */
function moveTo(players: Player[], url: string): Player[] {
  return players.map((p) => {
    const api = new ApiClient(url);
    for (const [k, v] of p.api.jar) api.jar.set(k, v);
    return { ...p, api };
  });
}

async function playToDiscussion(url: string, settings: Record<string, number>) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(url, `Restart${i}`)));
  const room = await createRoom(players[0]!, { settings });
  await fillAndStart(room.code, players);
  await confirmRoles(room.code, players);
  for (const [i, p] of players.entries()) await ok(p, `/api/rooms/${room.code}/rounds/1/choice`, { choice: i % 2, confidence: i + 2 });
  const snap = await ok(players[1]!, `/api/rooms/${room.code}/rounds/1/discussion/end`);
  expect(snap.phase).toBe("DISCUSSION");
  return { players, code: room.code, snap };
}

describe.each([
  ["stopped (SIGTERM)", "SIGTERM" as const],
  ["killed (SIGKILL)", "SIGKILL" as const],
])("a server %s mid-round and started again", (_name, signal) => {
  it("SECURITY 30 — resumes the room in the same phase with the same deadline and every committed move, and its timer still fires", async () => {
    const first = await startTestServer();
    servers.push(first);
    const { players, code, snap: before } = await playToDiscussion(first.url, { discussionSeconds: 12 });
    await first.stop(signal);

    const second = await startTestServer({ dataDir: first.dataDir, databaseUrl: first.databaseUrl });
    servers.push(second);
    const again = moveTo(players, second.url);
    const after = (await again[0]!.api.get(`/api/rooms/${code}`)).body as RoomSnapshot;
    // Nobody has a socket to the new server: it marks the three players away, one new version of the room.
    expect(after).toMatchObject({ phase: "DISCUSSION", round: 1, version: before.version + 1 });
    expect(after.seats.map((s) => s.connected)).toEqual([false, false, false]);
    expect(after.deadline ?? after.remainingMs).not.toBeNull();
    if (after.deadline) expect(after.deadline).toBe(before.deadline);
    expect(after.seats.map((s) => [s.userId, s.role, s.submitted])).toEqual(before.seats.map((s) => [s.userId, s.role, s.submitted]));

    // The discussion timer, kept in the database, still ends the phase after the restart.
    const moved = await eventually(async () => {
      const s = (await again[0]!.api.get(`/api/rooms/${code}`)).body as RoomSnapshot;
      expect(s.phase).toBe("CONSENSUS");
      return s;
    }, 30_000, 250);
    expect(moved.round).toBe(1);

    // Every committed choice survived.
    await ok(again[0]!, `/api/rooms/${code}/advance`, { reason: "to the reveal" });
    const stats = (await again[0]!.api.get(`/api/rooms/${code}/statistics`)).body;
    expect(stats.rounds[0].players.map((p: { choice: number; confidence: number }) => [p.choice, p.confidence])).toEqual([
      [0, 2],
      [1, 3],
      [0, 4],
    ]);
    await second.stop();
  });
});
