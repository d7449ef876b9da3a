import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeanRoomSnapshot, RoomSnapshot } from "@/lib/domain/snapshot";
import { ApiClient, emitAck } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, playRound, subscribe, type Player } from "../support/game";
import { parsePrometheus, sampleSum } from "../support/prometheus";
import { createTestDatabase, ensurePostgres, type TestPostgres } from "../support/postgres";
import { startRedis, type TestRedis } from "../support/redis";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Two instances on different ports share one PostgreSQL and one Redis (REDIS_URL): players
 * connected to different instances see each other's moves, chat and voice signalling.
 */
let postgres: TestPostgres;
let redis: TestRedis;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  postgres = await ensurePostgres();
  redis = await startRedis();
  const databaseUrl = await createTestDatabase(postgres.url);
  const env = { REDIS_URL: redis.url, NEXTAUTH_SECRET: "a-shared-secret-for-both-instances-0123456789" };
  a = await startTestServer({ databaseUrl, env });
  b = await startTestServer({ databaseUrl, env });
}, 180_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.stop();
  await postgres?.stop();
});

/** A player whose HTTP calls and socket go to `server`. */
async function playerOn(server: TestServer, name: string): Promise<Player> {
  return guest(server.url, name, true);
}

describe("two instances behind Redis", () => {
  it("report Redis in their health", async () => {
    for (const s of [a, b]) expect((await new ApiClient(s.url).get("/health")).body).toMatchObject({ status: "ok", db: "up", redis: "up" });
  });

  it("share moves, presence, chat and voice signalling between players on different instances", async () => {
    const p1 = await playerOn(a, "Alpha");
    const p2 = await playerOn(b, "Beta");
    const p3 = await playerOn(b, "Gamma");
    const room = await createRoom(p1);
    for (const p of [p1, p2]) await subscribe(p, room.code);
    // Gamma (on B) takes lean states, as the web client does; Alpha and Beta whole snapshots.
    const leanOnB: LeanRoomSnapshot[] = [];
    p3.socket!.on("room:lean-state", (s: LeanRoomSnapshot) => leanOnB.push(s));
    expect((await emitAck(p3.socket!, "room:subscribe", { code: room.code, lean: true })).ok).toBe(true);
    for (const p of [p1, p2, p3]) expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
    for (const p of [p1, p2, p3]) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
    for (const p of [p1, p2, p3]) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});

    // A move made through instance A reaches the sockets held by instance B, and the other way round.
    const r1 = await p1.api.post(`/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    await eventually(() => expect(p2.states.at(-1)!.version).toBe(r1.body.version));
    await eventually(() => expect(leanOnB.at(-1)?.version).toBe(r1.body.version));
    expect(leanOnB.at(-1)!.scenario).not.toHaveProperty("opening");
    expect(p3.states).toEqual([]);
    const r2 = await p2.api.post(`/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 4 });
    await eventually(() => expect(p1.states.at(-1)!.version).toBe(r2.body.version));
    expect(p1.states.at(-1)!.seats.filter((s) => s.submitted)).toHaveLength(2);

    const chat = new Promise<{ text: string }>((resolve) => p3.socket!.once("chat:message", resolve));
    expect((await emitAck(p1.socket!, "chat:send", { code: room.code, text: "hello from A" })).ok).toBe(true);
    expect((await chat).text).toBe("hello from A");

    for (const p of [p1, p2, p3]) await emitAck(p.socket!, "voice:join", { code: room.code });
    const signal = new Promise<{ from: string }>((resolve) => p2.socket!.once("voice:signal", resolve));
    const offer = { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" };
    expect(await emitAck(p1.socket!, "voice:signal", { code: room.code, to: p2.id, data: offer })).toEqual({ ok: true, data: null });
    expect((await signal).from).toBe(p1.id);
    const peers = await emitAck(p3.socket!, "voice:join", { code: room.code });
    expect(peers.data.peers.sort()).toEqual([p1.id, p2.id].sort());

    // Presence across instances: B's player leaves, A's player sees them away.
    p3.socket!.disconnect();
    await eventually(async () => {
      const s = (await p1.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(s.seats.find((x) => x.userId === p3.id)!.connected).toBe(false);
    });
    for (const p of [p1, p2]) p.socket!.disconnect();
  });

  it("play a whole game whose three players are split across both instances", async () => {
    const players = [await playerOn(a, "SplitA"), await playerOn(b, "SplitB"), await playerOn(a, "SplitC")];
    const room = await createRoom(players[1]!);
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    let snap = await confirmRoles(room.code, players);
    expect(snap.phase).toBe("INDIVIDUAL");
    const consensus: number[] = [];
    for (let round = 1; round <= snap.totalRounds; round++) {
      consensus.push(round % 2);
      snap = await playRound(room.code, players, round, round % 3, round % 2);
      // Every move so far reached every socket, whichever instance made it.
      const version = snap.version;
      await eventually(() => {
        for (const p of players) expect(p.states.at(-1)!.version).toBe(version);
      });
    }
    expect(snap.phase).toBe("FINISHED");
    // Both instances read the same finished room from the shared database.
    const [fromA, fromB] = await Promise.all([players[0]!.api.get(`/api/rooms/${room.code}`), players[1]!.api.get(`/api/rooms/${room.code}`)]);
    expect(fromA.body.phase).toBe("FINISHED");
    // The same state, read at different instants (serverTime is the clock at reading).
    const state = ({ serverTime: _t, ...rest }: RoomSnapshot) => rest;
    expect(state(fromB.body)).toEqual(state(fromA.body));
    for (const p of players) expect(state(p.states.at(-1)!)).toEqual(state(fromA.body));
    // The versions each socket saw only ever grew.
    for (const p of players) {
      const versions = p.states.map((s) => s.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
    }
    // The group's decisions are the ones agreed on, round by round, whichever instance recorded them.
    const stats = await players[2]!.api.get(`/api/rooms/${room.code}/statistics`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.rounds.map((r: { consensus: number | null }) => r.consensus)).toEqual(consensus);
    for (const p of players) p.socket!.disconnect();
  });

  it("check the room state one instance holds against the database before acting on it or refusing with it", async () => {
    // Everything happens through instance A first, so A holds the room's state from its last command.
    const players = [await playerOn(a, "HeldA"), await playerOn(a, "HeldB"), await playerOn(a, "HeldC")];
    const room = await createRoom(players[0]!);
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    expect((await confirmRoles(room.code, players)).phase).toBe("INDIVIDUAL");
    // The same people, signed in, making their HTTP calls through instance B.
    const onB = players.map((p) => {
      const api = new ApiClient(b.url);
      for (const [k, v] of p.api.jar) api.jar.set(k, v);
      return { ...p, api };
    });
    // Round 1 is played entirely through B: what A holds is now a round behind.
    const afterRound1 = await playRound(room.code, onB, 1, 0, 1);
    expect(afterRound1).toMatchObject({ round: 2, phase: "INDIVIDUAL" });

    // On A's held state this round-2 choice would be refused (round 1 is running there); A checks, and takes it.
    const choice = await players[0]!.api.post(`/api/rooms/${room.code}/rounds/2/choice`, { choice: 1, confidence: 5 });
    expect(choice.status, JSON.stringify(choice.body)).toBe(200);
    expect(choice.body).toMatchObject({ round: 2, phase: "INDIVIDUAL", version: afterRound1.version + 1 });
    expect(choice.body.seats.find((s: { userId: string }) => s.userId === players[0]!.id).submitted).toBe(true);

    // B records the second player's choice; on A's held state that player has not chosen yet, and
    // the write A tries is refused by the version check: A reads the room again and refuses the repeat.
    const second = await onB[1]!.api.post(`/api/rooms/${room.code}/rounds/2/choice`, { choice: 0, confidence: 2 });
    expect(second.status).toBe(200);
    const repeat = await players[1]!.api.post(`/api/rooms/${room.code}/rounds/2/choice`, { choice: 1, confidence: 4 });
    expect(repeat.status, JSON.stringify(repeat.body)).toBe(409);
    expect(repeat.body.error.code).toBe("ALREADY_SUBMITTED");
    const now = (await players[2]!.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
    expect(now.version).toBe(second.body.version);
    expect(now.seats.filter((s) => s.submitted).map((s) => s.userId).sort()).toEqual([players[0]!.id, players[1]!.id].sort());

    // The round goes on with each move through the other instance than the one before; its
    // results show the stored answers, whichever instance recorded them.
    const via = (i: number, step: number) => (step % 2 ? onB[i]! : players[i]!);
    await ok(via(2, 0), `/api/rooms/${room.code}/rounds/2/choice`, { choice: 1, confidence: 3 });
    for (let i = 0; i < 3; i++) await ok(via(i, i + 1), `/api/rooms/${room.code}/rounds/2/discussion/end`);
    for (let i = 0; i < 3; i++) await ok(via(i, i), `/api/rooms/${room.code}/rounds/2/consensus`, { choice: 0 });
    let done: RoomSnapshot | undefined;
    for (let i = 0; i < 3; i++) done = await ok(via(i, i + 1), `/api/rooms/${room.code}/rounds/2/consensus-confidence`, { confidence: 4 });
    expect(done!.phase).toBe("REVEAL");
    const round2 = done!.results.find((r) => r.round === 2)!;
    expect(round2.choices.map((c) => [c.userId, c.choice])).toEqual([
      [players[0]!.id, 1],
      [players[1]!.id, 0],
      [players[2]!.id, 1],
    ]);
    expect(round2.consensus).toBe(0);
    // A found what it held stale, and read the room again, at least for the two moves above.
    const metrics = parsePrometheus(await (await new ApiClient(a.url).raw("GET", "/metrics")).text());
    expect(sampleSum(metrics, "aedg_room_state_cache_total", { result: "stale" })).toBeGreaterThanOrEqual(2);
    for (const p of players) p.socket!.disconnect();
  });

  it("SECURITY 32 — resynchronises clients after Redis restarts", async () => {
    const p1 = await playerOn(a, "Restart1");
    const p2 = await playerOn(b, "Restart2");
    const room = await createRoom(p1);
    expect((await p1.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
    await redis.restart();
    // The adapters reconnect by themselves; a client that resubscribes gets the current state,
    // and moves made through the other instance reach it again.
    for (const s of [a, b]) await eventually(async () => expect((await new ApiClient(s.url).get("/health")).body.redis).toBe("up"), 20_000, 250);
    const states: RoomSnapshot[] = [];
    p2.socket!.on("room:state", (s: RoomSnapshot) => states.push(s));
    const current = await subscribe(p2, room.code);
    expect(current.seats[0]!.userId).toBe(p1.id);
    let ready = false;
    await eventually(
      async () => {
        ready = !ready;
        expect((await p1.api.post(`/api/rooms/${room.code}/ready`, { ready })).status).toBe(200);
        await new Promise((r) => setTimeout(r, 300));
        expect(states.length).toBeGreaterThan(0);
      },
      20_000,
      100,
    );
    expect(states.at(-1)!.version).toBeGreaterThan(current.version);
    for (const p of [p1, p2]) p.socket!.disconnect();
  });
});
