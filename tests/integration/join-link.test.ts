import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { connected, emitAck } from "../support/client";
import { createRoom, fillAndStart, guest, ok, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// Someone who opens a room's link (or scans its QR code) while every seat is taken is told the
// room is full, not that it does not exist; a room that does not exist still answers 404.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const threeGuests = (prefix: string) => Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`)));

async function subscribeAnswer(p: Player, code: string) {
  const socket = p.api.socket();
  try {
    await connected(socket);
    return await emitAck(socket, "room:subscribe", { code });
  } finally {
    socket.disconnect();
  }
}

describe("opening a room's link without a seat", () => {
  it("answers 409 ROOM_FULL while the full room waits, the snapshot again once a seat is free", async () => {
    const players = await threeGuests("Full");
    const fourth = await guest(server.url, "Fourth");
    const room = await createRoom(players[0]!);
    for (const p of players) expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);

    const full = await fourth.api.get(`/api/rooms/${room.code}`);
    expect(full.status).toBe(409);
    expect(full.body).toEqual({ error: { code: "ROOM_FULL", message: expect.any(String) } });
    expect(await subscribeAnswer(fourth, room.code)).toMatchObject({ ok: false, error: { code: "ROOM_FULL", status: 409 } });
    // Nothing of the room comes with the refusal.
    expect(JSON.stringify(full.body)).not.toContain(players[1]!.nickname);

    // A player leaves: the room can be seen (and joined) again.
    expect((await players[2]!.api.post(`/api/rooms/${room.code}/leave`, {})).status).toBe(204);
    const open = await fourth.api.get(`/api/rooms/${room.code}`);
    expect(open.status).toBe(200);
    expect((open.body as RoomSnapshot).seats.filter((s) => s.userId === null)).toHaveLength(1);
  });

  it("answers 409 GAME_STARTED once the game of the full room has begun; its players still see it", async () => {
    const players = await threeGuests("Began");
    const fourth = await guest(server.url, "Late");
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);

    const started = await fourth.api.get(`/api/rooms/${room.code}`);
    expect(started.status).toBe(409);
    expect(started.body).toEqual({ error: { code: "GAME_STARTED", message: expect.any(String) } });
    expect(await subscribeAnswer(fourth, room.code)).toMatchObject({ ok: false, error: { code: "GAME_STARTED", status: 409 } });
    expect((await players[1]!.api.get(`/api/rooms/${room.code}`)).status).toBe(200);
    // The answers stay the players' own.
    expect((await fourth.api.get(`/api/rooms/${room.code}/statistics`)).status).toBe(404);
  });

  it("keeps 404 NOT_FOUND for a code without a room and for a finished room", async () => {
    const players = await threeGuests("Over");
    const stranger = await guest(server.url, "Stranger");
    expect((await stranger.api.get("/api/rooms/ZZZZ22")).body).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await subscribeAnswer(stranger, "ZZZZ22")).toMatchObject({ ok: false, error: { code: "NOT_FOUND", status: 404 } });

    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    let snap: RoomSnapshot = await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "skip" });
    for (let i = 0; i < 60 && snap.phase !== "FINISHED"; i++) snap = await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "skip" });
    expect(snap.phase).toBe("FINISHED");
    const finished = await stranger.api.get(`/api/rooms/${room.code}`);
    expect(finished.status).toBe(404);
    expect(finished.body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
