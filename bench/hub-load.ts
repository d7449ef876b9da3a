// npm run bench -- hub-load [--players 1000] [--think 1|0.1|2000-10000] [--db embedded|postgres] [--minutes 15] [--cpu-prof DIR] [--count-queries] [--transport socket|http] [--smoke]
//                            [--url URL [--pid PID] [--admin USER:PASSWORD]]   (a running server instead of a fresh one)
//
// A classroom's worth of players (default 1,000 = 334 rooms of 3) play whole games at a
// classroom pace — each player moves 2–10 s after the room's state asks for a move, and chats
// once in most discussions — against the product server in a child process. Measures the
// round-trip of each command (client sends it → room:state with the version it answered has
// reached all three players of the room), checks that every accepted move is stored (row
// counts through the API), and samples the server's CPU and memory. The baseline is a bare
// Socket.IO echo/broadcast server (bench/lib/bare-server.ts) with the same number of players
// making the same moves at the same pace, the payload padded to the size of a real room:state.
import { gamePlan, playBareGame, type BarePlan } from "./lib/bare-player";
import { Args, thinkRange } from "./lib/args";
import { bareCrowd, clientLag, gameCrowd } from "./lib/crowd";
import { playGame } from "./lib/game-player";
import { HttpSession } from "./lib/http";
import { LoadStats } from "./lib/load-stats";
import { ProcessSampler, type ProcessSummary } from "./lib/proc";
import { Report } from "./lib/report";
import { describeWindow, sampleServer } from "./lib/server-gauges";
import { BENCH_ADMIN, logProblems, productServer, resetStatementCounts, rowCounts, startChild, statementCounts, type DbKind, type StatementCount } from "./lib/servers";
import { median, percentile, sleep } from "./lib/stats";

const CLASSROOM: [number, number] = [2000, 10_000];

interface RunResult {
  stats: LoadStats;
  server: ProcessSummary;
  client: { lagP99Ms: number; cpuPercent: number };
  rooms: number;
  finished: number;
  seconds: number;
  failures: string[];
}

/**
 * The answers the server holds for the rooms the crowd played, from the research export
 * (JSON, as the admin; every bench player gave data consent): choices and consensus ratings
 * given (not the ones a timer recorded as missing), and chat messages.
 */
async function answersStored(baseUrl: string, admin: { username: string; password: string }, since: Date, codes: Set<string>) {
  const session = await new HttpSession(baseUrl).signIn(admin.username, admin.password);
  const sheet = async (name: string) => {
    const r = await session.patient<{ sheets: Record<string, Record<string, unknown>[]> }>("GET", `/api/research/export?format=json&test=all&sheet=${name}&from=${encodeURIComponent(since.toISOString())}`);
    if (r.status !== 200) throw new Error(`GET /api/research/export (${name}) answered ${r.status}`);
    return (r.body.sheets[name] ?? []).filter((row) => codes.has(String(row.room_code)));
  };
  const choices = await sheet("choices");
  const ratings = await sheet("consensus_confidence");
  const chat = await sheet("chat");
  return {
    choices: choices.filter((r) => r.missing === false).length,
    missingChoices: choices.filter((r) => r.missing === true).length,
    ratings: ratings.filter((r) => r.missing === false).length,
    missingRatings: ratings.filter((r) => r.missing === true).length,
    chat: chat.length,
  };
}

