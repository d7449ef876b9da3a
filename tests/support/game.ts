import type { Socket } from "socket.io-client";
import { expect } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ApiClient, connected, emitAck } from "./client";

export interface Player {
  api: ApiClient;
  id: string;
  nickname: string;
  socket?: Socket;
  /** Every room:state this player's socket received, in order. */
  states: RoomSnapshot[];
}

/** A signed-in guest, with a socket when asked. */
export async function guest(baseUrl: string, nickname: string, withSocket = false): Promise<Player> {
  const api = new ApiClient(baseUrl);
  expect(await api.signInGuest(nickname)).toBe(true);
  const me = await api.get("/api/users/me");
  const p: Player = { api, id: me.body.id, nickname, states: [] };
  if (withSocket) {
    p.socket = api.socket();
    p.socket.on("room:state", (s: RoomSnapshot) => p.states.push(s));
    await connected(p.socket);
  }
  return p;
}

export async function subscribe(p: Player, code: string): Promise<RoomSnapshot> {
  const r = await emitAck(p.socket!, "room:subscribe", { code });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.data;
}

/** POST that must succeed; answers the snapshot. */
export async function ok(p: Player, path: string, body: unknown = {}): Promise<RoomSnapshot> {
  const r = await p.api.post(path, body);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

export async function createRoom(host: Player, body: Record<string, unknown> = {}): Promise<RoomSnapshot> {
  const r = await host.api.post("/api/rooms", { visibility: "private", ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** Three players take the seats (in order) and get ready; roles are dealt at random. */
export async function fillAndStart(code: string, players: Player[]): Promise<RoomSnapshot> {
  for (const p of players) {
    const r = await p.api.post(`/api/rooms/${code}/join`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  let snap: RoomSnapshot | undefined;
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/ready`, { ready: true });
  expect(snap!.phase).toBe("ROLES");
  return snap!;
}

export async function confirmRoles(code: string, players: Player[]): Promise<RoomSnapshot> {
  let snap: RoomSnapshot | undefined;
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/roles/confirm`);
  return snap!;
}

/**
 * One full round: everyone chooses (varied by round and seat), ends the discussion, agrees on
 * `consensus` (proposed by `proposer`), rates it and continues. Answers the last snapshot.
 */
export async function playRound(code: string, players: Player[], round: number, proposer: number, consensus: number): Promise<RoomSnapshot> {
  let snap: RoomSnapshot | undefined;
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/choice`, { choice: (round + i) % 2, confidence: ((round + i) % 5) + 1 });
  expect(snap!.phase).toBe("DISCUSSION");
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/discussion/end`);
  const order = [players[proposer]!, ...players.filter((_, i) => i !== proposer)];
  for (const p of order) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/consensus`, { choice: consensus });
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/consensus-confidence`, { confidence: ((round + i + 2) % 5) + 1 });
  expect(snap!.phase).toBe("REVEAL");
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/continue`);
  return snap!;
}

/** Waits until `check` passes (polling), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
