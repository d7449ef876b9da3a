import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeanRoomSnapshot, RoomSnapshot } from "@/lib/domain/snapshot";
import type { Socket } from "socket.io-client";
import { ApiClient, connected, emitAck } from "../support/client";
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

/** Another socket of `p`'s user (signed in with the same cookie), on `server`. */
async function socketOn(server: TestServer, p: Player): Promise<Socket> {
  const api = new ApiClient(server.url);
  for (const [k, v] of p.api.jar) api.jar.set(k, v);
  const socket = api.socket();
  await connected(socket);
  return socket;
}

/** `p` making their HTTP calls through `server`. */
function through(server: TestServer, p: Player): Player {
  const api = new ApiClient(server.url);
  for (const [k, v] of p.api.jar) api.jar.set(k, v);
  return { ...p, api };
}

/** Every event a socket receives, by name, in order. */
function record(socket: Socket): string[] {
  const seen: string[] = [];
  socket.onAny((name: string) => seen.push(name));
  return seen;
}

/** Resolves once every push written to this socket before now has arrived (an ack comes after them). */
async function settled(socket: Socket): Promise<void> {
  expect(await emitAck(socket, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
}

/** GET /health on a server: its status code and body. */
async function health(server: TestServer) {
  const r = await new ApiClient(server.url).get("/health");
  return { ...r.body, code: r.status } as { code: number; status: string; redis?: string; db: string } & Record<string, unknown>;
}

describe("two instances behind Redis", () => {
  it("report Redis in their health", async () => {
    for (const s of [a, b]) {
      const r = await new ApiClient(s.url).get("/health");
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: "ok", db: "up", redis: "up" });
    }
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

  it("SECURITY 18 — take a leaver's and a released player's sockets on both instances out of the room", async () => {
    const host = await playerOn(a, "Keeper");
    const leaver = await playerOn(a, "Quitter");
    const released = await playerOn(b, "Dropped");
    const room = await createRoom(host);
    for (const p of [host, leaver, released]) await ok(p, `/api/rooms/${room.code}/join`);
    // Each of them follows the room from both instances; the host too (to see what B passes on).
    const hostOnB = await socketOn(b, host);
    const leaverOnB = await socketOn(b, leaver);
    const releasedOnA = await socketOn(a, released);
    for (const p of [host, leaver, released]) await subscribe(p, room.code);
    for (const s of [hostOnB, leaverOnB, releasedOnA]) expect((await emitAck(s, "room:subscribe", { code: room.code, lean: true })).ok).toBe(true);
    const gone = [leaver.socket!, leaverOnB, released.socket!, releasedOnA];
    const seen = gone.map(record);
    const hostSeenOnB = record(hostOnB);

    // The leaver leaves through A; the host releases the other seat through B.
    expect((await leaver.api.post(`/api/rooms/${room.code}/leave`)).status).toBe(204);
    const afterRelease = await ok(through(b, host), `/api/rooms/${room.code}/seats/2/release`);
    await eventually(() => expect(hostSeenOnB.filter((n) => n === "room:lean-state").length).toBeGreaterThanOrEqual(2));
    // Removal goes through Redis to the other instance: once the departed sockets are out, nothing more reaches them.
    await eventually(async () => {
      const probe = await emitAck(leaverOnB, "chat:typing", { code: room.code, isTyping: false });
      expect(probe.ok).toBe(false);
      expect((await emitAck(releasedOnA, "chat:typing", { code: room.code, isTyping: false })).ok).toBe(false);
    });
    for (const s of gone) await settled(s);
    const marks = seen.map((x) => x.length);

    // A move through A and chat through B: the host's sockets on both instances get them, the departed none.
    const moved = await ok(host, `/api/rooms/${room.code}/ready`, { ready: true });
    expect(moved.version).toBeGreaterThan(afterRelease.version);
    expect((await emitAck(hostOnB, "chat:send", { code: room.code, text: "only for the seated" })).ok).toBe(true);
    const hostStates = host.states;
    await eventually(() => expect(hostStates.at(-1)!.version).toBe(moved.version));
    await eventually(() => expect(hostSeenOnB).toContain("chat:message"));
    for (const s of gone) await settled(s);
    expect(seen.map((x, i) => x.slice(marks[i]))).toEqual([[], [], [], []]);
    for (const s of [...gone, hostOnB, host.socket!]) s.disconnect();
  });

  it("SECURITY 21 — cap one user's sockets across both instances", async () => {
    const p = await playerOn(a, "Hoarder");
    const sockets: Socket[] = [p.socket!];
    // Ten in all, split across the instances.
    for (let i = 1; i < 10; i++) sockets.push(await socketOn(i % 2 ? b : a, p));
    for (const server of [a, b]) {
      const api = through(server, p).api;
      const eleventh = api.socket();
      await expect(connected(eleventh)).rejects.toThrow(/TOO_MANY_CONNECTIONS/);
      eleventh.disconnect();
    }
    // Another user is not affected.
    const other = await playerOn(b, "Neighbour");
    expect(other.socket!.connected).toBe(true);
    // Closing one frees a place, on the other instance too.
    sockets.pop()!.disconnect();
    const again = await eventually(async () => {
      const s = through(a, p).api.socket();
      try {
        await connected(s);
        return s;
      } catch (e) {
        s.disconnect();
        throw e;
      }
    });
    for (const s of [...sockets, again, other.socket!]) s.disconnect();
  });

  it("SECURITY 25 — report Redis down and bring every socket back in step once it returns", async () => {
    const p1 = await playerOn(a, "Outage1");
    const p2 = await playerOn(b, "Outage2");
    const p3 = await playerOn(a, "Outage3");
    const players = [p1, p2, p3];
    const room = await createRoom(p1);
    for (const p of players) await subscribe(p, room.code);
    const leanOnB: LeanRoomSnapshot[] = [];
    const p2Lean = await socketOn(b, p2);
    p2Lean.on("room:lean-state", (s: LeanRoomSnapshot) => leanOnB.push(s));
    expect((await emitAck(p2Lean, "room:subscribe", { code: room.code, lean: true })).ok).toBe(true);
    const chatOnA: string[] = [];
    const chatOnB: string[] = [];
    p1.socket!.on("chat:message", (m: { text: string }) => chatOnA.push(m.text));
    p2.socket!.on("chat:message", (m: { text: string }) => chatOnB.push(m.text));
    await fillAndStart(room.code, players);
    const started = await confirmRoles(room.code, players);
    expect(started.phase).toBe("INDIVIDUAL");
    await eventually(() => expect(p2.states.at(-1)!.version).toBe(started.version));

    await redis.stop();
    // Both instances say so: degraded, and 503 (a balancer stops sending them new players).
    for (const s of [a, b]) await eventually(async () => expect(await health(s)).toMatchObject({ code: 503, status: "degraded", redis: "down", db: "up" }), 30_000, 250);
    // Moves and chat through either instance during the outage are stored; the other instance's players cannot hear of them yet.
    await ok(p2, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 5 });
    const during = await ok(p1, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    expect((await emitAck(p1.socket!, "chat:send", { code: room.code, text: "said on A while Redis was down" })).ok).toBe(true);
    expect((await emitAck(p2.socket!, "chat:send", { code: room.code, text: "said on B while Redis was down" })).ok).toBe(true);

    await redis.resume();
    for (const s of [a, b]) await eventually(async () => expect(await health(s)).toMatchObject({ code: 200, status: "ok", redis: "up" }), 30_000, 250);
    // Without subscribing again, the sockets on each instance catch up with what happened on the other.
    await eventually(() => expect(p2.states.at(-1)!.version).toBeGreaterThanOrEqual(during.version), 30_000, 100);
    await eventually(() => expect(leanOnB.at(-1)?.version).toBeGreaterThanOrEqual(during.version), 30_000, 100);
    await eventually(() => expect(chatOnB).toContain("said on A while Redis was down"), 30_000, 100);
    await eventually(() => expect(chatOnA).toContain("said on B while Redis was down"), 30_000, 100);
    // And a move on A reaches B again.
    const next = await ok(p3, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 2 });
    expect(next.phase).toBe("DISCUSSION");
    await eventually(() => expect(p2.states.at(-1)!.version).toBe(next.version), 30_000, 100);
    await eventually(() => expect(leanOnB.at(-1)!.version).toBe(next.version), 30_000, 100);
    for (const s of [...players.map((p) => p.socket!), p2Lean]) s.disconnect();
  }, 180_000);
});