/** Starts every room after a random pause within one think time, so they do not move in step; prints progress every 15 s. */
async function runRooms<T>(
  groups: T[][],
  think: [number, number],
  play: (g: T[]) => Promise<unknown>,
  seed: number,
  stats: LoadStats,
  label: string,
  limit?: { ms: number; halt: () => Promise<void> },
  serverUrl?: string,
) {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const failures: string[] = [];
  let finished = 0;
  const t0 = performance.now();
  // The server's own view of each window (event-loop delay, GC, CPU), when its /metrics can be read.
  let previous = serverUrl ? await sampleServer(serverUrl) : null;
  // The load generator's own loop in the same window: a busy client inflates what it measures.
  let windowLag = clientLag();
  const progress = setInterval(() => {
    const now = performance.now();
    const w = stats.window(now - 15_000, now);
    const { lagP99Ms } = windowLag.stop();
    windowLag = clientLag();
    const line = `  ${label} ${((now - t0) / 1000).toFixed(0)} s: ${finished}/${groups.length} games over, ${stats.accepted.length} commands accepted, last 15 s: ${(w.accepted / 15).toFixed(1)} /s, round-trip p99 ${percentile(w.roundTrips, 99).toFixed(0)} ms, players' loop p99 ${lagP99Ms.toFixed(0)} ms`;
    if (!serverUrl) return console.log(line);
    void sampleServer(serverUrl).then((sample) => {
      console.log(previous && sample ? `${line}; ${describeWindow(previous, sample, 15)}` : line);
      previous = sample;
    });
  }, 15_000);
  const all = Promise.all(
    groups.map(async (g) => {
      await sleep(rand() * think[1]);
      try {
        await play(g);
        finished++;
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  const stoppedEarly = limit ? await Promise.race([all.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), limit.ms)))]) : (await all, false);
  clearTimeout(timer);
  if (stoppedEarly) await limit!.halt();
  clearInterval(progress);
  windowLag.stop();
  return { finished, failures, stoppedEarly };
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const smoke = args.smoke;
  const players = args.number("players", smoke ? 3 : 1000);
  const rooms = Math.max(1, Math.ceil(players / 3));
  const think = thinkRange(args.string("think") ?? (smoke ? "0.01" : undefined), CLASSROOM);
  const dbKind = (args.string("db") ?? "embedded") as DbKind;
  if (dbKind !== "embedded" && dbKind !== "postgres") throw new Error("--db is embedded or postgres");
  const seed = args.number("seed", 1);
  const transport = args.string("transport") === "http" ? "http" : "socket";
  const [user, password] = (args.string("admin") ?? "").split(":");
  const admin = user && password ? { username: user, password } : BENCH_ADMIN;
  const gameTimeoutMs = Math.max(120_000, think[1] * 200);

  // --cpu-prof DIR: the server child writes a V8 CPU profile there when it stops (read it with bench/lib/cpuprofile.ts).
  // --count-queries (with --db postgres): a cluster of our own with pg_stat_statements, to count the statements per command.
  const countQueries = args.has("count-queries");
  if (countQueries && dbKind !== "postgres") throw new Error("--count-queries needs --db postgres");
  const server = await productServer(args, dbKind, { profileDir: args.string("cpu-prof"), countQueries });
  let statements: StatementCount[] = [];
  let answered = { choices: NaN, ratings: NaN, missingChoices: NaN, missingRatings: NaN, chat: NaN };
  const report = new Report(
    "hub-load",
    `${rooms * 3} players (${rooms} rooms × 3) play whole games, each moving ${think[0] / 1000}–${think[1] / 1000} s after being asked, on ${server.label}`,
    "bare Socket.IO echo/broadcast server (bench/lib/bare-server.ts): same players, same pace, same moves, payload of a room:state's size",
    smoke,
  );

  // ---- the product ----------------------------------------------------------------------------
  const product = new LoadStats();
  const counts: Record<string, number> = {};
  let productRun: RunResult;
  try {
    const before = await rowCounts(server.url, admin);
    const since = new Date(Date.now() - 1000);
    const signInStarted = performance.now();
    const crowd = await gameCrowd({ baseUrl: server.url, rooms, think, stats: product, seed, sizeSampleEvery: 10, dataConsent: true, transport });
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    report.note(`sign-in of ${rooms * 3} guests with sockets (16 at a time) took ${signInSeconds.toFixed(1)} s (not part of the figures)`);
    report.note(`moves sent ${transport === "http" ? "as REST requests (--transport http)" : "over the socket (room:command), as the UI does while connected"}`);
    if (countQueries) await resetStatementCounts(server.databaseUrl!);
    const sampler = new ProcessSampler(server.pid).start();
    const lag = clientLag();
    const t0 = performance.now();
    // --minutes N (15 by default, 0 = no limit): stop the players after N minutes — a server that
    // cannot keep up would take hours; moves already sent are awaited.
    const minutes = args.number("minutes", smoke ? 0 : 15);
    const halt = async () => void (await Promise.all(crowd.flat().map((p) => p.quiesce(120_000))));
    const { finished, failures, stoppedEarly } = await runRooms(crowd, think, (g) => playGame(g, gameTimeoutMs), seed, product, "product", minutes > 0 ? { ms: minutes * 60_000, halt } : undefined, server.url);
    if (stoppedEarly) report.note(`the players were stopped after ${minutes} minutes (--minutes), ${finished} of ${rooms} games over; every figure covers those minutes`);
    if (countQueries) statements = await statementCounts(server.databaseUrl!);
    // A game's last move is broadcast before it is acknowledged: let every answer in flight arrive
    // before the sockets close (a closed socket loses its pending acks).
    await Promise.all(crowd.flat().map((p) => p.quiesce(30_000)));
    productRun = { stats: product, server: sampler.stop(), client: lag.stop(), rooms, finished, failures, seconds: (performance.now() - t0) / 1000 };
    for (const g of crowd) for (const p of g) p.stop();
    // Give the last round-trips a moment to be counted.
    await sleep(200);
    // What the server stored; a run is not thrown away when this cannot be read (the report says so).
    try {
      const codes = new Set(crowd.map((g) => g[0]!.roomCode).filter((c): c is string => !!c));
      answered = await answersStored(server.url, admin, since, codes);
      const after = await rowCounts(server.url, admin);
      for (const [table, n] of Object.entries(after)) counts[table] = n - (before[table] ?? 0);
    } catch (e) {
      report.note(`could not read what the server stored: ${e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}` : String(e)}`);
      const out = server.output().trim().split("\n").slice(-5).join(" | ");
      if (out) report.note(`the server's last lines: ${out.slice(0, 600)}`);
    }
  } finally {
    await server.stop();
  }
  const problems = logProblems(server.output());

  // ---- the baseline: same players, same pace, same number of moves, same payload size ----------
  // The product's moves per game when every game ended; else a 5-round game's phases.
  const plan: BarePlan = productRun.finished === rooms ? gamePlan(Math.max(2, Math.round(product.accepted.length / rooms / 3))) : gamePlan();
  const padBytes = Math.round(median(product.stateBytes)) || 6000;
  const bare = await startChild("bench/lib/bare-server.ts", ["--pad", String(padBytes)]);
  const baseline = new LoadStats();
  let bareRun: RunResult;
  try {
    const crowd = await bareCrowd({ baseUrl: bare.url, rooms, think, stats: baseline, seed, plan });
    const sampler = new ProcessSampler(bare.pid).start();
    const lag = clientLag();
    const t0 = performance.now();
    const { finished, failures } = await runRooms(crowd, think, (g) => playBareGame(g), seed, baseline, "baseline");
    bareRun = { stats: baseline, server: sampler.stop(), client: lag.stop(), rooms, finished, failures, seconds: (performance.now() - t0) / 1000 };
    for (const g of crowd) for (const p of g) p.stop();
    await sleep(200);
  } finally {
    await bare.stop();
  }

  // ---- the table --------------------------------------------------------------------------------
  const p = product.summary();
  const b = baseline.summary();
  const m = product.moves;
  const stored = {
    choices: answered.choices,
    consensusVotes: counts.ConsensusVote ?? NaN,
    consensusRatings: answered.ratings,
    phaseAcks: counts.PhaseAck ?? NaN,
    chatMessages: answered.chat,
  };
  const accepted = { choices: m.choices, consensusVotes: m.consensusVotes.size, consensusRatings: m.consensusRatings, phaseAcks: m.phaseAcks, chatMessages: m.chatMessages };
  const storedTotal = Object.values(stored).reduce((a, v) => a + v, 0);
  const acceptedTotal = product.movesTotal();


  report
    .add({ measure: "games played to the end", figure: `${productRun.finished} / ${rooms}`, baseline: `${bareRun.finished} / ${rooms}` })
    .add({ measure: "command round-trip p50", figure: p.p50, unit: "ms", baseline: b.p50 })
    .add({ measure: "command round-trip p95", figure: p.p95, unit: "ms", baseline: b.p95 })
    .add({ measure: "command round-trip p99", figure: p.p99, unit: "ms", baseline: b.p99, target: "< 100 ms at 1,000 players", met: p.p99 < 100 && rooms * 3 >= 1000 })
    .add({ measure: "chat round-trip p50", figure: p.chatP50, unit: "ms", baseline: b.chatP50 })
    .add({ measure: "chat round-trip p99", figure: p.chatP99, unit: "ms", baseline: b.chatP99 })
    .add({
      measure: "moves stored / moves accepted",
      figure: `${storedTotal} / ${acceptedTotal}`,
      baseline: "—",
      target: "equal, none lost",
      // A move whose answer never came (its connection dropped) may have been applied or not:
      // stored may exceed accepted by at most those; fewer stored than accepted is a lost move.
      met: storedTotal >= acceptedTotal && storedTotal <= acceptedTotal + product.noAnswer,
    })
    .add({ measure: "commands sent", figure: product.sent, unit: "", baseline: baseline.sent })
    .add({ measure: "commands refused (4xx)", figure: product.refused(), unit: "", baseline: baseline.refused() })
    .add({ measure: "server errors (5xx)", figure: product.serverErrors(), unit: "", baseline: baseline.serverErrors() })
    .add({ measure: "commands without an answer (reset, or none in 300 s)", figure: product.noAnswer, unit: "", baseline: baseline.noAnswer })
    .add({ measure: "moves throttled by the hub's event limit, sent again", figure: product.throttled, unit: "", baseline: baseline.throttled })
    .add({ measure: "broadcasts not seen by all three within 10 min", figure: product.missingBroadcasts, unit: "", baseline: baseline.missingBroadcasts })
    .add({ measure: "accepted commands per second (whole run)", figure: product.accepted.length / productRun.seconds, unit: "/s", baseline: baseline.accepted.length / bareRun.seconds })
    .add({ measure: "server CPU, average (100% = one core)", figure: productRun.server.cpuAvgPercent, unit: "%", baseline: bareRun.server.cpuAvgPercent })
    .add({ measure: "server CPU, busiest second", figure: productRun.server.cpuPeakPercent, unit: "%", baseline: bareRun.server.cpuPeakPercent })
    .add({ measure: "server CPU per command (all its work ÷ commands sent)", figure: (productRun.server.cpuSeconds / Math.max(1, product.sent)) * 1000, unit: "ms", baseline: (bareRun.server.cpuSeconds / Math.max(1, baseline.sent)) * 1000 })
    .add({ measure: "server RSS, peak", figure: productRun.server.rssPeakMb, unit: "MB", baseline: bareRun.server.rssPeakMb })
    .add({ measure: "load generator event-loop delay p99", figure: productRun.client.lagP99Ms, unit: "ms", baseline: bareRun.client.lagP99Ms })
    .add({ measure: "load generator CPU, average", figure: productRun.client.cpuPercent, unit: "%", baseline: bareRun.client.cpuPercent })
    .add({ measure: "game time (first move to last game's end)", figure: productRun.seconds, unit: "s", baseline: bareRun.seconds });

  if (countQueries) {
    const calls = statements.reduce((a, q) => a + q.calls, 0);
    const moves = product.sent + product.chatsSent;
    report.add({ measure: "database statements per move (commands + chat messages)", figure: calls / Math.max(1, moves), unit: "", baseline: 0 });
    report.note(`statements during play, most run first (calls per move): ${statements.slice(0, 25).map((q) => `${(q.calls / Math.max(1, moves)).toFixed(2)}× ${q.query.slice(0, 110)}`).join(" ‖ ")}`);
  }
  report.note(
    `stored vs accepted per table: ${Object.keys(stored)
      .map((k) => `${k} ${stored[k as keyof typeof stored]}/${accepted[k as keyof typeof accepted]}`)
      .join(", ")} (choices, ratings and chat from the research export of the run's rooms, JSON; votes and acknowledgements from row counts of GET /api/research/debug/counts, after the run minus before)`,
  );
  report.note(`answers the phase timers recorded as missing: ${answered.missingChoices} choices, ${answered.missingRatings} consensus ratings (Choice rows ${counts.Choice ?? "?"}, ConsensusConfidence rows ${counts.ConsensusConfidence ?? "?"}, ChatMessage rows ${counts.ChatMessage ?? "?"})`);
  if (problems.count) report.note(`the server logged ${problems.count} warnings/errors: ${problems.top.join("; ")}`);
  if (product.refusals.size) report.note(`refused: ${[...product.refusals].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  report.note(`answers by status: ${[...product.statuses].sort().map(([s, n]) => `${s}×${n}`).join(", ")}; round-trips measured: ${p.measured}, commands that changed nothing: ${product.unchanged}, rooms read again after 60 s of silence: ${product.refetches}, lean states whose text the player lacked (room read): ${product.textReads}`);
  report.note(`baseline: ${plan.steps} steps per game (${productRun.finished === rooms ? "the product's accepted moves per room ÷ 3" : "a 5-round game's phases"}), payload ${padBytes} bytes (median room:state)`);
  for (const e of [...product.errors.slice(0, 5), ...productRun.failures.slice(0, 5)]) report.note(`product: ${e}`);
  for (const e of [...baseline.errors.slice(0, 3), ...bareRun.failures.slice(0, 3)]) report.note(`baseline: ${e}`);
  report.print();
}

if (process.argv[1] && /hub-load\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
