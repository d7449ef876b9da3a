import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmRoles, createRoom, fillAndStart, guest, ok } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// Issue 17 item 10: a round summary with one missing answer read "Mean confidence 3 → 3 (−0.5)".
// The room's statistics (what the summary and research show) now compare the same players on
// both sides and say how many they are.
describe("confidence before and after, over the same players", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("leaves out of both means a player who missed one of the two ratings", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Shift${i}`)));
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    let snap = await confirmRoles(room.code, players);
    const code = room.code;
    // Two choose (confidence 3 and 4); the third never does, and the host moves the room on.
    await ok(players[0]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    await ok(players[1]!, `/api/rooms/${code}/rounds/1/choice`, { choice: 1, confidence: 4 });
    snap = await ok(players[0]!, `/api/rooms/${code}/advance`, { reason: "one is missing" });
    expect(snap.phase).toBe("DISCUSSION");
    snap = await ok(players[0]!, `/api/rooms/${code}/advance`, { reason: "enough talk" });
    expect(snap.phase).toBe("CONSENSUS");
    for (const p of players) snap = await ok(p, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 });
    // All three rate the consensus; the one who never chose rates it 5.
    for (const [p, confidence] of [[players[0]!, 4], [players[1]!, 2], [players[2]!, 5]] as const) snap = await ok(p, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence });
    expect(snap.phase).toBe("REVEAL");

    const stats = await players[1]!.api.get(`/api/rooms/${code}/statistics`);
    expect(stats.status).toBe(200);
    const round = stats.body.rounds.find((r: { round: number }) => r.round === 1);
    // Over the two who rated both: (3 + 4) / 2 → (4 + 2) / 2, a shift of −0.5 that adds up.
    expect(round).toMatchObject({ missingChoices: 1, confidencePlayers: 2, meanConfidence: 3.5, meanConsensusConfidence: 3, meanConfidenceShift: -0.5 });
    expect(round.meanConsensusConfidence - round.meanConfidence).toBeCloseTo(round.meanConfidenceShift, 10);
    expect(stats.body.totals).toMatchObject({ confidencePlayers: 2, meanConfidence: 3.5, meanConsensusConfidence: 3, meanConfidenceShift: -0.5 });
  });
});
