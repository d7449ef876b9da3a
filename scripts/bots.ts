// npm run bots -- --url http://localhost:3000 --rooms 10 [--think 200-800ms] [--scenario <id> | --custom-game <code>]
//                 [--misbehave none|drop|leave|invalid|mixed] [--seed <n>]
// Simulated players fill rooms and play whole games through the public API and socket.
import { parseArgs } from "node:util";
import { playRoom, seededRandom, type Bot, type BotResult, type Misbehaviour } from "../lib/bots/bot";

const USAGE = `Usage: npm run bots -- [options]

Simulated players (three per room) open rooms and play whole games through the public API
and socket, exactly as the web client does.

Options:
  --url <url>             server to play on (default http://localhost:3000)
  --rooms <n>             rooms played at the same time, 1-1000 (default 1)
  --think <min-max>       think time before each move, in ms: "200-800", "200-800ms",
                          or one value such as "500ms" (default 200-800)
  --scenario <id>         play this scenario (its uuid, from GET /api/scenarios)
  --custom-game <code>    play this published custom game (e.g. GABC234)
  --misbehave <mode>      one bot per room misbehaves (default none):
                            drop     loses its connection in a discussion and comes back
                            leave    leaves for good in round 2; a newcomer takes the seat
                            invalid  sends invalid commands, which must all be refused (4xx)
                            mixed    rooms take turns: none, drop, leave, invalid
  --seed <n>              repeatable choices and think times
  -h, --help              show this help

Exit code: 0 when every room finished with no 5xx answer and every misbehaviour was
handled; 1 otherwise; 2 for invalid options.`;

const MODES = ["none", "drop", "leave", "invalid", "mixed"] as const;
type Mode = (typeof MODES)[number];

interface Options {
  url: string;
  rooms: number;
  think: [number, number];
  room: Record<string, string>;
  mode: Mode;
  seed: number | null;
}

class UsageError extends Error {}

/** "200-800", "200-800ms", "200ms-800ms", "500" or "500ms" → [min, max]. */
function parseThink(text: string): [number, number] {
  const m = /^\s*(\d+)\s*(?:ms)?\s*(?:-\s*(\d+)\s*(?:ms)?)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`--think must be MIN-MAX in milliseconds, e.g. 200-800 or 200-800ms (got "${text}")`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max < min) throw new UsageError(`--think: ${max} is less than ${min}`);
  if (max > 600_000) throw new UsageError("--think: at most 600000 ms");
  return [min, max];
}

function parseOptions(argv: string[]): Options | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: "string", default: "http://localhost:3000" },
        rooms: { type: "string", default: "1" },
        think: { type: "string", default: "200-800" },
        scenario: { type: "string" },
        "custom-game": { type: "string" },
        misbehave: { type: "string", default: "none" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) return "help";
  let url: URL;
  try {
    url = new URL(values.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw new UsageError(`--url must be an http(s) URL (got "${values.url}")`);
  }
  if (!/^\d+$/.test(values.rooms) || Number(values.rooms) < 1 || Number(values.rooms) > 1000) throw new UsageError(`--rooms must be a whole number from 1 to 1000 (got "${values.rooms}")`);
  if (!(MODES as readonly string[]).includes(values.misbehave)) throw new UsageError(`--misbehave must be one of ${MODES.join(", ")} (got "${values.misbehave}")`);
  if (values.scenario && values["custom-game"]) throw new UsageError("give --scenario or --custom-game, not both");
  if (values.scenario && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.scenario)) throw new UsageError(`--scenario takes a scenario id (a uuid; got "${values.scenario}")`);
  if (values["custom-game"] !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(values["custom-game"])) throw new UsageError(`--custom-game takes a game code such as GABC234 (got "${values["custom-game"]}")`);
  if (values.seed !== undefined && !/^\d{1,9}$/.test(values.seed)) throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
  return {
    url: url.origin + url.pathname.replace(/\/+$/, ""),
    rooms: Number(values.rooms),
    think: parseThink(values.think),
    room: values.scenario ? { scenarioId: values.scenario } : values["custom-game"] ? { customGameCode: values["custom-game"].toUpperCase() } : {},
    mode: values.misbehave as Mode,
    seed: values.seed === undefined ? null : Number(values.seed),
  };
}

