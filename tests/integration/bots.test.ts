import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Bot, playRoom, stableSnapshot, type Misbehaviour, type PlayRoomOptions } from "@/lib/bots/bot";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { eventually } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ...ADMIN_ENV, BOT_THINK_MS: "20-60" } });
});
afterAll(async () => {
  await server?.stop();
});

/** Bots of the current test; stopped after it (they stay connected after their game to be checked). */
const open: Bot[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.stop();
});

/** One room played by three bots; answers the results, every bot that sat in it and every HTTP status seen. */
async function play(prefix: string, misbehaviours: Misbehaviour[] = [], extra: Partial<PlayRoomOptions> = {}) {
  const bots: Bot[] = [];
  const statuses: number[] = [];
  const results = await playRoom({
    baseUrl: server.url,
    prefix,
    think: [5, 30],
    misbehaviours,
    keepOpen: true,
    onBot: (b) => {
      bots.push(b);
      open.push(b);
    },
    onCommand: ({ status }) => statuses.push(status),
    ...extra,
  });
  return { results, bots, statuses, code: results[0]!.code };
}

/**
 * A finished room as the API has it agrees with what its bots saw and sent: each seated bot's
 * last socket snapshot is the API's snapshot (same version, phase, consensus per round…), and
 * the statistics route holds exactly the choices and ratings the server accepted from the bots.
 */
async function expectConsistent(code: string, bots: Bot[]) {
  const inRoom = bots.filter((b) => b.code === code);
  const seated = (api: RoomSnapshot) => inRoom.filter((b) => api.seats.some((s) => s.userId === b.userId));
  const first = await inRoom[0]!.call("GET", `/api/rooms/${code}`);
  expect(first.status).toBe(200);
  const viewer = seated(first.body)[0]!;
  const answer = await viewer.call("GET", `/api/rooms/${code}`);
  expect(answer.status).toBe(200);
  const api: RoomSnapshot = answer.body;
  expect(api.phase).toBe("FINISHED");
  expect(seated(api)).toHaveLength(3);
  for (const b of seated(api)) {
    // The last pushes may still be on their way.
    await eventually(() => expect(b.lastSocketState?.version, b.nickname).toBe(api.version));
    expect(stableSnapshot(b.lastSocketState!), b.nickname).toEqual(stableSnapshot(api));
  }
  expect(api.results).toHaveLength(api.totalRounds);
  expect(api.results.map((r) => r.consensus)).not.toContain(null);

  const stats = await viewer.call("GET", `/api/rooms/${code}/statistics`);
  expect(stats.status).toBe(200);
  type PlayerStats = { userId: string; choice: number | null; confidence: number | null; consensusConfidence: number | null };
  const rounds: { round: number; consensus: number | null; players: PlayerStats[] }[] = stats.body.rounds;
  expect(rounds.map((r) => r.round)).toEqual(api.results.map((r) => r.round));
  expect(rounds.map((r) => r.consensus)).toEqual(api.results.map((r) => r.consensus));
  const stored = (pick: (p: PlayerStats) => unknown) => rounds.flatMap((r) => r.players.filter((p) => pick(p) !== null).map((p) => `${r.round} ${p.userId} ${String(pick(p))}`)).sort();
  const sent = (kind: "choice" | "consensus-confidence") =>
    inRoom.flatMap((b) => b.submitted.filter((s) => s.kind === kind).map((s) => `${s.round} ${b.userId} ${kind === "choice" ? `${s.choice}/${s.confidence}` : s.confidence}`)).sort();
  expect(stored((p) => (p.choice === null ? null : `${p.choice}/${p.confidence}`))).toEqual(sent("choice"));
  expect(stored((p) => p.consensusConfidence)).toEqual(sent("consensus-confidence"));
  // Three choices a round: none went missing.
  expect(sent("choice")).toHaveLength(3 * api.totalRounds);
}

