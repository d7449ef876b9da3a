import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import { ApiClient, emitAck, type ApiResponse } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, subscribe, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Rooms that never end (issue 17, items 6 and 7): absent players give up waiting-room seats,
 * empty waiting rooms close, started rooms nobody is present in end as abandoned, and a player
 * silent through a whole phase is asked whether they are still there. Timeouts are short here:
 * ROOM_ABANDON_SECONDS and CHECK_IN_SECONDS on the server, the grace period and phase timers as
 * room settings.
 */

const ENV = { ...ADMIN_ENV, ROOM_ABANDON_SECONDS: "4", CHECK_IN_SECONDS: "6" };

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ env: ENV });
  admin = await signedInAdmin(server.url);
});
const extra: TestServer[] = [];
afterAll(async () => {
  await Promise.all([server?.stop(), ...extra.map((s) => s.stop("SIGKILL"))]);
});

const view = async (p: Player, code: string) => (await p.api.get(`/api/rooms/${code}`)).body as RoomSnapshot;
/** The room as an admin sees it (a room that is over is not shown to people who never sat in it). */
const adminView = async (code: string) => (await admin.get(`/api/rooms/${code}`)).body as RoomSnapshot;
const lobbyCodes = async (p: Player) => ((await p.api.get("/api/rooms")).body.rooms as { code: string }[]).map((r) => r.code);
const roomLog = async (code: string) => {
  const r: ApiResponse<{ entries: { phase: string; reason: string }[] }> = await admin.get(`/api/facilitator/rooms/${code}/log`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.entries;
};
const liveCounts = async () => {
  const r = await admin.get("/api/research/summary");
  expect(r.status).toBe(200);
  return r.body.rooms.byPhase as Record<string, number>;
};

describe("a waiting room", () => {
  it("frees the seat of a player gone past the grace period, then closes and leaves the lobby", async () => {
    const host = await guest(server.url, "Gone", true);
    const room = await createRoom(host, { visibility: "public", title: "Left open", settings: { graceSeconds: 2 } });
    await ok(host, `/api/rooms/${room.code}/join`);
    await subscribe(host, room.code);
    const other = await guest(server.url, "Looker");
    expect(await lobbyCodes(other)).toContain(room.code);

    // The host closes the tab.
    host.socket!.disconnect();
    const closed = await eventually(async () => {
      const s = await adminView(room.code);
      expect(s.phase).toBe("ABANDONED");
      return s;
    }, 30_000, 200);
    expect(closed.seats.map((s) => s.userId)).toEqual([null, null, null]);
    expect(await lobbyCodes(other)).not.toContain(room.code);
    expect((await other.api.get(`/api/rooms/${room.code}`)).status).toBe(404);
    expect((await roomLog(room.code)).at(-1)).toMatchObject({ phase: "ABANDONED", reason: "room_empty" });
    // Nobody can sit down in it any more.
    expect((await other.api.post(`/api/rooms/${room.code}/join`, {})).body.error.code).toBe("GAME_OVER");
  });

  it("closes once the last player has left it, and keeps the seat of a player away for less than the grace period", async () => {
    const [host, second] = await Promise.all([guest(server.url, "Leaver", true), guest(server.url, "Blip", true)]);
    const room = await createRoom(host, { visibility: "public", settings: { graceSeconds: 4 } });
    for (const p of [host, second]) {
      await ok(p, `/api/rooms/${room.code}/join`);
      await subscribe(p, room.code);
    }
    // A short drop keeps the seat.
    second.socket!.disconnect();
    await eventually(async () => expect((await view(host, room.code)).seats[1]).toMatchObject({ userId: second.id, connected: false }));
    second.socket!.connect();
    await eventually(async () => expect(second.socket!.connected).toBe(true));
    expect((await subscribe(second, room.code)).seats[1]).toMatchObject({ userId: second.id, connected: true });

    // Both click "Leave room": the room is empty and closes.
    for (const p of [host, second]) expect((await p.api.post(`/api/rooms/${room.code}/leave`, {})).status).toBe(204);
    await eventually(async () => expect((await adminView(room.code)).phase).toBe("ABANDONED"), 30_000, 200);
    expect(await lobbyCodes(host)).not.toContain(room.code);
    expect((await roomLog(room.code)).at(-1)).toMatchObject({ phase: "ABANDONED", reason: "room_empty" });
    for (const p of [host, second]) p.socket!.disconnect();
  });
});

describe("a started game nobody is present in", () => {
  it("ends as ABANDONED after ROOM_ABANDON_SECONDS, says why in the phase log, and no longer counts as live", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Quit${i}`, true)));
    const room = await createRoom(players[0]!, { settings: { graceSeconds: 2 } });
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    expect((await view(players[0]!, room.code)).phase).toBe("INDIVIDUAL");
    const before = await liveCounts();

    for (const p of players) p.socket!.disconnect();
    // Everyone gone past the grace period: paused first, as today.
    await eventually(async () => expect((await view(players[0]!, room.code)).pausedAt).not.toBeNull(), 30_000, 200);
    const ended = await eventually(async () => {
      const s = await view(players[0]!, room.code);
      expect(s.phase).toBe("ABANDONED");
      return s;
    }, 30_000, 200);
    expect(ended.deadline).toBeNull();
    const log = await roomLog(room.code);
    expect(log.at(-1)).toMatchObject({ phase: "ABANDONED", reason: "nobody_present" });
    const after = await liveCounts();
    expect(after.INDIVIDUAL).toBe(before.INDIVIDUAL! - 1);
    expect(after.ABANDONED).toBe(before.ABANDONED! + 1);
    // The monitor no longer lists it (an admin sees every room not over).
    const monitor = await admin.get("/api/facilitator/rooms");
    expect(monitor.status).toBe(200);
    expect(JSON.stringify(monitor.body)).not.toContain(room.code);
  });

  it("is woken from the database: after a restart with nobody coming back, the new server ends it", async () => {
    const first = await startTestServer({ env: ENV });
    extra.push(first);
    const players = await Promise.all([1, 2, 3].map((i) => guest(first.url, `Restart${i}`)));
    const room = await createRoom(players[0]!, { settings: { graceSeconds: 2 } });
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    await first.stop("SIGKILL");

    const second = await startTestServer({ env: ENV, dataDir: first.dataDir, databaseUrl: first.databaseUrl });
    extra.push(second);
    const api = new ApiClient(second.url);
    for (const [k, v] of players[0]!.api.jar) api.jar.set(k, v);
    const ended = await eventually(async () => {
      const s = (await api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(s.phase).toBe("ABANDONED");
      return s;
    }, 40_000, 250);
    expect(ended.seats.map((s) => s.connected)).toEqual([false, false, false]);
    await second.stop();
  });
});

describe("check-in: a player connected but silent through a whole phase", () => {
  async function startedRoom(prefix: string) {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`, true)));
    const room = await createRoom(players[0]!, { settings: { graceSeconds: 2, individualSeconds: 5, discussionSeconds: 300 } });
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    return { players, code: room.code };
  }
  const seatOf = (s: RoomSnapshot, p: Player) => s.seats.find((x) => x.userId === p.id)!;

  it("is asked whether they are still there and, not answering, counts as absent: the room pauses after the grace period; answering brings it back", async () => {
    const { players, code } = await startedRoom("Quiet");
    const [a, b, silent] = players as [Player, Player, Player];
    await ok(a, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    await ok(b, `/api/rooms/${code}/rounds/1/choice`, { choice: 1, confidence: 3 });

    // The individual phase's timer ends; only the one who did nothing in it is asked, and the
    // room's state pushed to their socket says so.
    const asked = await eventually(() => {
      const s = silent.states.at(-1)!;
      expect(s.phase).toBe("DISCUSSION");
      expect(seatOf(s, silent).checkInBy).toEqual(expect.any(String));
      return s;
    }, 30_000, 100);
    expect(seatOf(asked, a).checkInBy).toBeNull();
    expect(seatOf(asked, b).checkInBy).toBeNull();
    expect(seatOf(asked, silent).connected).toBe(true);

    // No answer: away (while their socket stays connected), then paused after the grace period.
    const paused = await eventually(async () => {
      const s = await view(a, code);
      expect(s.pausedAt).not.toBeNull();
      return s;
    }, 30_000, 200);
    expect(seatOf(paused, silent).connected).toBe(false);
    expect(silent.socket!.connected).toBe(true);
    expect((await a.api.post(`/api/rooms/${code}/rounds/1/discussion/end`, {})).body.error.code).toBe("PAUSED");

    // "I'm here": present again, and the room runs on.
    const back = await emitAck(silent.socket!, "room:command", { type: "checkIn", code });
    expect(back.ok, JSON.stringify(back)).toBe(true);
    const resumed = await view(a, code);
    expect(resumed.pausedAt).toBeNull();
    expect(seatOf(resumed, silent)).toMatchObject({ connected: true, checkInBy: null });
    for (const p of players) p.socket!.disconnect();
  });

  it("is not asked after chatting or speaking, and answering in time keeps them present", async () => {
    const { players, code } = await startedRoom("Talk");
    const [chatter, speaker, silent] = players as [Player, Player, Player];
    // Nobody answers the individual question: one chats, one speaks, one is silent.
    expect((await emitAck(chatter.socket!, "chat:send", { code, text: "I think it depends" })).ok).toBe(true);
    expect((await emitAck(speaker.socket!, "voice:join", { code })).ok).toBe(true);
    expect((await emitAck(speaker.socket!, "voice:state", { code, muted: false, speaking: true })).ok).toBe(true);

    const asked = await eventually(() => {
      const s = silent.states.at(-1)!;
      expect(s.phase).toBe("DISCUSSION");
      expect(seatOf(s, silent).checkInBy).toEqual(expect.any(String));
      return s;
    }, 30_000, 100);
    expect(seatOf(asked, chatter).checkInBy).toBeNull();
    expect(seatOf(asked, speaker).checkInBy).toBeNull();

    const answered = await silent.api.post(`/api/rooms/${code}/check-in`, {});
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(seatOf(answered.body, silent)).toMatchObject({ connected: true, checkInBy: null });

    // Well past the moment the unanswered question would have made them absent and paused the room.
    const deadline = Date.parse(seatOf(asked, silent).checkInBy!) + 2_000 + 3_000;
    const later = await eventually(async () => {
      const s = await view(chatter, code);
      expect(Date.parse(s.serverTime)).toBeGreaterThan(deadline);
      return s;
    }, 30_000, 250);
    expect(later.pausedAt).toBeNull();
    expect(seatOf(later, silent)).toMatchObject({ connected: true, checkInBy: null });
    expect(later.phase).toBe("DISCUSSION");
    for (const p of players) p.socket!.disconnect();
  });

  it("answers a check-in nobody asked for with the room unchanged, and refuses someone without a seat", async () => {
    const { players, code } = await startedRoom("Idle");
    const before = await view(players[0]!, code);
    const r = await players[0]!.api.post(`/api/rooms/${code}/check-in`, {});
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(before.version);
    const outsider = await guest(server.url, "Outsider");
    expect((await outsider.api.post(`/api/rooms/${code}/check-in`, {})).status).toBe(404);
    for (const p of players) p.socket!.disconnect();
  });
});
