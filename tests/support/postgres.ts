import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Creates an empty database on the PostgreSQL server of TEST_DATABASE_URL (or `base`) and
 * returns its URL. Every test server gets its own, so suites never see each other's rows.
 */
export async function createTestDatabase(base = process.env.TEST_DATABASE_URL): Promise<string> {
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `aedg_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server for tests that need one even on the embedded-database run (several
 * instances sharing a database): TEST_DATABASE_URL's when set, else a throwaway cluster.
 */
export async function ensurePostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  return startPostgresCluster();
}

export interface PostgresCluster extends TestPostgres {
  /** Stops the server (fast shutdown: connections are cut), keeping its data. */
  halt(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  resume(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster from the Debian `postgresql` binaries on a free loopback
 * port, which a test may stop and start (outage tests).
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((b) => existsSync(path.join(b, "initdb")));
  if (!bin) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL, or install the server (apt-get install postgresql).");
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    if (asRoot) {
      const line = [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
      const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", line], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    } else execFileSync(cmd, args, { stdio: "pipe" });
  };
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));
  run(path.join(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8"]);
  const start = () => run(path.join(bin, "pg_ctl"), ["-D", dir, "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, "-l", path.join(dir, "server.log"), "-w", "start"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    halt: async () => run(path.join(bin, "pg_ctl"), ["-D", dir, "-m", "fast", "-w", "stop"]),
    resume: async () => start(),
    stop: async () => {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "stop"]);
      } catch {
        // already stopped
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
