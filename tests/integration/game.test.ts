import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SnapshotText, type LeanRoomSnapshot, type RoomSnapshot } from "@/lib/domain/snapshot";
import { connected, emitAck } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, playRound, subscribe, type Player } from "../support/game";
import { ADMIN_ENV, userWithRole } from "../support/accounts";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
});
afterAll(async () => {
  await server?.stop();
});

const threeGuests = async (prefix: string, withSocket = false) =>
  Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`, withSocket)));

describe("a whole game for three players", () => {
  it("plays five rounds; every snapshot is consistent, versions only increase, and the statistics match the moves", async () => {
    const players = await threeGuests("Full", true);
    const [host] = players;
    const created = await createRoom(host!, { visibility: "public", title: "Full game" });
    const code = created.code;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(created).toMatchObject({ phase: "WAITING", round: 0, totalRounds: 5, hostId: host!.id });

    const lobby = await host!.api.get("/api/rooms?status=waiting");
    expect(lobby.body.rooms.map((r: { code: string }) => r.code)).toContain(code);

    for (const p of players) await subscribe(p, code);
    await fillAndStart(code, players);
    const lobbyAfter = await host!.api.get("/api/rooms");
    expect(lobbyAfter.body.rooms.map((r: { code: string }) => r.code)).not.toContain(code);

    // Each player sees their own private brief, and only the public briefs of the others.
    const roles = await Promise.all(players.map((p) => p.api.get(`/api/rooms/${code}/roles`)));
    const positions = roles.map((r) => r.body.role.position).sort();
    expect(positions).toEqual([0, 1, 2]);
    for (const r of roles) {
      expect(r.body.role.privateBrief.length).toBeGreaterThan(0);
      for (const o of r.body.others) expect(o.role.privateBrief).toBeUndefined();
    }

    let snap = await confirmRoles(code, players);
    expect(snap).toMatchObject({ phase: "INDIVIDUAL", round: 1 });

    const moves: { round: number; choices: number[]; confidences: number[]; consensus: number; consensusConfidences: number[] }[] = [];
    for (let round = 1; round <= 5; round++) {
      const options = snap.scenario.currentQuestion!.options.length;
      const choices = players.map((_, i) => (round + i) % options);
      const confidences = players.map((_, i) => ((round + i) % 5) + 1);
      for (const [i, p] of players.entries()) {
        snap = await ok(p, `/api/rooms/${code}/rounds/${round}/choice`, { choice: choices[i], confidence: confidences[i] });
        if (i < 2) {
          // Hidden until the reveal: nobody's answer is in the snapshot yet, only who has answered.
          expect(snap.results.find((r) => r.round === round)).toBeUndefined();
          expect(JSON.stringify(snap.seats)).not.toMatch(/choice|confidence/);
          expect(snap.consensus).toBeNull();
          expect(snap.seats.find((s) => s.userId === p.id)!.submitted).toBe(true);
        }
      }
      expect(snap.phase).toBe("DISCUSSION");
      for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/discussion/end`);
      expect(snap.phase).toBe("CONSENSUS");
      const consensus = (round * 2) % options;
      snap = await ok(players[0]!, `/api/rooms/${code}/rounds/${round}/consensus`, { choice: consensus });
      expect(snap.consensus!.votes).toEqual([{ userId: players[0]!.id, choice: consensus }]);
      snap = await ok(players[1]!, `/api/rooms/${code}/rounds/${round}/consensus`, { choice: consensus });
      snap = await ok(players[2]!, `/api/rooms/${code}/rounds/${round}/consensus`, { choice: consensus });
      expect(snap.consensus!.reached).toEqual({ choice: consensus, proposedBy: players[0]!.id });
      const consensusConfidences = players.map((_, i) => ((round + i + 2) % 5) + 1);
      for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/consensus-confidence`, { confidence: consensusConfidences[i] });
      expect(snap.phase).toBe("REVEAL");
      const result = snap.results.find((r) => r.round === round)!;
      expect(result.consensus).toBe(consensus);
      expect(result.choices.map((c) => c.choice)).toEqual(choices);
      moves.push({ round, choices, confidences, consensus, consensusConfidences });
      for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/${round}/continue`);
      expect(snap).toMatchObject(round < 5 ? { phase: "INDIVIDUAL", round: round + 1 } : { phase: "FINISHED" });
    }

    // Every client saw the same final state, through snapshots whose versions only went up.
    await eventually(() => {
      for (const p of players) expect(p.states.at(-1)!.version).toBe(snap.version);
    });
    for (const p of players) {
      const versions = p.states.map((s) => s.version);
      for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
      for (const s of p.states) {
        expect(s.code).toBe(code);
        if (s.phase !== "WAITING") expect(s.seats.filter((x) => x.userId)).toHaveLength(3);
        // Never a hidden answer of the round in play.
        for (const r of s.results) expect(r.round < s.round || s.phase === "REVEAL" || s.phase === "FINISHED").toBe(true);
      }
    }

    const stats = await players[1]!.api.get(`/api/rooms/${code}/statistics`);
    expect(stats.status).toBe(200);
    expect(stats.body.rounds).toHaveLength(5);
    for (const m of moves) {
      const r = stats.body.rounds[m.round - 1];
      const distribution = Array(r.distribution.length).fill(0);
      for (const c of m.choices) distribution[c]++;
      expect(r.distribution).toEqual(distribution);
      expect(r.consensus).toBe(m.consensus);
      expect(r.agreed).toBe(m.choices.filter((c) => c === m.consensus).length);
      expect(r.meanConfidence).toBeCloseTo(m.confidences.reduce((a, b) => a + b, 0) / 3, 2);
      expect(r.meanConsensusConfidence).toBeCloseTo(m.consensusConfidences.reduce((a, b) => a + b, 0) / 3, 2);
      expect(r.players.map((p: { confidenceShift: number }) => p.confidenceShift)).toEqual(m.consensusConfidences.map((c, i) => c - m.confidences[i]!));
    }
    expect(stats.body.totals.consensusReached).toBe(5);
    for (const p of players) p.socket!.disconnect();
  });
});