interface RoomRun {
  index: number;
  code: string;
  ok: boolean;
  seconds: number;
  results: BotResult[];
  bots: Bot[];
  failure?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function main() {
  let opts: Options | "help";
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`bots: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts === "help") {
    console.log(USAGE);
    return;
  }
  const { url, rooms, think, mode } = opts;
  const health = await fetch(`${url}/health`).catch(() => null);
  if (!health?.ok) {
    console.error(`No healthy server at ${url} (GET /health ${health ? `answered ${health.status}` : "did not answer"}).`);
    process.exit(1);
  }

  console.log(`${plural(rooms, "room")} × 3 bots on ${url}, thinking ${think[0]}-${think[1]} ms${mode !== "none" ? `, misbehaving: ${mode}` : ""}${opts.seed !== null ? `, seed ${opts.seed}` : ""}`);
  const started = Date.now();
  const statuses = new Map<number, number>();
  const runs = Array.from({ length: rooms }, async (_, i): Promise<RoomRun> => {
    const misbehave: Misbehaviour = mode === "mixed" ? (["none", "drop", "leave", "invalid"] as const)[i % 4] : mode;
    const bots: Bot[] = [];
    const roomStarted = Date.now();
    try {
      const results = await playRoom({
        baseUrl: url,
        prefix: `Bot${i + 1}-`,
        think,
        room: opts.room,
        // The misbehaving bot is not the one who opens (and hosts) the room.
        misbehaviours: ["none", misbehave, "none"],
        random: opts.seed === null ? undefined : seededRandom(opts.seed + i),
        onBot: (b) => bots.push(b),
        onCommand: ({ status }) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
        log: (m) => console.log(`  room ${i + 1}: ${m}`),
      });
      const seconds = (Date.now() - roomStarted) / 1000;
      const ok = results.some((r) => r.phase === "FINISHED");
      const refused = results.reduce((n, r) => n + r.commandsRefused, 0);
      const sent = results.reduce((n, r) => n + r.commandsSent, 0);
      console.log(`  room ${i + 1} (${results[0]!.code}): ${ok ? "FINISHED" : results[0]!.phase} in ${seconds.toFixed(1)} s · ${sent} commands, ${refused} refused`);
      return { index: i + 1, code: results[0]!.code, ok, seconds, results, bots };
    } catch (e) {
      const failure = e instanceof Error ? e.message : String(e);
      console.log(`  room ${i + 1}: failed — ${failure}`);
      for (const b of bots) b.stop();
      return { index: i + 1, code: bots[0]?.code ?? "?", ok: false, seconds: (Date.now() - roomStarted) / 1000, results: [], bots, failure };
    }
  });
  const done = await Promise.all(runs);

  const finished = done.filter((r) => r.ok).length;
  const errors = done.flatMap((r) => [...(r.failure ? [`room ${r.index}: ${r.failure}`] : []), ...r.results.flatMap((x) => x.errors.map((e) => `room ${r.index} (${r.code}): ${e}`))]);
  const allBots = done.flatMap((r) => r.bots);
  const drops = allBots.flatMap((b) => b.drops);
  const dropsBack = drops.filter((d) => d.after !== null && d.after.seat === d.before.seat && d.after.role === d.before.role).length;
  const leaves = done.filter((r) => r.results.length > 3);
  const probes = allBots.flatMap((b) => b.probes);
  const badProbes = probes.filter((p) => p.status < 400 || p.status >= 500 || !p.unchanged);
  const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const answers = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`);

  console.log(`\nSummary`);
  console.log(`  rooms finished  ${finished}/${rooms}`);
  console.log(`  time            ${((Date.now() - started) / 1000).toFixed(1)} s${done.length ? ` (room median ${median(done.map((r) => r.seconds)).toFixed(1)} s)` : ""}`);
  console.log(`  HTTP answers    ${answers.join(", ") || "none"}${fiveHundreds ? `  ← ${fiveHundreds} server error(s)` : ""}`);
  if (mode !== "none") {
    const parts: string[] = [];
    if (drops.length || mode === "drop" || mode === "mixed") parts.push(`drop: ${dropsBack}/${drops.length} got their seat back`);
    if (leaves.length || mode === "leave" || mode === "mixed") parts.push(`leave: ${leaves.length} replaced by a newcomer`);
    if (probes.length || mode === "invalid" || mode === "mixed") parts.push(`invalid: ${probes.length - badProbes.length}/${probes.length} commands refused with a 4xx and changed nothing`);
    console.log(`  misbehaviour    ${parts.join(" · ")}`);
    for (const p of badProbes.slice(0, 10)) console.log(`    ✗ "${p.name}" ${p.method} ${p.path} → ${p.status}${p.unchanged ? "" : ", room changed"}`);
  }
  console.log(`  errors          ${errors.length ? "" : "none"}`);
  for (const e of errors.slice(0, 20)) console.log(`    ${e}`);
  if (errors.length > 20) console.log(`    … and ${errors.length - 20} more`);

  const ok = finished === rooms && fiveHundreds === 0 && errors.length === 0 && badProbes.length === 0 && dropsBack === drops.length;
  process.exit(ok ? 0 : 1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
