import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { eventually } from "../support/game";
import { REPO_ROOT, startTestServer, tempDataDir, type TestServer } from "../support/server";

/**
 * Stopping (issue 17 items 16 and 17): the server exits on SIGTERM even when nobody reads its
 * stdout any more, and `npm start` never leaves a server behind when the process a process
 * manager knows (npm, or the start script) is signalled or killed. Also: `npm start` rebuilds a
 * build older than the sources.
 */
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
});

async function start(opts: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(opts);
  started.push(s.process);
  return s;
}

/** Every process under `pid`, children first (Linux /proc). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const task of tasks) {
    let children = "";
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8");
    } catch {
      continue;
    }
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) found.push(child, ...descendants(child));
  }
  return found;
}

/** Whether the process runs (an exited one nobody has reaped yet, a zombie, does not). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
};

/** Whether nothing accepts connections on the server's port any more. */
function portIsFree(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

const exitOf = (p: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve({ code: p.exitCode, signal: p.signalCode }) : p.once("exit", (code, signal) => resolve({ code, signal }))));

describe("issue 17 item 16 — the server always stops", () => {
  it("exits on SIGTERM after the reader of its stdout has gone", { timeout: 240_000 }, async () => {
    // A deadline far away: the exit must come from the shutdown itself, not from the deadline.
    const s = await start({ env: { LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "600000" } });
    s.process.stdout!.destroy();
    // Answered, and logged at debug only (nothing written to the closed stdout before the signal).
    expect((await new ApiClient(s.url).raw("GET", "/_next/nothing-here")).status).toBe(404);
    expect(await exitOf((s.process.kill("SIGTERM"), s.process))).toEqual({ code: 0, signal: null });
  });

  it("stops cleanly on a SIGTERM that comes while it starts (before it says it is ready)", { timeout: 240_000 }, async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: REPO_ROOT,
      // A start-up on a busy machine can outlast the usual deadline; this test is about the order of things.
      env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: tempDataDir(), LOG_LEVEL: "info", DATABASE_URL: "", NEXTAUTH_SECRET: "", NEXTAUTH_URL: "", NEXT_TELEMETRY_DISABLED: "1", SHUTDOWN_TIMEOUT_MS: "600000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(child);
    let out = "";
    const exited = exitOf(child);
    // Its first line (the generated secret) comes before the database is open.
    await new Promise<void>((resolve) => {
      for (const stream of [child.stdout!, child.stderr!])
        stream.on("data", (d: Buffer) => {
          if (!out) {
            child.kill("SIGTERM");
            resolve();
          }
          out += d.toString();
        });
    });
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).toMatch(/> Stopped/);
  });

  it("exits on SIGTERM after the reader of its stdout has gone, when log lines went there in between", { timeout: 240_000 }, async () => {
    const s = await start({ env: { LOG_LEVEL: "info", SHUTDOWN_TIMEOUT_MS: "600000" } });
    s.process.stdout!.destroy();
    for (let i = 0; i < 5; i++) expect((await new ApiClient(s.url).get("/health")).status).toBe(200);
    expect(await exitOf((s.process.kill("SIGTERM"), s.process))).toEqual({ code: 0, signal: null });
  });

  it("stops by its deadline when the shutdown cannot finish (a stdout nobody reads, full)", { timeout: 120_000 }, async () => {
    const s = await start({ env: { LOG_LEVEL: "debug", SHUTDOWN_TIMEOUT_MS: "2000" } });
    s.process.stdout!.pause();
    // Enough log lines to fill the pipe: the server's writes to stdout now wait for a reader.
    const api = new ApiClient(s.url);
    for (let i = 0; i < 600; i++) await api.get(`/api/rooms/NOPE${i}`);
    const exit = await exitOf((s.process.kill("SIGTERM"), s.process));
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBeNull();
    expect(s.output()).toMatch(/shutdown did not finish within 2000 ms/);
  });
});

describe("issue 17 item 17 — `npm start` stops with the process a process manager signals", () => {
  it("SIGTERM to `npm start` stops the server, frees its port and leaves no process behind", { timeout: 240_000 }, async () => {
    const s = await start({ viaNpmStart: true });
    const tree = descendants(s.process.pid!);
    expect(tree.map(commandLine).join("\n")).toMatch(/server\.ts/);
    s.process.kill("SIGTERM");
    await exitOf(s.process);
    await eventually(async () => expect(await portIsFree(s.url)).toBe(true), 60_000, 200);
    await eventually(() => expect(tree.filter(isRunning).map(commandLine)).toEqual([]), 60_000, 200);
  });

  it("SIGKILL to the start script (nothing can be passed on) still stops the server", { timeout: 240_000 }, async () => {
    const s = await start({ viaStartScript: true });
    const tree = descendants(s.process.pid!);
    expect(tree.length).toBeGreaterThan(0);
    s.process.kill("SIGKILL");
    await exitOf(s.process);
    await eventually(async () => expect(await portIsFree(s.url)).toBe(true), 60_000, 200);
    await eventually(() => expect(tree.filter(isRunning).map(commandLine)).toEqual([]), 60_000, 200);
  });

  it("rebuilds a build older than the sources, and SIGTERM during that build stops the build too", { timeout: 240_000 }, async () => {
    // A build directory of its own (the suite's build stays as it is), stamped with other sources.
    const distDir = `.next-stale-test-${process.pid}`;
    const abs = path.join(REPO_ROOT, distDir);
    mkdirSync(abs, { recursive: true });
    try {
      writeFileSync(path.join(abs, "BUILD_ID"), "stale-build\n");
      writeFileSync(path.join(abs, "source-stamp.json"), JSON.stringify({ sources: "0".repeat(64) }));
      const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: REPO_ROOT, env: { ...process.env, NEXT_DIST_DIR: distDir, PORT: "0", HOST: "127.0.0.1", DATA_DIR: tempDataDir(), NEXT_TELEMETRY_DISABLED: "1", BUILD_ON_START: "" }, stdio: ["ignore", "pipe", "pipe"] });
      started.push(child);
      let out = "";
      for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (d: Buffer) => (out += d.toString()));
      const exited = exitOf(child);
      // Until the script says it rebuilds and the build runs (or the script gives up).
      let building: number[] = [];
      await eventually(
        async () => {
          if (child.exitCode !== null) return;
          building = descendants(child.pid!).filter((pid) => / build\b/.test(commandLine(pid)));
          expect(building.length).toBeGreaterThan(0);
        },
        120_000,
        100,
      );
      expect(out).toMatch(/changed since the last build/);
      const tree = descendants(child.pid!);
      child.kill("SIGTERM");
      const exit = await exited;
      expect(exit.code).not.toBe(0);
      await eventually(() => expect(tree.filter(isRunning).map(commandLine)).toEqual([]), 60_000, 200);
    } finally {
      rmSync(abs, { recursive: true, force: true });
    }
  });
});
