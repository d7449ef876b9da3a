import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "./postgres";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface TestServer {
  url: string;
  dataDir: string;
  databaseUrl?: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM (or `signal`) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  /** Reuse a data directory (restart tests); a fresh one by default. */
  dataDir?: string;
  /** Use this PostgreSQL URL; by default a fresh database on TEST_DATABASE_URL's server when it is set, else PGlite. */
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
  /** Resolve on exit instead of on ready (for tests of refused starts). */
  expectExit?: boolean;
  /** Start through `npm start`'s script instead of running server.ts directly. */
  viaStartScript?: boolean;
  /** Start with `npm start` itself (npm, its shell, the script, the server). */
  viaNpmStart?: boolean;
}

/** A loaded 2-core machine can take minutes to boot several servers at once. */
const START_TIMEOUT_MS = Number(process.env.TEST_SERVER_START_MS) || 200_000;

/** A fresh temporary directory for a server's data. */
export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "aedg-test-"));
}

/**
 * Boots the real server (`server.ts`, production build, random port) in a child process and
 * resolves once it prints its URL.
 */
export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (`npm test` does).");
  const dataDir = opts.dataDir ?? tempDataDir();
  const databaseUrl = opts.databaseUrl ?? (process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl ?? "",
    NEXTAUTH_SECRET: "",
    NEXTAUTH_URL: "",
    ADMIN_USERNAME: "",
    ADMIN_PASSWORD: "",
    // Many test users share 127.0.0.1; tests of the limits themselves set 1.
    RATE_LIMIT_SCALE: "20",
    // Every command's snapshot is compared with the stored state (lib/server/services/room-command.ts).
    SNAPSHOT_SELF_CHECK: "1",
    // `npm start` rebuilds a build older than the sources; tests never rebuild the build other tests are running.
    ...(opts.viaStartScript || opts.viaNpmStart ? { BUILD_ON_START: "missing" } : {}),
    ...opts.env,
  };
  const [command, ...args] = opts.viaNpmStart ? ["npm", "start"] : [process.execPath, ...(opts.viaStartScript ? ["scripts/start.mjs"] : ["--import", "tsx", "server.ts"])];
  const child = spawn(command!, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  // TEST_SERVER_ECHO=1: the server's output goes to the test's stderr as it comes (debugging a failure).
  if (process.env.TEST_SERVER_ECHO) for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (d: Buffer) => process.stderr.write(d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const server: TestServer = {
    url: "",
    dataDir,
    databaseUrl,
    process: child,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
  if (opts.expectExit) {
    await exited;
    return server;
  }

  server.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${START_TIMEOUT_MS / 1000} s:\n${out}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const m = out.match(/> Ready on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
  return server;
}
