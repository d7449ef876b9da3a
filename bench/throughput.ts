// npm run bench -- throughput [--db embedded|postgres|both] [--window 10] [--max-rooms 128] [--transport socket|http] [--states lean|full] [--smoke] [--cpu-prof DIR] [--url URL [--pid PID]]
//
// The throughput ceiling: players move the moment the room asks (think time 0), and rooms are
// added step by step (1, 2, 3, 4, 6, 8, 12, …); at each step the command round-trip (command
// → room:state at all three players) is measured over a window. The ceiling is the rate of
// accepted commands at the last step whose p99 stayed within 100 ms; past it, rooms are still
// added while the rate grows, for the peak rate at any latency. Each room plays game
// after game. Run on the embedded database and on a PostgreSQL server (BENCH_DATABASE_URL or
// TEST_DATABASE_URL, else a throwaway local cluster). Baseline: the same procedure against the
// bare Socket.IO echo/broadcast server.
import { Args } from "./lib/args";
import { gamePlan, playBareGame, type BarePlayer } from "./lib/bare-player";
import { bareCrowd, clientLag, gameCrowd } from "./lib/crowd";
import { playGame, type GamePlayer } from "./lib/game-player";
import { LoadStats } from "./lib/load-stats";
import { ProcessSampler } from "./lib/proc";
import { Report } from "./lib/report";
import { productServer, startChild, type DbKind } from "./lib/servers";
import { percentile, sleep } from "./lib/stats";

const P99_LIMIT_MS = 100;
const STEPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256];

export interface Step {
  rooms: number;
  p50: number;
  p99: number;
  perSecond: number;
  serverCpu: number;
  clientLagP99: number;
  samples: number;
}

export interface Ceiling {
  steps: Step[];
  /** The last step within the limit (undefined when even one room was over it). */
  best?: Step;
  /** The first step over the limit (undefined when the largest step stayed within it). */
  over?: Step;
  /** The step with the most commands per second, whatever its latency. */
  peak?: Step;
  errors: string[];
}

interface Room {
  stop(): void;
}

/**
 * Adds rooms that play game after game, step by step, until p99 passes the limit (or the
 * largest step). `addRooms` signs in and starts `n` more rooms, `pid` is the server's.
 */
async function climb(opts: {
  stats: LoadStats;
  pid: number;
  addRooms: (n: number, first: number) => Promise<Room[]>;
  /** One game played before the first step (loads every route, warms the JIT); not measured. */
  warmUp: () => Promise<unknown>;
  maxRooms: number;
  warmupMs: number;
  windowMs: number;
  log: (line: string) => void;
}): Promise<Ceiling> {
  const rooms: Room[] = [];
  const steps: Step[] = [];
  let best: Step | undefined;
  let over: Step | undefined;
  try {
    await opts.warmUp();
    for (const target of STEPS.filter((s) => s <= opts.maxRooms)) {
      rooms.push(...(await opts.addRooms(target - rooms.length, rooms.length)));
      await sleep(opts.warmupMs);
      const sampler = new ProcessSampler(opts.pid, 500).start();
      const lag = clientLag();
      const from = performance.now();
      await sleep(opts.windowMs);
      const to = performance.now();
      const cpu = sampler.stop();
      const client = lag.stop();
      // Round-trips of commands sent in the window; wait until the slowest could have come back.
      await sleep(Math.min(2000, opts.windowMs / 2));
      const w = opts.stats.window(from, to);
      const step: Step = {
        rooms: target,
        p50: percentile(w.roundTrips, 50),
        p99: percentile(w.roundTrips, 99),
        perSecond: w.accepted / ((to - from) / 1000),
        serverCpu: cpu.cpuAvgPercent,
        clientLagP99: client.lagP99Ms,
        samples: w.roundTrips.length,
      };
      steps.push(step);
      opts.log(`  ${String(target).padStart(3)} rooms: ${step.perSecond.toFixed(0).padStart(5)} commands/s, p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, server CPU ${step.serverCpu.toFixed(0)}%, client lag p99 ${step.clientLagP99.toFixed(0)} ms`);
      if (!(step.p99 <= P99_LIMIT_MS)) over ??= step;
      else if (!over) best = step;
      // Past the limit, more rooms are added while the rate still grows (≥ 10% a step), to find the peak.
      if (over) {
        const before = steps.length > 1 ? Math.max(...steps.slice(0, -1).map((x) => x.perSecond)) : 0;
        if (step !== over && step.perSecond < before * 1.1) break;
        if (step.p99 > 5000) break;
      }
    }
  } finally {
    for (const r of rooms) r.stop();
  }
  const peak = steps.length ? steps.reduce((a, b) => (b.perSecond > a.perSecond ? b : a)) : undefined;
  return { steps, best, over, peak, errors: opts.stats.errors };
}

