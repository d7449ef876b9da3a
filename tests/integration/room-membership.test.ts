import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { emitAck } from "../support/client";
import { confirmRoles, createRoom, eventually, guest, ok, subscribe, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * SECURITY (issue 17, item 18): a room's pushes (state, chat, presence, typing) reach only the
 * sockets of those who belong in it — its seated players and those who manage it. Someone who
 * may still take a seat sees the lobby view; nobody else, and not the players who left or were
 * released, gets anything more.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Every event a socket receives, in order. */
function record(socket: Socket): { name: string; payload: any }[] {
  const seen: { name: string; payload: any }[] = [];
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

/**
 * Waits until everything the server sent this socket before now has arrived: an ack travels
 * the same connection after any push that was written to it earlier.
 */
async function settled(socket: Socket): Promise<void> {
  expect(await emitAck(socket, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
}

const states = (seen: { name: string; payload: any }[]) => seen.filter((e) => e.name === "room:state" || e.name === "room:lean-state").map((e) => e.payload as RoomSnapshot);
const named = (seen: { name: string; payload: any }[], name: string) => seen.filter((e) => e.name === name);

async function threeWithSockets(prefix: string): Promise<Player[]> {
  return Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`, true)));
}

/** Plays round 1 to its reveal (every answer shown by nickname). */
async function playToReveal(code: string, players: Player[]): Promise<RoomSnapshot> {
  let snap: RoomSnapshot | undefined;
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: i % 2, confidence: i + 2 });
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 });
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 4 });
  expect(snap!.phase).toBe("REVEAL");
  expect(snap!.results[0]!.choices.every((c) => c.confidence !== null)).toBe(true);
  return snap!;
}

describe("who a room's pushes reach", () => {
  it("SECURITY 18 — a stranger who followed a public room while a seat was free gets the lobby view, and nothing once the room fills", async () => {
    const players = await threeWithSockets("Fill");
    const stranger = await guest(server.url, "Lurker", true);
    const room = await createRoom(players[0]!, { visibility: "public", title: "Open table" });
    const seen = record(stranger.socket!);
    // Anyone may look at a room with a free seat, before deciding to sit down.
    const first = await subscribe(stranger, room.code);
    expect(first.code).toBe(room.code);
    // The third player follows the room before taking a seat, as the web page does.
    const late = players[2]!;
    const lateSeen = record(late.socket!);
    await subscribe(late, room.code);

    await ok(players[0]!, `/api/rooms/${room.code}/join`);
    await settled(stranger.socket!);
    // While the room can be joined, the stranger sees who sits where.
    expect(states(seen).at(-1)!.seats[0]!.userId).toBe(players[0]!.id);
    // Chat and typing are for the players.
    for (const p of players.slice(0, 1)) await subscribe(p, room.code);
    expect((await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "who else is coming?" })).ok).toBe(true);
    expect((await emitAck(players[0]!.socket!, "chat:typing", { code: room.code, isTyping: true })).ok).toBe(true);
    await settled(stranger.socket!);
    expect(named(seen, "chat:message")).toEqual([]);
    expect(named(seen, "chat:typing")).toEqual([]);
    // A socket without a seat cannot type into the room.
    expect(await emitAck(stranger.socket!, "chat:typing", { code: room.code, isTyping: true })).toMatchObject({ ok: false });

    await ok(players[1]!, `/api/rooms/${room.code}/join`);
    const full = ((await ok(late, `/api/rooms/${room.code}/join`)) as unknown as { snapshot: RoomSnapshot }).snapshot;
    expect(full.seats.every((s) => s.userId !== null)).toBe(true);
    await settled(stranger.socket!);
    const before = seen.length;

    // The game goes on without the stranger: states, chat, typing and presence stay in the room.
    for (const p of players.slice(1)) await subscribe(p, room.code);
    for (const p of players) await ok(p, `/api/rooms/${room.code}/ready`, { ready: true });
    await confirmRoles(room.code, players);
    expect((await emitAck(players[1]!.socket!, "chat:send", { code: room.code, text: "my secret plan" })).ok).toBe(true);
    expect((await emitAck(players[1]!.socket!, "chat:typing", { code: room.code, isTyping: true })).ok).toBe(true);
    const revealed = await playToReveal(room.code, players);
    // A player's tab closes: the others are told, the stranger is not.
    const hostSeen = record(players[0]!.socket!);
    late.socket!.disconnect();
    await eventually(() => expect(named(hostSeen, "room:presence").map((e) => e.payload)).toContainEqual({ userId: late.id, connected: false }));
    // The players saw it all, the stranger none of it.
    expect(named(lateSeen, "chat:message").map((e) => e.payload.text)).toContain("my secret plan");
    await settled(stranger.socket!);
    const after = seen.slice(before);
    expect(after.filter((e) => e.name !== "room:unsubscribed")).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("my secret plan");
    expect(states(seen).every((s) => s.results.length === 0)).toBe(true);
    // The stranger's socket cannot type into the room either, and over HTTP they are told only
    // that every seat is taken and the game under way (issue 17 item 2), nothing of the room.
    expect(await emitAck(stranger.socket!, "chat:typing", { code: room.code, isTyping: true })).toMatchObject({ ok: false });
    const refused = await emitAck(stranger.socket!, "room:subscribe", { code: room.code });
    expect(refused).toMatchObject({ ok: false, error: { code: "GAME_STARTED" } });
    expect(JSON.stringify(refused)).not.toContain("my secret plan");
    const overHttp = await stranger.api.get(`/api/rooms/${room.code}`);
    expect(overHttp.status).toBe(409);
    expect(Object.keys(overHttp.body)).toEqual(["error"]);
    expect(revealed.version).toBeGreaterThan(full.version);
    stranger.socket!.disconnect();
    for (const p of players.slice(0, 2)) p.socket!.disconnect();
  });

  it("SECURITY 18 — someone without a seat sees a game under way with a free seat only as the lobby does: no answers, no consensus", async () => {
    const players = await threeWithSockets("Free");
    const room = await createRoom(players[0]!, { visibility: "public" });
    for (const p of players) await ok(p, `/api/rooms/${room.code}/join`);
    for (const p of players) await ok(p, `/api/rooms/${room.code}/ready`, { ready: true });
    await confirmRoles(room.code, players);
    await playToReveal(room.code, players);
    // The third player leaves: a seat is free in a game under way.
    expect((await players[2]!.api.post(`/api/rooms/${room.code}/leave`)).status).toBe(204);

    const newcomer = await guest(server.url, "Newcomer", true);
    const seen = record(newcomer.socket!);
    const view = await subscribe(newcomer, room.code);
    expect(view.phase).toBe("REVEAL");
    expect(view.results).toEqual([]);
    expect(view.consensus).toBeNull();
    expect(view.seats.filter((s) => s.userId === null)).toHaveLength(1);
    const overHttp = await newcomer.api.get(`/api/rooms/${room.code}`);
    expect(overHttp.status).toBe(200);
    expect(overHttp.body.results).toEqual([]);
    // A change in the room (a player's connection drops) reaches the newcomer as the lobby view.
    await subscribe(players[0]!, room.code);
    players[0]!.socket!.disconnect();
    await eventually(() => expect(states(seen).find((s) => s.seats[0]!.connected === false)).toBeDefined());
    expect(states(seen).every((s) => s.results.length === 0 && s.consensus === null)).toBe(true);
    players[0]!.socket!.connect();
    await subscribe(players[0]!, room.code);

    // Once seated, the newcomer follows the whole room (no subscribing again).
    const joined = await emitAck(newcomer.socket!, "room:command", { type: "join", code: room.code });
    expect(joined.ok, JSON.stringify(joined)).toBe(true);
    expect(joined.data.results.length).toBeGreaterThan(0);
    expect((await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "welcome" })).ok).toBe(true);
    await ok(players[1]!, `/api/rooms/${room.code}/rounds/1/continue`);
    await settled(newcomer.socket!);
    expect(named(seen, "chat:message").map((e) => e.payload.text)).toEqual(["welcome"]);
    expect(states(seen).at(-1)!.results.length).toBeGreaterThan(0);
    for (const p of [...players, newcomer]) p.socket!.disconnect();
  });

  it("SECURITY 18 — takes a player who leaves, or whose seat is released, out of the room's pushes on every socket of theirs", async () => {
    const players = await threeWithSockets("Gone");
    const room = await createRoom(players[0]!);
    for (const p of players) await ok(p, `/api/rooms/${room.code}/join`);
    // The leaver follows the room in two tabs; the released player in one.
    const leaver = players[1]!;
    const released = players[2]!;
    const secondTab = leaver.api.socket();
    await new Promise<void>((r) => secondTab.once("connect", () => r()));
    for (const p of players) await subscribe(p, room.code);
    expect((await emitAck(secondTab, "room:subscribe", { code: room.code, lean: true })).ok).toBe(true);
    for (const p of players) await emitAck(p.socket!, "voice:join", { code: room.code });
    const leaverSeen = [record(leaver.socket!), record(secondTab)];
    const releasedSeen = record(released.socket!);

    expect((await leaver.api.post(`/api/rooms/${room.code}/leave`)).status).toBe(204);
    // The host releases the third seat.
    await ok(players[0]!, `/api/rooms/${room.code}/seats/2/release`);
    for (const s of [leaver.socket!, secondTab, released.socket!]) await settled(s);
    const marks = [leaverSeen[0]!.length, leaverSeen[1]!.length, releasedSeen.length];

    // What follows in the room reaches none of their sockets.
    await ok(players[0]!, `/api/rooms/${room.code}/ready`, { ready: true });
    expect((await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "after they went" })).ok).toBe(true);
    expect((await emitAck(players[0]!.socket!, "chat:typing", { code: room.code, isTyping: true })).ok).toBe(true);
    const signal = await emitAck(players[0]!.socket!, "voice:signal", { code: room.code, to: released.id, data: { type: "offer", sdp: "v=0\r\n" } });
    expect(signal.ok).toBe(false);
    for (const s of [leaver.socket!, secondTab, released.socket!]) await settled(s);
    const later = [leaverSeen[0]!.slice(marks[0]), leaverSeen[1]!.slice(marks[1]), releasedSeen.slice(marks[2])];
    for (const events of later) expect(events.map((e) => e.name)).toEqual([]);
    // Nor can they type into it.
    for (const s of [leaver.socket!, secondTab, released.socket!]) expect(await emitAck(s, "chat:typing", { code: room.code, isTyping: true })).toMatchObject({ ok: false });
    for (const s of [...players.map((p) => p.socket!), secondTab]) s.disconnect();
  });

  it("SECURITY 18 — a connection that drops and comes back (recovered) does not come back into a room whose seat was freed meanwhile", async () => {
    const players = await threeWithSockets("Back");
    const room = await createRoom(players[0]!);
    for (const p of players) await ok(p, `/api/rooms/${room.code}/join`);
    const away = players[2]!;
    const socket = away.api.socket();
    await new Promise<void>((r) => socket.once("connect", () => r()));
    expect((await emitAck(socket, "room:subscribe", { code: room.code })).ok).toBe(true);
    // Recovery resumes from the last broadcast the client saw: let it see one.
    const first = new Promise((resolve) => socket.once("room:state", resolve));
    await ok(players[0]!, `/api/rooms/${room.code}/ready`, { ready: true });
    await first;
    // The connection drops; the host releases the seat before it comes back.
    socket.io.engine.close();
    await eventually(async () => expect(((await players[0]!.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot).seats[2]!.connected).toBe(false));
    await ok(players[0]!, `/api/rooms/${room.code}/seats/2/release`);
    const seen = record(socket);
    const back = new Promise<boolean>((resolve) => socket.once("connect", () => resolve(socket.recovered)));
    socket.connect();
    expect(await back).toBe(true);
    // Neither what happened while it was away nor what follows reaches it.
    await ok(players[1]!, `/api/rooms/${room.code}/ready`, { ready: true });
    await subscribe(players[0]!, room.code);
    expect((await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "gone for good" })).ok).toBe(true);
    await settled(socket);
    expect(seen.filter((e) => e.name !== "room:unsubscribed").map((e) => e.name)).toEqual([]);
    for (const s of [...players.map((p) => p.socket!), socket]) s.disconnect();
  });
});
