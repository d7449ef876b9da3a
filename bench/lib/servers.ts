import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createTestDatabase, startPostgresCluster } from "../../tests/support/postgres";
import { REPO_ROOT, startTestServer, tempDataDir } from "../../tests/support/server";
import type { Args } from "./args";
import { HttpSession } from "./http";

/**
 * The servers a bench runs against, each in a child process of its own so that its CPU and
 * memory can be read from /proc: the product (server.ts on the production build, through the
 * same helper the integration tests use) and the bare baselines.
 */

export const BENCH_ADMIN = { username: "benchadmin", password: "bench-admin-password" };

/** The database a product server runs on; "given" for a server given by --url. */
export type DbKind = "embedded" | "postgres" | "given";

export interface Database {
  kind: DbKind;
  /** PostgreSQL URL (a fresh database); undefined for the embedded one. */
  url?: string;
  /** Where it runs, for the report. */
  label: string;
  stop(): Promise<void>;
}

/**
 * A database for one product server: embedded PGlite, or a fresh database on the PostgreSQL
 * server of BENCH_DATABASE_URL / TEST_DATABASE_URL, or else on a throwaway cluster.
 */
export async function openDatabase(kind: DbKind, opts: { countQueries?: boolean } = {}): Promise<Database> {
  if (kind === "given") throw new Error("a given server has its own database");
  if (kind === "embedded") return { kind, label: "embedded PGlite", stop: async () => undefined };
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (base && !opts.countQueries) return { kind, url: await createTestDatabase(base), label: `PostgreSQL at ${new URL(base).host}`, stop: async () => undefined };
  const cluster = await startPostgresCluster();
  try {
    if (opts.countQueries) {
      // pg_stat_statements must be preloaded: only on a cluster of our own.
      await sql(cluster.url, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
      await cluster.halt();
      await cluster.resume();
    }
    const url = await createTestDatabase(cluster.url);
    if (opts.countQueries) await sql(url, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    return { kind, url, label: `PostgreSQL (throwaway local cluster, fsync off${opts.countQueries ? ", pg_stat_statements" : ""})`, stop: () => cluster.stop() };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

export interface StatementCount {
  calls: number;
  query: string;
}

/** Statements run in `url`'s database so far, most called first (needs openDatabase's countQueries). */
export async function statementCounts(url: string): Promise<StatementCount[]> {
  const rows = await sql<{ n: string; query: string }>(
    url,
    "SELECT calls::text AS n, query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC",
  );
  return rows.map((r) => ({ calls: Number(r.n), query: r.query.replace(/\s+/g, " ") }));
}

/** Forgets the statements counted so far (all databases of the cluster). */
export async function resetStatementCounts(url: string): Promise<void> {
  await sql(url, "SELECT pg_stat_statements_reset()");
}

export interface ProductServer {
  url: string;
  pid: number;
  /** What the server printed (empty for a server given by URL). */
  output(): string;
  stop(): Promise<void>;
}

/** The server's warnings and errors (pino JSON lines, level ≥ 40), counted by message. */
export function logProblems(output: string): { count: number; top: string[] } {
  const byMessage = new Map<string, number>();
  let count = 0;
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
      if ((entry.level ?? 0) < 40) continue;
      count++;
      const key = `${entry.msg ?? "?"}${entry.err ? `: ${JSON.stringify(entry.err).slice(0, 160)}` : ""}`;
      byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  return { count, top: [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([m, n]) => `${n}× ${m}`) };
}

/**
 * server.ts (production build, random port) on `db`, with sign-in limits opened up for a crowd
 * from one address. With `profileDir`, node writes a CPU profile of the server there when it stops.
 */
export async function startProduct(db: Database, opts: { env?: Record<string, string>; profileDir?: string } = {}): Promise<ProductServer> {
  const env = {
    DATABASE_URL: db.url ?? "",
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    // A thousand guests signing in from 127.0.0.1 within a minute.
    RATE_LIMIT_SCALE: "1000",
    // Players with no think time (throughput) send more than a person's 40 events a second.
    SOCKET_EVENTS_PER_SECOND: "100000",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    // The tests' double-check of every snapshot doubles a command's reads: not what is measured.
    SNAPSHOT_SELF_CHECK: "0",
    ...opts.env,
  };
  if (opts.profileDir) {
    // startTestServer's environment, with node flags it does not take (--cpu-prof is refused in NODE_OPTIONS).
    const child = await startChild("server.ts", [], {
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: tempDataDir(),
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: "",
      ...env,
    }, ["--cpu-prof", `--cpu-prof-dir=${opts.profileDir}`]);
    return { url: child.url, pid: child.pid, output: child.output, stop: child.stop };
  }
  const server = await startTestServer({ databaseUrl: db.url, env });
  return { url: server.url, pid: server.process.pid!, output: server.output, stop: async () => void (await server.stop()) };
}

/**
 * The product server a bench measures: its own (started here on `kind`), or one already
 * running given by `--url` (and `--pid` for its CPU and memory, when it runs on this machine),
 * e.g. the server of a test suite or a deployment.
 */
export async function productServer(args: Args, kind: DbKind, opts: { profileDir?: string; countQueries?: boolean } = {}): Promise<ProductServer & { label: string; databaseUrl?: string }> {
  const url = args.string("url");
  if (url) return { url: url.replace(/\/$/, ""), pid: args.number("pid", NaN), label: `the server at ${url}`, output: () => "", stop: async () => undefined };
  const db = await openDatabase(kind, { countQueries: opts.countQueries });
  try {
    const server = await startProduct(db, opts);
    return {
      ...server,
      label: db.label,
      databaseUrl: db.url,
      stop: async () => {
        await server.stop();
        await db.stop();
      },
    };
  } catch (e) {
    await db.stop();
    throw e;
  }
}

/** Row counts per table, through the API (GET /api/research/debug/counts as the admin). */
export async function rowCounts(baseUrl: string, account = BENCH_ADMIN): Promise<Record<string, number>> {
  const admin = await new HttpSession(baseUrl).signIn(account.username, account.password);
  const r = await admin.patient<{ counts: Record<string, number> }>("GET", "/api/research/debug/counts");
  if (r.status !== 200) throw new Error(`GET /api/research/debug/counts answered ${r.status}`);
  return r.body.counts;
}

export interface ChildServer {
  url: string;
  pid: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `node [...nodeArgs] --import tsx <script> ...args` from the repository root and resolves once it
 * prints `> Ready on <url>`.
 */
export async function startChild(script: string, args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not start within 60 s:\n${out}`));
    }, 60_000);
    child.stdout!.on("data", () => {
      const m = out.match(/> Ready on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready:\n${out}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    process: child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
