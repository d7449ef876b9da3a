import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { ApiClient } from "../support/client";
import { eventually, fillAndStart, guest, ok, subscribe } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// Issue 17, items 12 and 13: facilitators open rooms without sitting in them, players are told
// when a facilitator or the host moved the room on by hand, and built-in scenarios can be opened
// in bulk and copied into an editable custom game.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
});
afterAll(async () => {
  await server?.stop();
});

const seated = (s: RoomSnapshot) => s.seats.filter((x) => x.userId !== null).length;

interface ScenarioRow {
  id: string;
  source: string;
  locale: string;
  title: string;
  rounds: number;
}

async function builtIn(api: ApiClient, locale = "en"): Promise<ScenarioRow> {
  const list = (await api.get(`/api/scenarios?locale=${locale}`)).body.scenarios as ScenarioRow[];
  const found = list.find((s) => s.source === "BUILTIN");
  expect(found, "the seeded library has a built-in scenario").toBeDefined();
  return found!;
}

describe("opening a room as the lobby does (takeSeat)", () => {
  it("seats a player as host, but not a facilitator or an admin: their room has 0 seated and 3 free seats, and three players fill it", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const admin = await signedInAdmin(server.url);
    const host = await guest(server.url, "Hosty");

    const byPlayer = await host.api.post("/api/rooms", { visibility: "public", takeSeat: true });
    expect(byPlayer.status, JSON.stringify(byPlayer.body)).toBe(201);
    expect(byPlayer.body.seats[0].userId).toBe(host.id);
    expect(byPlayer.body.hostId).toBe(host.id);
    expect(seated(byPlayer.body)).toBe(1);

    for (const staff of [fac, admin]) {
      const created = await staff.post("/api/rooms", { visibility: "public", takeSeat: true });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const room = created.body as RoomSnapshot;
      expect(seated(room)).toBe(0);
      expect(room.seats.filter((s) => s.userId === null)).toHaveLength(3);
      // Read back, and as the lobby lists it: three free seats.
      const read = (await staff.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(seated(read)).toBe(0);
      const lobby = (await host.api.get("/api/rooms?status=waiting")).body.rooms as { code: string; seatsTaken: number }[];
      expect(lobby.find((r) => r.code === room.code)?.seatsTaken).toBe(0);
    }

    // The facilitator's room is playable by three players, and the facilitator still manages it.
    const code = ((await fac.post("/api/rooms", { visibility: "private", takeSeat: true })).body as RoomSnapshot).code;
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Filler${i}`)));
    const started = await fillAndStart(code, players);
    expect(started.seats.map((s) => s.userId)).toEqual(players.map((p) => p.id));
    const skipped = await fac.post(`/api/rooms/${code}/advance`, { reason: "moving on" });
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
    expect(skipped.body.phase).toBe("INDIVIDUAL");

    // Without takeSeat (the API as before) nobody sits; a wrong type is refused.
    expect(seated((await host.api.post("/api/rooms", { visibility: "private" })).body)).toBe(0);
    expect((await host.api.post("/api/rooms", { visibility: "private", takeSeat: "yes" })).status).toBe(400);
  });
});

describe("players are told when someone moved the room on by hand", () => {
  it("names the facilitator's skip and end, and the host's skip, in every snapshot of that phase; a phase the game began says nothing", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const code = ((await fac.post("/api/rooms", { visibility: "private" })).body as RoomSnapshot).code;
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Told${i}`, true)));
    const started = await fillAndStart(code, players);
    expect(started.phaseChangedBy).toBeNull();
    await subscribe(players[1]!, code);

    // The facilitator (not seated) skips the roles: the push, the answer and a fresh read agree.
    const skipped = (await fac.post(`/api/rooms/${code}/advance`, { reason: "time is short" })).body as RoomSnapshot;
    expect(skipped.phase).toBe("INDIVIDUAL");
    expect(skipped.phaseChangedBy).toEqual({ userId: fac.id, action: "skip" });
    await eventually(() => expect(players[1]!.states.at(-1)?.phaseChangedBy).toEqual({ userId: fac.id, action: "skip" }));
    expect(((await players[0]!.api.get(`/api/rooms/${code}`)).body as RoomSnapshot).phaseChangedBy).toEqual({ userId: fac.id, action: "skip" });

    // A move within the phase keeps it; the phase the players' answers begin says nothing.
    const chose = await ok(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    expect(chose.phaseChangedBy).toEqual({ userId: fac.id, action: "skip" });
    await ok(players[1]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 1, confidence: 3 });
    const discussion = await ok(players[2]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 2 });
    expect(discussion.phase).toBe("DISCUSSION");
    expect(discussion.phaseChangedBy).toBeNull();

    // The host of a player's room skips: they are named.
    const host = await guest(server.url, "HostSkip");
    const hostRoom = ((await host.api.post("/api/rooms", { visibility: "private", takeSeat: true })).body as RoomSnapshot).code;
    const others = await Promise.all([1, 2].map((i) => guest(server.url, `Other${i}`)));
    for (const p of others) expect((await p.api.post(`/api/rooms/${hostRoom}/join`, {})).status).toBe(200);
    for (const p of [host, ...others]) await ok(p, `/api/rooms/${hostRoom}/ready`, { ready: true });
    const hostSkip = await ok(host, `/api/rooms/${hostRoom}/advance`, { reason: "host skipped the phase" });
    expect(hostSkip.phaseChangedBy).toEqual({ userId: host.id, action: "skip" });

    // The facilitator ends the room: the end screen can say who ended it.
    const ended = (await fac.post(`/api/rooms/${code}/advance`, { reason: "class over", end: true })).body as RoomSnapshot;
    expect(ended.phase).toBe("ABANDONED");
    expect(ended.phaseChangedBy).toEqual({ userId: fac.id, action: "end" });
    await eventually(() => expect(players[1]!.states.at(-1)?.phaseChangedBy).toEqual({ userId: fac.id, action: "end" }));
    expect(((await players[2]!.api.get(`/api/rooms/${code}`)).body as RoomSnapshot).phaseChangedBy).toEqual({ userId: fac.id, action: "end" });
    for (const p of players) p.socket!.disconnect();
  });
});