describe("concurrency and retries", () => {
  it("SECURITY 28 — never loses or duplicates a move when three players submit at the same instant, 50 times", async () => {
    const players = await threeGuests("Race");
    let races = 0;
    while (races < 50) {
      const room = await createRoom(players[0]!);
      await fillAndStart(room.code, players);
      let snap = await confirmRoles(room.code, players);
      for (let round = 1; round <= snap.totalRounds && races < 50; round++, races++) {
        const before = snap.version;
        const answers = await Promise.all(players.map((p, i) => p.api.post(`/api/rooms/${room.code}/rounds/${round}/choice`, { choice: i % 2, confidence: i + 1 })));
        for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
        // Three moves, three versions, one transition.
        expect(answers.map((a) => a.body.version).sort()).toEqual([before + 1, before + 2, before + 3]);
        const last = answers.find((a) => a.body.version === before + 3)!.body as RoomSnapshot;
        expect(last.phase).toBe("DISCUSSION");
        expect(answers.filter((a) => a.body.phase === "DISCUSSION")).toHaveLength(1);
        // Skip ahead: discussion → consensus → reveal → next round.
        for (let i = 0; i < 3; i++) snap = await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "race test" });
        const result = snap.results.find((r) => r.round === round)!;
        expect(result.choices.map((c) => [c.choice, c.confidence])).toEqual([
          [0, 1],
          [1, 2],
          [0, 3],
        ]);
      }
    }
    expect(races).toBe(50);
  });

  it("answers a retried move after a reveal with the revealed results as the first answer had them (text and answers)", async () => {
    const players = await threeGuests("Later");
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    await playRound(room.code, players, 1, 0, 1);
    const body = { choice: 0, confidence: 3, opId: "op-after-reveal" };
    const first = await players[0]!.api.post(`/api/rooms/${room.code}/rounds/2/choice`, body);
    const retry = await players[0]!.api.post(`/api/rooms/${room.code}/rounds/2/choice`, body);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const [result] = first.body.results;
    expect(result.round).toBe(1);
    expect(result.question.length).toBeGreaterThan(10);
    expect(result.options.length).toBeGreaterThanOrEqual(2);
    expect(result.choices.map((c: { nickname: string }) => c.nickname)).toEqual(players.map((p) => p.nickname));
    expect(result.consensus).toBe(1);
  });

  it("SECURITY 28 — answers a retried command (same opId) like the first time and applies it once", async () => {
    const players = await threeGuests("Retry");
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    const start = await confirmRoles(room.code, players);
    const body = { choice: 1, confidence: 4, opId: "op-choice-1" };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/choice`, body));
    for (const a of answers) expect(a.status).toBe(200);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.version).toBe(start.version + 1);
    const now = (await players[0]!.api.get(`/api/rooms/${room.code}`)).body;
    expect(now.version).toBe(start.version + 1);
    // Without the opId, the second submission is refused.
    const again = await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_SUBMITTED");
    // The same opId for another command is a conflict, not a replay.
    const reused = await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/discussion/end`, { opId: "op-choice-1" });
    expect(reused.status).toBe(409);
    // Retries racing each other (sent at once, so on PostgreSQL they wait on the room's lock
    // together): one applies, the others answer as it did.
    const racing = { choice: 0, confidence: 2, opId: "op-choice-2" };
    const raced = await Promise.all([0, 1, 2, 3].map(() => players[1]!.api.post(`/api/rooms/${room.code}/rounds/1/choice`, racing)));
    for (const a of raced) expect(a.status, JSON.stringify(a.body)).toBe(200);
    for (const a of raced) expect(a.body).toEqual(raced[0]!.body);
    expect(raced[0]!.body.version).toBe(start.version + 2);
    expect((await players[0]!.api.get(`/api/rooms/${room.code}`)).body.version).toBe(start.version + 2);
  });
});