/** Rooms of the product playing game after game, and a warm-up game. */
function productRooms(baseUrl: string, stats: LoadStats, seed: number, transport: "socket" | "http", lean: boolean) {
  return {
    addRooms: async (n: number, first: number): Promise<Room[]> => {
      const groups = await gameCrowd({ baseUrl, rooms: n, think: [0, 0], stats, seed, firstRoom: first, concurrency: 8, transport, lean });
      return groups.map((g) => loop(g, () => playGame(g, 120_000), stats));
    },
    warmUp: async () => {
      const [g] = await gameCrowd({ baseUrl, rooms: 1, think: [0, 0], stats: new LoadStats(), seed: seed + 7, firstRoom: 999, transport, lean });
      await playGame(g!, 120_000);
      for (const p of g!) p.stop();
    },
  };
}

function bareRooms(baseUrl: string, stats: LoadStats, seed: number) {
  const plan = gamePlan();
  return {
    addRooms: async (n: number, first: number): Promise<Room[]> => {
      const groups = await bareCrowd({ baseUrl, rooms: n, think: [0, 0], stats, seed, firstRoom: first, plan, concurrency: 8 });
      return groups.map((g) => loop(g, () => playBareGame(g), stats));
    },
    warmUp: async () => {
      const [g] = await bareCrowd({ baseUrl, rooms: 1, think: [0, 0], stats: new LoadStats(), seed: seed + 7, firstRoom: 999, plan });
      await playBareGame(g!);
      for (const p of g!) p.stop();
    },
  };
}

