import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { userStatsSchema, type UserStats } from "@/lib/validation/user-stats";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { ApiClient } from "../support/client";
import { confirmRoles, createRoom, fillAndStart, guest, ok, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// GET /api/users/:id/stats: the numbers of a player's games, checked against the moves this
// test made (worked out here, independently of the server's statistics code) and against the
// room's own statistics route.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
});
afterAll(async () => {
  await server?.stop();
});

/** What one player did in one round: choice and confidence, then confidence in the consensus. */
interface Move {
  choice: number;
  confidence: number;
  consensusConfidence: number;
}

/** Plays round `n` in full: the moves of each seat, then everyone agrees on `consensus`. */
async function playRound(code: string, players: Player[], n: number, moves: Move[], consensus: number): Promise<RoomSnapshot> {
  let snap: RoomSnapshot | undefined;
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/choice`, { choice: moves[i]!.choice, confidence: moves[i]!.confidence });
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/discussion/end`);
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/consensus`, { choice: consensus });
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/consensus-confidence`, { confidence: moves[i]!.consensusConfidence });
  expect(snap!.phase).toBe("REVEAL");
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/continue`);
  return snap!;
}

const move = (choice: number, confidence: number, consensusConfidence: number): Move => ({ choice, confidence, consensusConfidence });
const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** The numbers expected for seat 0 from the rounds it played in full: [round number, its move, the consensus]. */
function expected(played: [number, Move, number][]) {
  const summary = (rows: [number, Move, number][]) => {
    const agreed = rows.filter(([, m, c]) => m.choice === c).length;
    return {
      rounds: rows.length,
      agreement: { compared: rows.length, agreed, rate: rows.length ? round2(agreed / rows.length) : null },
      confidence: {
        before: mean(rows.map(([, m]) => m.confidence)),
        after: mean(rows.map(([, m]) => m.consensusConfidence)),
        shift: mean(rows.map(([, m]) => m.consensusConfidence - m.confidence)),
      },
    };
  };
  const numbers = [...new Set(played.map(([n]) => n))].sort((a, b) => a - b);
  return { ...summary(played), byRound: numbers.map((round) => ({ round, ...summary(played.filter(([n]) => n === round)) })) };
}

let me: Player; // seat 0 of both games, with data consent
let mate: Player; // seat 1 of both games, with data consent
let shy: Player; // seat 2 of the first game, without data consent
let gameA: RoomSnapshot;
let gameB: RoomSnapshot;
const played: [number, Move, number][] = [];

describe("a player's stats", () => {
  it("come from the games they played: one finished, one ended early, one never started", { timeout: 180_000 }, async () => {
    me = await guest(server.url, "StatsMe");
    mate = await guest(server.url, "StatsMate");
    shy = await guest(server.url, "StatsShy");
    const other = await guest(server.url, "StatsOther");
    for (const [p, dataConsent] of [[me, true], [mate, true], [shy, false], [other, true]] as const) {
      expect((await p.api.put("/api/users/me/consent", { dataConsent, voiceConsent: false })).status).toBe(200);
    }

    // Game A, played to the end: every seat's moves differ from round to round.
    gameA = await createRoom(me);
    await fillAndStart(gameA.code, [me, mate, shy]);
    let snap = await confirmRoles(gameA.code, [me, mate, shy]);
    expect(snap.totalRounds).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= snap.totalRounds; n++) {
      const moves = [move(n % 2, ((n * 2) % 5) + 1, ((n * 3) % 5) + 1), move((n + 1) % 2, 3, 4), move(0, 1, 5)];
      const consensus = n % 3 === 0 ? 1 : 0;
      snap = await playRound(gameA.code, [me, mate, shy], n, moves, consensus);
      played.push([n, moves[0]!, consensus]);
    }
    expect(snap.phase).toBe("FINISHED");

    // Game B: two rounds in full, then the host ends it in round 3 after choosing: round 3 was never revealed and does not count.
    gameB = await createRoom(me);
    await fillAndStart(gameB.code, [me, mate, other]);
    await confirmRoles(gameB.code, [me, mate, other]);
    for (const [n, moves, consensus] of [
      [1, [move(1, 5, 2), move(1, 4, 4), move(0, 2, 2)], 1],
      [2, [move(0, 2, 2), move(1, 1, 3), move(1, 5, 5)], 1],
    ] as [number, Move[], number][]) {
      await playRound(gameB.code, [me, mate, other], n, moves, consensus);
      played.push([n, moves[0]!, consensus]);
    }
    await ok(me, `/api/rooms/${gameB.code}/rounds/3/choice`, { choice: 1, confidence: 5 });
    expect((await me.api.post(`/api/rooms/${gameB.code}/advance`, { reason: "time is up", end: true })).body.phase).toBe("ABANDONED");

    // A room still waiting for players is no game yet.
    const waiting = await createRoom(me);
    expect((await me.api.post(`/api/rooms/${waiting.code}/join`, {})).status).toBe(200);
  });

  it("count games, rounds, agreement with the consensus and confidence as the moves say", async () => {
    const r = await me.api.get(`/api/users/${me.id}/stats`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const stats: UserStats = userStatsSchema.parse(r.body);
    const want = expected(played);
    expect(stats).toMatchObject({ userId: me.id, gamesPlayed: 2, gamesFinished: 1, rounds: gameA.totalRounds + 2 });
    expect(stats.rounds).toBe(want.rounds);
    expect(stats.agreement).toEqual(want.agreement);
    expect(stats.confidence).toEqual(want.confidence);
    expect(stats.byRound).toEqual(want.byRound);
    // Both rooms run the default scenario.
    expect(stats.scenarios).toHaveLength(1);
    expect(stats.scenarios[0]).toMatchObject({ games: 2, finished: 1 });
    expect(stats.scenarios[0]!.title.length).toBeGreaterThan(0);
    // Not everything agreed and not nothing: the numbers are not a constant.
    expect(want.agreement.agreed).toBeGreaterThan(0);
    expect(want.agreement.agreed).toBeLessThan(want.agreement.compared);

    // "me" is the caller.
    expect((await me.api.get("/api/users/me/stats")).body).toEqual(r.body);
  });

  it("agree with the room's own statistics route", async () => {
    const room = await me.api.get(`/api/rooms/${gameA.code}/statistics`);
    expect(room.status).toBe(200);
    const mine = room.body.rounds.flatMap((r: { players: { userId: string; choice: number | null; agreedWithConsensus: boolean | null; confidence: number | null }[] }) => r.players.filter((p) => p.userId === me.id));
    expect(mine).toHaveLength(gameA.totalRounds);
    const byRound = (await me.api.get(`/api/users/${me.id}/stats`)).body.byRound as UserStats["byRound"];
    for (const [i, p] of mine.entries()) {
      const round = byRound.find((b) => b.round === i + 1)!;
      // Rounds 1 and 2 also hold game B's; the rest are game A's alone.
      if (i >= 2) {
        expect(round.agreement.agreed).toBe(p.agreedWithConsensus ? 1 : 0);
        expect(round.confidence.before).toBe(p.confidence);
      }
    }
  });

  it("refuse anonymous callers (401), and answer another player's id as a missing one (404)", async () => {
    expect((await new ApiClient(server.url).get(`/api/users/${me.id}/stats`)).status).toBe(401);
    const foreign = await mate.api.get(`/api/users/${me.id}/stats`);
    const missing = await mate.api.get("/api/users/00000000-0000-4000-8000-000000000000/stats");
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(foreign.body.error.code).toBe("NOT_FOUND");
    const facilitator = await userWithRole(server.url, "FACILITATOR");
    expect((await facilitator.get(`/api/users/${me.id}/stats`)).status).toBe(404);
    // mate's own numbers are theirs.
    const own = await mate.api.get(`/api/users/${mate.id}/stats`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ userId: mate.id, gamesPlayed: 2, gamesFinished: 1 });
  });

  it("let researchers and admins read anyone's who gave data consent, and nobody else's", async () => {
    const researcher = await userWithRole(server.url, "RESEARCHER");
    const admin = await signedInAdmin(server.url);
    const own = (await me.api.get(`/api/users/${me.id}/stats`)).body;
    for (const staff of [researcher, admin]) {
      const r = await staff.get(`/api/users/${me.id}/stats`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(own);
      expect((await staff.get(`/api/users/${shy.id}/stats`)).status).toBe(404);
      expect((await staff.get("/api/users/00000000-0000-4000-8000-000000000000/stats")).status).toBe(404);
    }
    // The player without consent still sees their own.
    const shyOwn = await shy.api.get("/api/users/me/stats");
    expect(shyOwn.status).toBe(200);
    expect(shyOwn.body).toMatchObject({ gamesPlayed: 1, gamesFinished: 1, rounds: gameA.totalRounds });
  });

  it("are zeros and nulls for someone who has not played", async () => {
    const fresh = await guest(server.url, "StatsFresh");
    const r = await fresh.api.get("/api/users/me/stats");
    expect(r.status).toBe(200);
    expect(userStatsSchema.parse(r.body)).toEqual({
      userId: fresh.id,
      gamesPlayed: 0,
      gamesFinished: 0,
      rounds: 0,
      agreement: { compared: 0, agreed: 0, rate: null },
      confidence: { before: null, after: null, shift: null },
      byRound: [],
      scenarios: [],
    });
  });

  it("refuse a malformed id or any query parameter with 400", async () => {
    for (const path of ["/api/users/not-a-user/stats", `/api/users/${"x".repeat(80)}/stats`, `/api/users/${me.id}/stats?x=1`, "/api/users/me/stats?round=1"]) {
      const r = await me.api.get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code, path).toBe("VALIDATION_ERROR");
    }
  });
});