describe("bots", () => {
  it("play three rooms at once to the end, and each bot's last state is the one the API has", async () => {
    const runs = await Promise.all(["A", "B", "C"].map((p) => play(p)));
    expect(new Set(runs.map((r) => r.code)).size).toBe(3);
    for (const run of runs) {
      expect(run.results.map((r) => r.phase)).toEqual(["FINISHED", "FINISHED", "FINISHED"]);
      expect(run.results.flatMap((r) => r.errors)).toEqual([]);
      expect(run.statuses.filter((s) => s >= 500)).toEqual([]);
      await expectConsistent(run.code, run.bots);
    }
  });

  it("give a bot that drops its connection its seat and role back, and the game still ends", async () => {
    const { results, bots, statuses, code } = await play("D", ["none", "drop", "none"]);
    expect(results.map((r) => r.phase)).toEqual(["FINISHED", "FINISHED", "FINISHED"]);
    const dropper = bots[1]!;
    expect(dropper.drops).toHaveLength(1);
    const [drop] = dropper.drops;
    // The server saw the seat empty of its player: it was a real drop.
    expect(drop!.serverSawAway).toBe(true);
    expect(drop!.phase).toBe("DISCUSSION");
    expect(drop!.before.role).not.toBeNull();
    expect(drop!.after).toEqual({ seat: drop!.before.seat, role: drop!.before.role, connected: true });
    // …and it kept that seat to the end.
    expect(dropper.seat).toEqual({ seat: drop!.before.seat, role: drop!.before.role, connected: true });
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    await expectConsistent(code, bots);
  });

  it("refuse every invalid command with a 4xx that changes nothing", async () => {
    const { results, bots, statuses, code } = await play("I", ["none", "invalid", "none"]);
    expect(results.map((r) => r.phase)).toEqual(["FINISHED", "FINISHED", "FINISHED"]);
    const probes = bots[1]!.probes;
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) {
      const what = `${p.name}: ${p.method} ${p.path} → ${p.status} ${p.code}`;
      expect(p.status, what).toBeGreaterThanOrEqual(400);
      expect(p.status, what).toBeLessThan(500);
      expect(p.versionAfter, what).toBe(p.versionBefore);
      expect(p.unchanged, what).toBe(true);
    }
    // Each kind of nonsense was tried, and answered as the API contract says.
    const statusOf = Object.fromEntries(probes.map((p) => [p.name, p.status]));
    expect(statusOf).toMatchObject({
      "confidence out of range": 400,
      "consensus with a word for a choice": 400,
      "round zero": 400,
      "unknown field": 400,
      "malformed JSON": 400,
      "wrong content type": 415,
      "second seat": 409,
      "ready during the game": 409,
      "rating outside the consensus phase": 409,
      "overlong opId": 400,
      "overlong reason": 400,
      "unknown room": 404,
      "advance as a player": 403,
      "release another player's seat": 403,
      // The same moves over the socket are refused alike, with the REST status in the ack.
      "socket: confidence out of range": 400,
      "socket: unknown move": 400,
      "socket: unknown field": 400,
      "socket: ready during the game": 409,
    });
    expect(Object.keys(statusOf)).toEqual(expect.arrayContaining(["choice for another round", "option that does not exist", "socket: choice for another round"]));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    await expectConsistent(code, bots);
  });

  it("replace a bot that leaves for good with a newcomer, and the game still ends", async () => {
    const { results, bots, statuses, code } = await play("L", ["none", "leave", "none"]);
    expect(results).toHaveLength(4);
    expect(results.filter((r) => r.phase === "FINISHED")).toHaveLength(3);
    // The leaver gave up its seat at the start of round 2.
    expect(results[1]!.phase).toBe("INDIVIDUAL");
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const api = (await bots[0]!.call("GET", `/api/rooms/${code}`)).body as RoomSnapshot;
    expect(api.seats.map((s) => s.userId)).not.toContain(bots[1]!.userId);
    expect(api.seats.map((s) => s.userId)).toContain(bots[3]!.userId);
    await expectConsistent(code, bots);
  });

  it("fill a waiting room's empty seats for a facilitator, and play it to the end", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const room = await fac.post("/api/rooms", { visibility: "private" });
    const added = await fac.post(`/api/facilitator/rooms/${room.body.code}/bots`);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.added).toEqual([1, 2, 3].map((n) => `Bot ${room.body.code}-${n}`));
    // The bots have their seats when the answer comes.
    const seated = await fac.get(`/api/rooms/${room.body.code}`);
    expect(seated.body.seats.map((s: { nickname: string }) => s.nickname)).toEqual(added.body.added);
    await eventually(async () => expect((await fac.get(`/api/rooms/${room.body.code}`)).body.phase).toBe("FINISHED"), 180_000, 1000);
    expect((await fac.post(`/api/facilitator/rooms/${room.body.code}/bots`)).status).toBe(409);
    const player = await userWithRole(server.url, "PLAYER");
    expect((await player.post(`/api/facilitator/rooms/${room.body.code}/bots`)).status).toBe(403);
  });

  it("let a facilitator try out their own unpublished game with bots in the seats left empty", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    const role = (name: string) => ({ name, brief: "A public brief.", privateBrief: "A private brief." });
    const game = await fac.post("/api/custom-games", {
      locale: "en",
      title: "Bots try my game",
      summary: "A one-round game to try out.",
      opening: "A town wants cameras on every street.",
      roles: [role("Mayor"), role("Resident"), role("Vendor")],
      rounds: [{ question: "Install them?", options: [{ label: "Yes", description: "" }, { label: "No", description: "" }, { label: "Pilot", description: "" }] }],
    });
    expect(game.status, JSON.stringify(game.body)).toBe(201);
    expect(game.body.isPublished).toBe(false);
    const opened = await fac.post(`/api/custom-games/${game.body.code}/rooms`, { count: 1, isResearch: true });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const code: string = opened.body.rooms[0].code;

    // One person sits down first; the bots take the two seats left.
    const person = new Bot({ baseUrl: server.url, nickname: "Person", think: [5, 30], keepOpen: true });
    open.push(person);
    await person.start();
    await person.join(code);
    const added = await fac.post(`/api/facilitator/rooms/${code}/bots`);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.added).toEqual([`Bot ${code}-2`, `Bot ${code}-3`]);
    const result = await person.play(code);
    expect(result.phase).toBe("FINISHED");
    const finished = (await fac.get(`/api/rooms/${code}`)).body as RoomSnapshot;
    expect(finished.scenario.title).toBe("Bots try my game");
    expect(finished.seats.map((s) => s.nickname)).toEqual(["Person", ...added.body.added]);
    expect(finished.results.map((r) => r.consensus)).not.toContain(null);

    // A room with bots is test data.
    const admin = await signedInAdmin(server.url);
    const research = await admin.get(`/api/research/rooms/${code}`);
    expect(research.status, JSON.stringify(research.body)).toBe(200);
    expect(research.body.isTest).toBe(true);

    // Not another facilitator's room, not a room that does not exist.
    const other = await userWithRole(server.url, "FACILITATOR", "otherfac");
    const room = await fac.post("/api/rooms", { visibility: "private" });
    const refused = await other.post(`/api/facilitator/rooms/${room.body.code}/bots`);
    expect(refused.status).toBe(404);
    expect((await fac.post(`/api/facilitator/rooms/ZZZZZZ/bots`)).status).toBe(404);
    expect((await fac.get(`/api/rooms/${room.body.code}`)).body.seats.map((s: { userId: string | null }) => s.userId)).toEqual([null, null, null]);
  });
});