function loop(players: (GamePlayer | BarePlayer)[], game: () => Promise<unknown>, stats: LoadStats): Room {
  let stopped = false;
  void (async () => {
    while (!stopped) {
      try {
        await game();
      } catch (e) {
        if (!stopped) stats.error(e instanceof Error ? e.message : String(e));
        await sleep(500);
      }
    }
  })();
  return {
    stop: () => {
      stopped = true;
      for (const p of players) p.stop();
    },
  };
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const smoke = args.smoke;
  // Smoke runs stay on the embedded database unless a PostgreSQL server is given.
  const which = args.string("db") ?? (smoke && !process.env.BENCH_DATABASE_URL && !process.env.TEST_DATABASE_URL ? "embedded" : "both");
  const kinds: DbKind[] = which === "both" ? ["embedded", "postgres"] : [which as DbKind];
  if (!kinds.every((k) => k === "embedded" || k === "postgres")) throw new Error("--db is embedded, postgres or both");
  const windowMs = args.number("window", smoke ? 3 : 10) * 1000;
  const warmupMs = smoke ? 500 : 3000;
  const maxRooms = args.number("max-rooms", smoke ? 2 : 128);
  const seed = args.number("seed", 1);
  const transport = args.string("transport") === "http" ? "http" : "socket";
  const states = args.string("states") ?? "lean";
  if (states !== "lean" && states !== "full") throw new Error("--states is lean or full");
  const lean = states === "lean";
  const report = new Report(
    "throughput",
    `think time 0, rooms added (${STEPS.filter((s) => s <= maxRooms).join(", ")}) until the command round-trip p99 passes ${P99_LIMIT_MS} ms; ${windowMs / 1000} s window per step`,
    "bare Socket.IO echo/broadcast server, same procedure",
    smoke,
  );
  const log = (line: string) => console.log(line);

  // The baseline first: the ceiling of this machine and load generator with no product behind.
  console.log("bare Socket.IO server:");
  const bare = await startChild("bench/lib/bare-server.ts", ["--pad", "8000"]);
  let base: Ceiling;
  try {
    const stats = new LoadStats();
    base = await climb({ stats, pid: bare.pid, ...bareRooms(bare.url, stats, seed), maxRooms, warmupMs, windowMs, log });
  } finally {
    await bare.stop();
  }

  const results: { kind: DbKind; label: string; ceiling: Ceiling; throttled: number }[] = [];
  // With --url, the given server alone (its database is whatever it runs on).
  for (const kind of args.string("url") ? (["given" as DbKind]) : kinds) {
    const server = await productServer(args, kind, { profileDir: args.string("cpu-prof") });
    console.log(`product on ${server.label}:`);
    try {
      const stats = new LoadStats();
      const ceiling = await climb({ stats, pid: server.pid, ...productRooms(server.url, stats, seed, transport, lean), maxRooms, warmupMs, windowMs, log });
      results.push({ kind, label: server.label, ceiling, throttled: stats.throttled });
    } finally {
      await server.stop();
    }
  }

  const fmtCeiling = (c: Ceiling) => (c.best ? c.best.perSecond : 0);
  const where = (c: Ceiling) =>
    c.best ? `${c.best.rooms} rooms, p99 ${c.best.p99.toFixed(0)} ms${c.over ? `; ${c.over.rooms} rooms: p99 ${c.over.p99.toFixed(0)} ms` : "; limit not reached"}` : `1 room already p99 ${c.over?.p99.toFixed(0)} ms`;
  for (const r of results) {
    const c = r.ceiling;
    report.add({
      measure: `accepted commands/s at p99 ≤ ${P99_LIMIT_MS} ms, ${r.label}`,
      figure: fmtCeiling(c),
      unit: "/s",
      baseline: fmtCeiling(base),
      target: r.kind === "postgres" ? "≥ 1,000 /s on PostgreSQL" : "",
      met: r.kind === "postgres" ? fmtCeiling(c) >= 1000 : undefined,
    });
    report.add({ measure: `  where (${r.kind})`, figure: where(c), baseline: where(base) });
    if (c.peak) report.add({ measure: `  peak accepted commands/s, any latency (${r.kind})`, figure: c.peak.perSecond, unit: "/s", baseline: base.peak?.perSecond });
    if (c.peak) report.add({ measure: `  at the peak: rooms, p50 / p99 (${r.kind})`, figure: `${c.peak.rooms} rooms, ${c.peak.p50.toFixed(0)} / ${c.peak.p99.toFixed(0)} ms`, baseline: base.peak ? `${base.peak.rooms} rooms, ${base.peak.p50.toFixed(0)} / ${base.peak.p99.toFixed(0)} ms` : undefined });
    if (c.best) report.add({ measure: `  server CPU at that step (${r.kind})`, figure: c.best.serverCpu, unit: "%", baseline: base.best?.serverCpu });
    const one = c.steps[0];
    if (one) report.add({ measure: `  one room alone: p50 round-trip (${r.kind})`, figure: one.p50, unit: "ms", baseline: base.steps[0]?.p50 });
    if (one) report.add({ measure: `  one room alone: commands/s (${r.kind})`, figure: one.perSecond, unit: "/s", baseline: base.steps[0]?.perSecond });
    for (const e of c.errors.slice(0, 3)) report.note(`${r.kind}: ${e}`);
    if (r.throttled) report.note(`${r.kind}: ${r.throttled} moves throttled by the hub's per-socket event limit (a player at think time 0 can pass it), waited out and sent again`);
  }
  report.note(lean ? "the product's players subscribed for lean states (room:lean-state), as the UI does" : "the product's players subscribed for whole snapshots (room:state; --states full)");
  report.note(`the product's moves went ${transport === "http" ? "as REST requests (--transport http)" : "over the socket (room:command), as the UI does while connected"}`);
  report.note(`every step: ${[...results.map((r) => `${r.kind}: ${r.ceiling.steps.map((s) => `${s.rooms}→${s.perSecond.toFixed(0)}/s p99 ${s.p99.toFixed(0)}`).join(", ")}`), `bare: ${base.steps.map((s) => `${s.rooms}→${s.perSecond.toFixed(0)}/s p99 ${s.p99.toFixed(0)}`).join(", ")}`].join(" | ")}`);
  report.note("the load generator runs on the same machine; its event-loop delay is printed per step above");
  report.print();
}

if (process.argv[1] && /throughput\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