describe("illegal commands", () => {
  it("SECURITY 14, 16 — refuses each with the documented 4xx and changes nothing", async () => {
    const players = await threeGuests("Rule");
    const outsider = await guest(server.url, "Outsider");
    const room = await createRoom(players[0]!);
    const other = await createRoom(outsider);
    const code = room.code;
    await fillAndStart(code, players);
    const state = async () => (await players[0]!.api.get(`/api/rooms/${code}`)).body as RoomSnapshot;

    const refuse = async (p: Player, path: string, body: unknown, status: number, errorCode: string) => {
      const before = (await state()).version;
      const r = await p.api.post(path, body);
      expect(r.status, `${path} ${JSON.stringify(body)} → ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.body.error.code).toBe(errorCode);
      expect((await state()).version).toBe(before);
    };

    // ROLES phase: no choices yet.
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 }, 409, "WRONG_PHASE");
    await confirmRoles(code, players);
    await refuse(outsider, `/api/rooms/${code}/join`, {}, 409, "GAME_STARTED");
    await refuse(outsider, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 }, 404, "NOT_FOUND");
    // A private room's code tells an outsider nothing: the same answer as a missing room.
    await refuse(players[0]!, `/api/rooms/${other.code}/rounds/1/choice`, { choice: 0, confidence: 3 }, 404, "NOT_FOUND");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/2/choice`, { choice: 0, confidence: 3 }, 409, "ROUND_MISMATCH");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 3, confidence: 3 }, 400, "INVALID_CHOICE");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 9, confidence: 3 }, 400, "VALIDATION_ERROR");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 6 }, 400, "VALIDATION_ERROR");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3, seat: 2 }, 400, "VALIDATION_ERROR");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/0/choice`, { choice: 0, confidence: 3 }, 400, "VALIDATION_ERROR");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/discussion/end`, {}, 409, "WRONG_PHASE");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 }, 409, "WRONG_PHASE");
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/continue`, {}, 409, "WRONG_PHASE");
    await refuse(players[1]!, `/api/rooms/${code}/advance`, { reason: "not host" }, 403, "FORBIDDEN");
    await refuse(players[1]!, `/api/rooms/${code}/seats/0/release`, {}, 403, "FORBIDDEN");
    await refuse(players[0]!, `/api/rooms/${code}/ready`, { ready: false }, 409, "WRONG_PHASE");
    await ok(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    await refuse(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 1, confidence: 3 }, 409, "ALREADY_SUBMITTED");
    expect((await players[0]!.api.post(`/api/rooms/ZZZZZZ/rounds/1/choice`, { choice: 0, confidence: 3 })).status).toBe(404);
    expect((await players[0]!.api.post(`/api/rooms/bad!/rounds/1/choice`, { choice: 0, confidence: 3 })).status).toBe(400);
    expect((await players[0]!.api.get(`/api/rooms/${other.code}/roles`)).status).toBe(404);
  });

  it("SECURITY 12 — keeps a full room's answers from anyone who did not play in it", async () => {
    const players = await threeGuests("Priv");
    const stranger = await guest(server.url, "Stranger");
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    // Told that the game has started without them (tests/integration/join-link.test.ts), and nothing more.
    const refused = await stranger.api.get(`/api/rooms/${room.code}`);
    expect(refused.status).toBe(409);
    expect(Object.keys(refused.body)).toEqual(["error"]);
    expect((await stranger.api.get(`/api/rooms/${room.code}/statistics`)).status).toBe(404);
    const s = stranger.api.socket();
    await new Promise<void>((r) => s.once("connect", () => r()));
    expect(await emitAck(s, "room:subscribe", { code: room.code })).toMatchObject({ ok: false, error: { code: "GAME_STARTED" } });
    s.disconnect();
  });
});

describe("time and absence", () => {
  it("moves on when a timer runs out, recording missing answers as missing", async () => {
    const players = await threeGuests("Timer");
    const room = await createRoom(players[0]!, { settings: { individualSeconds: 2, discussionSeconds: 60 } });
    await fillAndStart(room.code, players);
    const start = await confirmRoles(room.code, players);
    const deadline = Date.parse(start.deadline!);
    expect(deadline - Date.parse(start.serverTime)).toBeGreaterThan(1000);
    await ok(players[0]!, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 1, confidence: 5 });
    const after = await eventually(async () => {
      const s = (await players[0]!.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(s.phase).toBe("DISCUSSION");
      return s;
    });
    expect(after.round).toBe(1);
    for (let i = 0; i < 2; i++) await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "skip" });
    const stats = (await players[0]!.api.get(`/api/rooms/${room.code}/statistics`)).body;
    expect(stats.rounds[0].missingChoices).toBe(2);
    expect(stats.rounds[0].players.map((p: { choice: number | null }) => p.choice)).toEqual([1, null, null]);
    expect(stats.rounds[0].consensusReached).toBe(false);
  });

  it("keeps the seat through a short disconnect, pauses after the grace period, and lets a newcomer take a released seat", async () => {
    const players = await threeGuests("Away", true);
    const room = await createRoom(players[0]!, { settings: { graceSeconds: 3 } });
    const code = room.code;
    for (const p of players) await subscribe(p, code);
    await fillAndStart(code, players);
    await confirmRoles(code, players);
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 2 });
    const view = () => players[0]!.api.get(`/api/rooms/${code}`).then((r) => r.body as RoomSnapshot);
    expect((await view()).phase).toBe("DISCUSSION");

    // A short drop: shown as away, then back on the same seat with the current state.
    const leaver = players[2]!;
    leaver.socket!.disconnect();
    await eventually(async () => expect((await view()).seats[2]).toMatchObject({ userId: leaver.id, connected: false }));
    leaver.socket!.connect();
    const back = await subscribe(leaver, code);
    expect(back.seats[2]).toMatchObject({ userId: leaver.id, connected: true });
    expect(back.phase).toBe("DISCUSSION");
    expect((await view()).pausedAt).toBeNull();

    // Gone past the grace period: the room pauses and says so.
    leaver.socket!.disconnect();
    const paused = await eventually(async () => {
      const s = await view();
      expect(s.pausedAt).not.toBeNull();
      return s;
    }, 20_000);
    expect(paused.deadline).toBeNull();
    expect(paused.remainingMs).toBeGreaterThan(0);
    const refused = await players[0]!.api.post(`/api/rooms/${code}/rounds/1/discussion/end`, {});
    expect(refused.body.error.code).toBe("PAUSED");

    // The host releases the seat; a fourth player takes it and the room runs again.
    const released = await ok(players[0]!, `/api/rooms/${code}/seats/2/release`);
    expect(released.seats[2]!.userId).toBeNull();
    const newcomer = await guest(server.url, "Newcomer");
    const joined = await newcomer.api.post(`/api/rooms/${code}/join`, {});
    expect(joined.status).toBe(200);
    expect(joined.body.seat).toBe(2);
    expect(joined.body.snapshot.pausedAt).toBeNull();
    expect(joined.body.snapshot.seats[2].role).toEqual(paused.seats[2]!.role);
    const mine = await newcomer.api.get(`/api/rooms/${code}/roles`);
    expect(mine.body.role.position).toBe(paused.seats[2]!.role!.position);
    for (const p of [players[0]!, players[1]!, newcomer]) await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
    expect((await view()).phase).toBe("CONSENSUS");
    for (const p of players) p.socket!.disconnect();
  });
});

describe("a nickname changed during a game", () => {
  it("shows at once in the room's snapshot, on every socket, and in the results of the rounds played", async () => {
    const players = await threeGuests("Nick", true);
    const room = await createRoom(players[0]!);
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    let snap = await playRound(room.code, players, 1, 0, 1);
    expect(snap.results[0]!.choices.find((c) => c.userId === players[1]!.id)!.nickname).toBe("Nick2");
    const before = snap.version;

    const renamed = await players[1]!.api.patch("/api/users/me", { nickname: "Renamed2" });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    // Every socket gets the room with the new name, at a newer version.
    await eventually(() => {
      for (const p of players) {
        const last = p.states.at(-1)!;
        expect(last.version).toBeGreaterThan(before);
        expect(last.seats.find((s) => s.userId === players[1]!.id)!.nickname).toBe("Renamed2");
        expect(last.results[0]!.choices.find((c) => c.userId === players[1]!.id)!.nickname).toBe("Renamed2");
      }
    });
    // The next move's answer (decided on state this server holds) has it too.
    snap = await ok(players[0]!, `/api/rooms/${room.code}/rounds/2/choice`, { choice: 0, confidence: 3 });
    expect(snap.seats.find((s) => s.userId === players[1]!.id)!.nickname).toBe("Renamed2");
    expect(snap.version).toBe(players[0]!.states.at(-1)!.version);
    // So does a chat message from the same socket, which knew its user before the change.
    const heard = new Promise<{ nickname: string }>((resolve) => players[0]!.socket!.once("chat:message", resolve));
    const said = await emitAck(players[1]!.socket!, "chat:send", { code: room.code, text: "new name" });
    expect(said).toMatchObject({ ok: true, data: { nickname: "Renamed2", text: "new name" } });
    expect((await heard).nickname).toBe("Renamed2");
    for (const p of players) p.socket!.disconnect();
  });
});

describe("chat and memo", () => {
  it("stores chat with timestamps, masks profanity, relays typing, and keeps a private memo", async () => {
    const players = await threeGuests("Chat", true);
    const room = await createRoom(players[0]!);
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
    for (const p of players) await subscribe(p, room.code);
    const received = new Promise<{ text: string; at: string; nickname: string }>((resolve) => players[1]!.socket!.once("chat:message", resolve));
    const typing = new Promise<{ userId: string; isTyping: boolean }>((resolve) => players[2]!.socket!.once("chat:typing", resolve));
    expect(await emitAck(players[0]!.socket!, "chat:typing", { code: room.code, isTyping: true })).toEqual({ ok: true, data: null });
    expect(await typing).toEqual({ userId: players[0]!.id, isTyping: true });
    const sent = await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "this is shit, 씨발" });
    expect(sent.ok).toBe(true);
    expect(sent.data.text).toBe("this is ****, **");
    const msg = await received;
    expect(msg).toMatchObject({ text: "this is ****, **", nickname: "Chat1" });
    expect(Date.parse(msg.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "x".repeat(501) })).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR" } });

    const saved = await emitAck(players[1]!.socket!, "memo:save", { code: room.code, text: "my private thoughts" });
    expect(saved.ok).toBe(true);
    expect((await players[1]!.api.get(`/api/rooms/${room.code}/memo`)).body.text).toBe("my private thoughts");
    expect((await players[0]!.api.get(`/api/rooms/${room.code}/memo`)).body.text).toBe("");
    for (const p of players) p.socket!.disconnect();
  });
});

describe("chat history", () => {
  it("gives the room's players the chat so far, oldest first, and nobody else", async () => {
    const players = await threeGuests("Hist", true);
    const stranger = await guest(server.url, "Nosy");
    const room = await createRoom(players[0]!);
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
    for (const [i, text] of ["first", "second", "third"].entries()) {
      expect((await emitAck(players[i]!.socket!, "chat:send", { code: room.code, text })).ok).toBe(true);
    }
    const history = await players[2]!.api.get(`/api/rooms/${room.code}/chat`);
    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: { text: string; nickname: string }) => [m.text, m.nickname])).toEqual([
      ["first", "Hist1"],
      ["second", "Hist2"],
      ["third", "Hist3"],
    ]);
    expect((await stranger.api.get(`/api/rooms/${room.code}/chat`)).status).toBe(404);
    // Someone without a seat cannot post, and nothing is stored: NOT_FOUND for a private room, full or not (NOT_SEATED only while a public room has a free seat).
    const nosy = stranger.api.socket();
    await connected(nosy);
    expect(await emitAck(nosy, "chat:send", { code: room.code, text: "let me in" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND", status: 404 } });
    expect((await players[0]!.api.post(`/api/rooms/${room.code}/leave`, {})).status).toBe(204);
    expect(await emitAck(nosy, "chat:send", { code: room.code, text: "a seat is free" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await emitAck(players[0]!.socket!, "chat:send", { code: room.code, text: "after leaving" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await emitAck(nosy, "chat:send", { code: "ZZZZZZ", text: "anyone?" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const after = await players[2]!.api.get(`/api/rooms/${room.code}/chat`);
    expect(after.body.messages.map((m: { text: string }) => m.text)).toEqual(["first", "second", "third"]);
    nosy.disconnect();
    for (const p of players) p.socket!.disconnect();
  });
});

describe("room:command (the moves over the socket)", () => {
  const move = async (p: Player, payload: Record<string, unknown>) => emitAck(p.socket!, "room:command", payload);
  const moved = async (p: Player, payload: Record<string, unknown>): Promise<RoomSnapshot> => {
    const r = await move(p, payload);
    expect(r.ok, `${JSON.stringify(payload)} → ${JSON.stringify(r)}`).toBe(true);
    return r.data;
  };

  it("plays a round as the REST routes do: the same snapshots, refusals with the same code and status, opIds shared", async () => {
    const players = await threeGuests("Sock", true);
    const outsider = await guest(server.url, "SockOut", true);
    const room = await createRoom(players[0]!);
    const code = room.code;
    for (const p of players) await subscribe(p, code);
    // Seats: one over REST, two over the socket (as the UI takes them while connected).
    await ok(players[0]!, `/api/rooms/${code}/join`);
    for (const p of players.slice(1)) {
      const joined = await moved(p, { type: "join", code });
      expect(joined.seats.find((s) => s.userId === p.id)).toMatchObject({ nickname: p.nickname });
    }
    // Refused as the REST route refuses: a second seat, a full room.
    const twice = await players[1]!.api.post(`/api/rooms/${code}/join`, {});
    expect(await move(players[1]!, { type: "join", code })).toMatchObject({ ok: false, error: { code: twice.body.error.code, status: twice.status } });
    const full = await outsider.api.post(`/api/rooms/${code}/join`, {});
    expect(full.status).toBeGreaterThanOrEqual(400);
    expect(await move(outsider, { type: "join", code })).toMatchObject({ ok: false, error: { code: full.body.error.code, status: full.status } });
    let snap!: RoomSnapshot;
    for (const p of players) snap = await moved(p, { type: "ready", code, ready: true });
    expect(snap.phase).toBe("ROLES");
    for (const p of players) snap = await moved(p, { type: "confirmRole", code: code.toLowerCase() });
    expect(snap).toMatchObject({ phase: "INDIVIDUAL", round: 1 });

    // A choice with an opId; its REST retry (same opId) is answered as the first try was.
    const first = await moved(players[0]!, { type: "choice", code, round: 1, choice: 1, confidence: 4, opId: "sock-1" });
    expect(first.version).toBe(snap.version + 1);
    const retry = await players[0]!.api.post(`/api/rooms/${code}/rounds/1/choice`, { choice: 1, confidence: 4, opId: "sock-1" });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first);
    // Everyone got the same state as a broadcast.
    for (const p of players) await eventually(() => expect(p.states.some((s) => s.version === first.version && JSON.stringify(s) === JSON.stringify(first))).toBe(true));

    // Refusals: the REST status comes with the code, and nothing changes.
    const refusals: [Player, Record<string, unknown>, string, number][] = [
      [players[0]!, { type: "choice", code, round: 1, choice: 0, confidence: 2 }, "ALREADY_SUBMITTED", 409],
      [players[1]!, { type: "choice", code, round: 1, choice: 0, confidence: 9 }, "VALIDATION_ERROR", 400],
      [players[1]!, { type: "choice", code, round: 2, choice: 0, confidence: 2 }, "ROUND_MISMATCH", 409],
      [players[1]!, { type: "teleport", code }, "VALIDATION_ERROR", 400],
      [players[1]!, { type: "join", code, nickname: "Sneaky" }, "VALIDATION_ERROR", 400],
      [players[1]!, { type: "join", code: "no!" }, "VALIDATION_ERROR", 400],
      [players[1]!, { type: "ready", code, ready: true, admin: true }, "VALIDATION_ERROR", 400],
      [players[1]!, { type: "advance", code, reason: "skip" }, "FORBIDDEN", 403],
      [players[1]!, { type: "ready", code: "ZZZZ22", ready: true }, "NOT_FOUND", 404],
      [outsider, { type: "choice", code, round: 1, choice: 0, confidence: 2 }, "NOT_FOUND", 404],
      [players[1]!, { type: "endDiscussion", code, round: 1, opId: "sock-1" }, "WRONG_PHASE", 409],
    ];
    for (const [p, payload, errorCode, status] of refusals) {
      const r = await move(p, payload);
      expect(r, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: errorCode, status } });
    }
    expect((await players[0]!.api.get(`/api/rooms/${code}`)).body.version).toBe(first.version);

    // The rest of the round, all over the socket.
    for (const [i, p] of players.entries()) if (i > 0) snap = await moved(p, { type: "choice", code, round: 1, choice: i % 2, confidence: 3 });
    expect(snap.phase).toBe("DISCUSSION");
    for (const p of players) snap = await moved(p, { type: "endDiscussion", code, round: 1 });
    expect(snap.phase).toBe("CONSENSUS");
    for (const p of players) snap = await moved(p, { type: "consensus", code, round: 1, choice: 1 });
    expect(snap.consensus?.reached?.choice).toBe(1);
    for (const p of players) snap = await moved(p, { type: "consensusConfidence", code, round: 1, confidence: 5 });
    expect(snap.phase).toBe("REVEAL");
    expect(snap.results[0]).toMatchObject({ round: 1, consensus: 1 });
    expect(snap.results[0]!.choices.map((c) => c.choice)).toEqual([1, 1, 0]);
    for (const p of players) snap = await moved(p, { type: "continue", code, round: 1 });
    expect(snap).toMatchObject({ phase: "INDIVIDUAL", round: 2 });
  });

  it('answers a move sent with reply "version" by the version alone when the socket follows the room, after the room:state that carries it', async () => {
    const players = await threeGuests("Lean", true);
    const code = (await createRoom(players[0]!)).code;
    // Not following the room (no room:subscribe): the snapshot, as without it.
    const first = await moved(players[0]!, { type: "join", code, reply: "version" });
    expect(first.seats.some((s) => s.userId === players[0]!.id)).toBe(true);
    for (const p of players) await subscribe(p, code);
    for (const p of players.slice(1)) {
      const answer = await moved(p, { type: "join", code, reply: "version" });
      expect(answer).toEqual({ code, version: expect.any(Number) });
      // The push with that version had arrived when the answer did (no waiting here).
      expect(p.states.find((s) => s.version === answer.version)?.seats.some((s) => s.userId === p.id)).toBe(true);
    }
    const ready = await moved(players[0]!, { type: "ready", code, ready: true, reply: "version" });
    expect(Object.keys(ready).sort()).toEqual(["code", "version"]);
    expect(players[0]!.states.at(-1)!.version).toBe(ready.version);
    expect(players[0]!.states.at(-1)!.seats[0]!.ready).toBe(true);
    // A move that changes nothing: the version the room is at (the socket has it already).
    const again = await moved(players[0]!, { type: "ready", code, ready: true, reply: "version" });
    expect(again.version).toBe(ready.version);
    // reply takes "version" only; without it, the snapshot.
    expect(await move(players[1]!, { type: "ready", code, ready: true, reply: "snapshot" })).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR", status: 400 } });
    const whole = await moved(players[1]!, { type: "ready", code, ready: true });
    expect(whole).toMatchObject({ code, version: ready.version + 1 });
    expect(whole.seats).toHaveLength(3);
    for (const p of players) p.socket!.disconnect();
  });

  it("sends a socket subscribed with lean: true room:lean-state instead of room:state: the same snapshots without the scenario's fixed text", async () => {
    const players = await threeGuests("Slim", true);
    const code = (await createRoom(players[0]!)).code;
    const [whole, ...slim] = players;
    await subscribe(whole!, code);
    const leanStates = new Map<string, LeanRoomSnapshot[]>(players.map((p) => [p.id, []]));
    const texts = new Map<string, SnapshotText>();
    for (const p of players) p.socket!.on("room:lean-state", (s: LeanRoomSnapshot) => leanStates.get(p.id)!.push(s));
    for (const p of slim) {
      const r = await emitAck(p.socket!, "room:subscribe", { code, lean: true });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      // The subscription answers the whole snapshot, text included: what lean states are put together with.
      expect(r.data.scenario.opening.length).toBeGreaterThan(0);
      const text = new SnapshotText();
      text.learn(r.data);
      texts.set(p.id, text);
    }
    await fillAndStart(code, players);
    await confirmRoles(code, players);
    // Over the socket, reply "version": a lean subscriber is answered the version alone too.
    const choice = await emitAck(slim[0]!.socket!, "room:command", { type: "choice", code, round: 1, choice: 1, confidence: 4, reply: "version" });
    expect(choice).toMatchObject({ ok: true, data: { code, version: expect.any(Number) } });
    expect(Object.keys(choice.data)).toHaveLength(2);
    for (const [i, p] of players.entries()) if (i !== 1) await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: i % 2, confidence: 3 });
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/consensus`, { choice: 1 });
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 4 });
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/continue`);
    const last = await playRound(code, players, 2, 0, 1);
    expect(last).toMatchObject({ phase: "INDIVIDUAL", round: 3 });
    expect(last.results).toHaveLength(2);
    // Chat reaches lean subscribers as it does everyone.
    const heard = slim.map((p) => new Promise<{ text: string }>((resolve) => p.socket!.once("chat:message", resolve)));
    const said = await emitAck(whole!.socket!, "chat:send", { code, text: "hello lean" });
    expect(said.ok).toBe(true);
    for (const m of await Promise.all(heard)) expect(m.text).toBe("hello lean");

    await eventually(() => {
      for (const p of slim) expect(leanStates.get(p.id)!.at(-1)?.version).toBe(last.version);
      expect(whole!.states.at(-1)?.version).toBe(last.version);
    });
    // Each socket got one kind: the whole snapshot or the lean one, never both.
    expect(leanStates.get(whole!.id)).toEqual([]);
    for (const p of slim) expect(p.states).toEqual([]);
    for (const p of slim) {
      const got = leanStates.get(p.id)!;
      // Every change, in order, and nothing twice.
      expect(got.map((s) => s.version)).toEqual(whole!.states.map((s) => s.version));
      for (const [i, l] of got.entries()) {
        const full = whole!.states[i]!;
        const json = JSON.stringify(l);
        expect(json).not.toContain(full.scenario.opening);
        // (The current round's question stays, as the current question.)
        for (const r of full.results) if (r.round !== full.round) expect(json).not.toContain(JSON.stringify(r.question));
        expect(json.length).toBeLessThan(JSON.stringify(full).length);
        // Put back together with the text the subscription answered: the whole snapshot, byte for byte.
        expect(JSON.stringify(texts.get(p.id)!.inflate(l))).toBe(JSON.stringify(full));
      }
    }
    // Subscribing again without lean: whole snapshots again.
    const before = leanStates.get(slim[0]!.id)!.length;
    await subscribe(slim[0]!, code);
    await ok(players[0]!, `/api/rooms/${code}/rounds/3/choice`, { choice: 0, confidence: 2 });
    await eventually(() => expect(slim[0]!.states.at(-1)?.version).toBe(last.version + 1));
    expect(leanStates.get(slim[0]!.id)).toHaveLength(before);
    await eventually(() => expect(leanStates.get(slim[1]!.id)!.at(-1)?.version).toBe(last.version + 1));
    // lean takes a boolean only.
    expect(await emitAck(slim[1]!.socket!, "room:subscribe", { code, lean: "yes" })).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR" } });
    for (const p of players) p.socket!.disconnect();
  });

  it("takes a seat in a research room over the socket only with data consent, given a moment before", async () => {
    const facilitator = await userWithRole(server.url, "FACILITATOR", "sockfac");
    const opened = await facilitator.post("/api/rooms", { visibility: "private", isResearch: true });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const code = opened.body.code as string;
    const p = await guest(server.url, "SockConsent", true);
    // The socket has read its user (a move elsewhere) before the consent below.
    expect(await move(p, { type: "ready", code: "ZZZZ22", ready: true })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await move(p, { type: "join", code })).toMatchObject({ ok: false, error: { code: "CONSENT_REQUIRED", status: 403 } });
    expect((await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: false })).status).toBe(200);
    const joined = await moved(p, { type: "join", code });
    expect(joined.seats.filter((s) => s.userId === p.id)).toHaveLength(1);
    p.socket!.disconnect();
  });
});
