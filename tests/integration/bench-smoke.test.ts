import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BenchResult, Row } from "@/bench/lib/report";
import { runBenchSmoke } from "../support/bench";
import { startTestServer, type TestServer } from "../support/server";

// Every bench script (bench/*.ts, `npm run bench`) at its smoke size: it must run to the end
// and print its table with the rows it promises. No figure is asserted — the machine is shared —
// except the one that is not a speed: every move the server accepted is stored.

const ADMIN = { username: "benchadmin", password: "bench-admin-password" };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_SCALE: "1000" } });
});
afterAll(async () => {
  await server?.stop();
});

/** Runs `bench/<name>.ts --smoke ...args`: it must exit 0 with one smoke-size result. */
async function bench(name: string, args: string[] = []): Promise<BenchResult> {
  const { code, out, results } = await runBenchSmoke(name, args);
  expect(code, out).toBe(0);
  expect(results).toHaveLength(1);
  expect(results[0]!.bench).toBe(name);
  expect(results[0]!.smoke).toBe(true);
  expect(results[0]!.machine.cores).toBeGreaterThan(0);
  return results[0]!;
}

function row(result: BenchResult, measure: string | RegExp): Row {
  const found = result.rows.find((r) => (typeof measure === "string" ? r.measure === measure : measure.test(r.measure)));
  expect(found, `row "${measure}" in ${JSON.stringify(result.rows.map((r) => r.measure))}`).toBeDefined();
  return found!;
}

const positive = (r: Row) => {
  expect(typeof r.figure).toBe("number");
  expect(r.figure as number).toBeGreaterThan(0);
  expect(typeof r.baseline).toBe("number");
  expect(r.baseline as number).toBeGreaterThan(0);
};

const onPostgres = !!process.env.TEST_DATABASE_URL;

describe("bench scripts at smoke size", () => {
  it("hub-load: players play whole games; every move the server accepted is stored", async () => {
    const r = await bench("hub-load", ["--url", server.url, "--pid", String(server.process.pid), "--admin", `${ADMIN.username}:${ADMIN.password}`]);
    expect(row(r, "games played to the end").figure).toBe("1 / 1");
    expect(row(r, "games played to the end").baseline).toBe("1 / 1");
    for (const m of ["command round-trip p50", "command round-trip p95", "command round-trip p99", "server CPU, average (100% = one core)", "server CPU per command (all its work ÷ commands sent)", "server RSS, peak"]) positive(row(r, m));
    const moves = row(r, "moves stored / moves accepted");
    const [stored, accepted] = String(moves.figure).split(" / ").map(Number);
    expect(accepted).toBeGreaterThan(0);
    expect(stored).toBe(accepted);
    expect(moves.met).toBe(true);
    expect(row(r, "server errors (5xx)").figure).toBe(0);
    expect(row(r, "commands without an answer (reset, or none in 300 s)").figure).toBe(0);
  });

  it("throughput: rooms at think time 0 are added step by step, product and bare baseline", async () => {
    const r = await bench("throughput", ["--url", server.url, "--pid", String(server.process.pid)]);
    // A loaded machine may finish no command inside one short window; over the steps, some do.
    positive(row(r, /^ {2}peak accepted commands\/s, any latency/));
    expect(typeof row(r, /^ {2}one room alone: commands\/s/).figure).toBe("number");
    expect(row(r, /^accepted commands\/s at p99/).baseline as number).toBeGreaterThan(0);
  });

  it("hub-cost: a real game's room:state payloads broadcast by the product's hub and by a bare server", async () => {
    const r = await bench("hub-cost", ["--url", server.url]);
    positive(row(r, "server CPU per broadcast (3 receivers)"));
    positive(row(r, "wall time per broadcast, until all 3 received"));
    positive(row(r, "room:state payload, median"));
  });

  it("export: the xlsx writer and a plain CSV stream on the same rows", async () => {
    const r = await bench("export");
    positive(row(r, "time to write"));
    positive(row(r, "file size"));
    expect(typeof row(r, "peak RSS growth while writing").figure).toBe("number");
    expect(row(r, "peak RSS growth while writing").target).toBe("≤ 200 MB");
  });

  it("startup: npm start on an empty and on a used data directory, against Next alone", async () => {
    const r = await bench("startup", onPostgres ? ["--db", "postgres"] : []);
    positive(row(r, "first boot (empty DATA_DIR)"));
    positive(row(r, "later boot (same DATA_DIR)"));
    positive(row(r, "bare `node -e` HTTP server (context)"));
  });
});
