// npm run bench -- startup [--repeat 3] [--db embedded|postgres] [--smoke]
//
// `npm start` (node scripts/start.mjs) on a built tree, from spawning it to the first
// `GET /health` answering 200 with status "ok": the first boot on an empty DATA_DIR (the
// embedded database's initdb, every migration, the scenario library, the first admin), then
// later boots on the same DATA_DIR. Baseline: Next.js alone on the same build
// (bench/lib/bare-next.ts: next() + prepare() and an HTTP server, no database, no hub), the
// floor any boot of this app pays; a bare `node -e` HTTP server is shown for context.
import { spawn } from "node:child_process";
import { startTestServer, tempDataDir } from "../tests/support/server";
import { Args } from "./lib/args";
import { Report } from "./lib/report";
import { openDatabase, startChild, type DbKind } from "./lib/servers";
import { median, sleep } from "./lib/stats";

interface Booted {
  url: string;
  stop(): Promise<unknown>;
}

/** Milliseconds from calling `start` until GET /health answers 200 with status "ok"; stops it after. */
async function bootTime(start: () => Promise<Booted>): Promise<number> {
  const t0 = performance.now();
  const booted = await start();
  try {
    for (;;) {
      const r = await fetch(`${booted.url}/health`).catch(() => null);
      if (r?.ok && ((await r.json().catch(() => null)) as { status?: string } | null)?.status === "ok") return performance.now() - t0;
      if (performance.now() - t0 > 180_000) throw new Error(`no healthy /health at ${booted.url} after 180 s`);
      await sleep(20);
    }
  } finally {
    await booted.stop();
  }
}

/** A bare Node HTTP server answering /health, started with `node -e`. */
function bareNode(): Promise<Booted> {
  const code = `const s=require("http").createServer((q,r)=>r.end('{"status":"ok"}')).listen(0,"127.0.0.1",()=>console.log("> Ready on http://127.0.0.1:"+s.address().port));process.on("SIGTERM",()=>process.exit(0))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.match(/> Ready on (http:\/\/\S+)/);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) });
    });
    child.once("error", reject);
  });
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const smoke = args.smoke;
  const repeat = args.number("repeat", smoke ? 1 : 5);
  const kind = (args.string("db") ?? "embedded") as DbKind;
  const db = await openDatabase(kind);
  const report = new Report(
    "startup",
    `\`npm start\` (node scripts/start.mjs) on a built tree until GET /health is ok, on ${db.label}; later boots: median of ${repeat}`,
    "Next.js alone on the same build (next() + prepare() + an HTTP server; no database, no hub)",
    smoke,
  );
  try {
    const dataDir = tempDataDir();
    const product = () => startTestServer({ viaStartScript: true, dataDir, databaseUrl: db.url, env: { DATABASE_URL: db.url ?? "", ADMIN_USERNAME: "benchadmin", ADMIN_PASSWORD: "bench-admin-password" } });
    const first = await bootTime(product);
    console.log(`  first boot: ${first.toFixed(0)} ms`);
    const later: number[] = [];
    const nextOnly: number[] = [];
    const nodeOnly: number[] = [];
    for (let i = 0; i < repeat; i++) {
      later.push(await bootTime(product));
      nextOnly.push(await bootTime(() => startChild("bench/lib/bare-next.ts", [], { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" })));
      nodeOnly.push(await bootTime(bareNode));
      console.log(`  run ${i + 1}: later boot ${later[i]!.toFixed(0)} ms, Next alone ${nextOnly[i]!.toFixed(0)} ms, node -e ${nodeOnly[i]!.toFixed(0)} ms`);
    }
    const s = (ms: number) => ms / 1000;
    report
      .add({ measure: "first boot (empty DATA_DIR)", figure: s(first), unit: "s", baseline: s(median(nextOnly)), target: "≤ 15 s", met: first <= 15_000 })
      .add({ measure: "later boot (same DATA_DIR)", figure: s(median(later)), unit: "s", baseline: s(median(nextOnly)), target: "≤ 5 s", met: median(later) <= 5000 })
      .add({ measure: "bare `node -e` HTTP server (context)", figure: s(median(nodeOnly)), unit: "s", baseline: s(median(nextOnly)) })
      .note(`the clock runs from spawning \`node scripts/start.mjs\` (which spawns server.ts through tsx) to the first healthy GET /health; the build exists (${process.env.NEXT_DIST_DIR || ".next"}), so start.mjs does not build`)
      .note(`every boot: first ${s(first).toFixed(1)} s; later ${later.map((v) => s(v).toFixed(1)).join(", ")} s; Next alone ${nextOnly.map((v) => s(v).toFixed(1)).join(", ")} s`);
  } finally {
    await db.stop();
  }
  report.print();
}

if (process.argv[1] && /startup\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
