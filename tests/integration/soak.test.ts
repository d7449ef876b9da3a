import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, playRound, subscribe, type Player } from "../support/game";
import { inspect, type Inspector } from "../support/inspector";
import { parsePrometheus, sampleValue } from "../support/prometheus";
import { startTestServer, type TestServer } from "../support/server";

/**
 * SECURITY.md 34: a soak. Batches of whole games (sockets, chat, every round) are played one
 * after another; between batches the server's memory is read through its V8 inspector after a
 * full garbage collection (what is retained, not what is merely not yet collected), and its
 * own metrics. Open handles must come back to where they were once the players leave, and the
 * retained heap must not climb from batch to batch once warmed up. Event-loop lag is printed,
 * not asserted (shared machine).
 */

const BATCHES = Number(process.env.SOAK_BATCHES) || 6;
const GAMES_PER_BATCH = 2;

let server: TestServer;
let inspector: Inspector;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_OPTIONS: "--inspect=127.0.0.1:0" } });
  inspector = await inspect(server);
});
afterAll(async () => {
  inspector?.close();
  await server?.stop();
});

async function sample() {
  await inspector.collectGarbage();
  const heap = await inspector.evaluate<number>("process.memoryUsage().heapUsed");
  const r = await new ApiClient(server.url).raw("GET", "/metrics");
  const m = parsePrometheus(await r.text());
  return {
    heap,
    rss: sampleValue(m, "aedg_process_resident_memory_bytes"),
    handles: sampleValue(m, "aedg_nodejs_active_handles_total"),
    lagP99: sampleValue(m, "aedg_nodejs_eventloop_lag_p99_seconds"),
    sockets: sampleValue(m, "aedg_socket_connections"),
  };
}

async function playGame(batch: number, game: number): Promise<void> {
  const players: Player[] = await Promise.all([1, 2, 3].map((i) => guest(server.url, `S${batch}g${game}p${i}`, true)));
  const room = await createRoom(players[0]!);
  for (const p of players) await subscribe(p, room.code);
  await fillAndStart(room.code, players);
  let snap = await confirmRoles(room.code, players);
  for (let round = 1; round <= snap.totalRounds; round++) {
    await players[round % 3]!.socket!.timeout(5000).emitWithAck("chat:send", { code: room.code, text: `round ${round}, batch ${batch}` });
    snap = await playRound(room.code, players, round, round % 3, round % 2);
  }
  expect(snap.phase).toBe("FINISHED");
  for (const p of players) p.socket!.disconnect();
}

describe("soak", () => {
  it("SECURITY 34 — keeps memory and open handles flat over many games", async () => {
    const base = await sample();
    const after: Awaited<ReturnType<typeof sample>>[] = [];
    for (let b = 0; b < BATCHES; b++) {
      await Promise.all(Array.from({ length: GAMES_PER_BATCH }, (_, g) => playGame(b, g)));
      // Once every player has left, the server holds no sockets for them.
      after.push(await eventually(async () => {
        const s = await sample();
        expect(s.sockets).toBe(0);
        return s;
      }));
    }
    const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [`soak: ${BATCHES} batches × ${GAMES_PER_BATCH} games`, `baseline retained heap ${mb(base.heap)}, rss ${mb(base.rss)}, handles ${base.handles}`]
        .concat(after.map((s, i) => `batch ${i + 1}: retained heap ${mb(s.heap)}, rss ${mb(s.rss)}, handles ${s.handles}, event-loop lag p99 ${(s.lagP99 * 1000).toFixed(1)} ms`))
        .join("\n"),
    );
    // Handles: sockets and timers of finished games are released. The first batch opens what
    // stays open by design — the database pool's connections (up to DATABASE_POOL_SIZE) and the
    // HTTP clients' keep-alive connections (the server keeps idle ones a minute) — so the
    // count after the last batch is compared with the count after the first: a leak grows with
    // every batch, a pool does not. On failure, the kinds still open say why.
    const warmHandles = Math.max(base.handles, after[0]!.handles);
    await eventually(async () => {
      const s = await sample();
      const kinds = await inspector.evaluate<string[]>(
        "process._getActiveHandles().map((h) => (h && h.constructor && h.constructor.name) || typeof h)",
      );
      expect(s.handles, `open handles ${s.handles} (after the first batch ${warmHandles}, at start ${base.handles}): ${kinds.join(", ")}`).toBeLessThanOrEqual(warmHandles + 5);
    }, 30_000, 1_000);
    // Retained heap: after the first (warm-up) batch, more games leave no more behind than a
    // little noise (a leak of even a few KB per game would add up over the batches).
    const warm = after[0]!.heap;
    const last = after.at(-1)!.heap;
    expect(last, `retained heap went from ${mb(warm)} to ${mb(last)}`).toBeLessThan(warm * 1.1 + 8 * 1024 * 1024);
  });
});