describe("built-in scenarios for facilitators", () => {
  it("opens N rooms from a built-in scenario with timers (facilitators only; 404 for an unknown or custom id; 400 for a bad N)", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const player = await guest(server.url, "NoBulk");
    const scenario = await builtIn(fac);

    const opened = await fac.post(`/api/scenarios/${scenario.id}/rooms`, { count: 3, titlePrefix: "Group", visibility: "private", settings: { discussionSeconds: 420, roleAssignment: "manual" } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const rooms = opened.body.rooms as { code: string; title: string; visibility: string }[];
    expect(rooms.map((r) => r.title)).toEqual(["Group · 1", "Group · 2", "Group · 3"]);
    expect(new Set(rooms.map((r) => r.code)).size).toBe(3);
    for (const r of rooms) {
      const snap = (await fac.get(`/api/rooms/${r.code}`)).body as RoomSnapshot;
      expect(snap.scenario.id).toBe(scenario.id);
      expect(snap.visibility).toBe("private");
      expect(snap.settings.discussionSeconds).toBe(420);
      expect(snap.settings.roleAssignment).toBe("manual");
      expect(seated(snap)).toBe(0);
      expect(snap.createdById).toBe(fac.id);
    }
    // One room, no prefix: the scenario's title.
    const one = await fac.post(`/api/scenarios/${scenario.id}/rooms`, { count: 1 });
    expect(one.status).toBe(201);
    expect(one.body.rooms[0].title).toBe(scenario.title);
    // The monitor follows them.
    const monitored = (await fac.get("/api/facilitator/rooms")).body.rooms.map((r: RoomSnapshot) => r.code);
    expect(monitored).toEqual(expect.arrayContaining(rooms.map((r) => r.code)));

    // Refusals.
    expect((await new ApiClient(server.url).post(`/api/scenarios/${scenario.id}/rooms`, { count: 1 })).status).toBe(401);
    expect((await player.api.post(`/api/scenarios/${scenario.id}/rooms`, { count: 1 })).status).toBe(403);
    expect((await fac.post("/api/scenarios/00000000-0000-4000-8000-000000000000/rooms", { count: 1 })).status).toBe(404);
    expect((await fac.post("/api/scenarios/not-a-uuid/rooms", { count: 1 })).status).toBe(400);
    for (const count of [0, 51, 2.5, "3"]) expect((await fac.post(`/api/scenarios/${scenario.id}/rooms`, { count })).status, `count ${JSON.stringify(count)}`).toBe(400);
    expect((await fac.post(`/api/scenarios/${scenario.id}/rooms`, { count: 1, extra: true })).status).toBe(400);
    expect((await fac.post(`/api/scenarios/${scenario.id}/rooms`, { count: 1, settings: { discussionSeconds: 1 } })).status).toBe(400);
    // A custom game's scenario goes through its own routes.
    const role = (name: string) => ({ name, brief: "Public.", privateBrief: "Private." });
    const game = await fac.post("/api/custom-games", {
      locale: "en",
      title: "Mine",
      opening: "Text.",
      roles: [role("A"), role("B"), role("C")],
      rounds: [{ question: "Q?", options: [{ label: "Yes" }, { label: "No" }] }],
    });
    expect(game.status).toBe(201);
    expect((await fac.post(`/api/scenarios/${game.body.scenarioId}/rooms`, { count: 1 })).status).toBe(404);
    expect((await fac.post(`/api/scenarios/${game.body.scenarioId}/duplicate`, {})).status).toBe(404);
  });

  it("copies a built-in scenario into an unpublished custom game the facilitator can edit and open (facilitators only; 404 unknown id)", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const player = await guest(server.url, "NoCopy");
    for (const locale of ["en", "ko"]) {
      const scenario = await builtIn(fac, locale);
      const whole = (await fac.get(`/api/scenarios/${scenario.id}`)).body;
      const copy = await fac.post(`/api/scenarios/${scenario.id}/duplicate`, {});
      expect(copy.status, JSON.stringify(copy.body)).toBe(201);
      expect(copy.body).toMatchObject({ isPublished: false, revision: 1, locale, ownerId: fac.id });
      expect(copy.body.code).toMatch(/^G[A-HJ-NP-Z2-9]{6}$/);
      expect(copy.body.content.title).toBe(locale === "ko" ? `${scenario.title} (사본)` : `${scenario.title} (copy)`);
      expect(copy.body.content.opening).toBe(whole.opening);
      expect(copy.body.content.roles).toEqual(whole.roles.map((r: { name: string; brief: string; privateBrief: string }) => ({ name: r.name, brief: r.brief, privateBrief: r.privateBrief })));
      expect(copy.body.content.rounds.map((r: { question: string }) => r.question)).toEqual(whole.rounds.map((r: { question: string }) => r.question));
      expect(copy.body.scenarioId).not.toBe(scenario.id);

      // It is the facilitator's own game now: editable, and it opens rooms; the built-in is untouched.
      const edited = await fac.put(`/api/custom-games/${copy.body.code}/opening`, { title: "My version", opening: "Changed opening." });
      expect(edited.status).toBe(200);
      expect(edited.body.content.title).toBe("My version");
      expect((await fac.get(`/api/scenarios/${scenario.id}`)).body.title).toBe(scenario.title);
      expect((await fac.post(`/api/custom-games/${copy.body.code}/rooms`, { count: 2 })).status).toBe(201);
    }
    expect((await player.api.post(`/api/scenarios/${(await builtIn(fac)).id}/duplicate`, {})).status).toBe(403);
    expect((await new ApiClient(server.url).post(`/api/scenarios/${(await builtIn(fac)).id}/duplicate`, {})).status).toBe(401);
    expect((await fac.post("/api/scenarios/00000000-0000-4000-8000-000000000000/duplicate", {})).status).toBe(404);
    expect((await fac.post(`/api/scenarios/${(await builtIn(fac)).id}/duplicate`, { title: "x" })).status).toBe(400);
  });
});
