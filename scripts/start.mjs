// `npm start`: the production server. Builds first when there is no build, or when the sources
// changed since the build was made (BUILD_ON_START=missing: only when there is none; a stale
// build then runs with a warning), then runs server.ts through tsx.
//
// This is the process a process manager knows, so nothing it starts outlives it: SIGINT and
// SIGTERM are passed on to the build or the server, and it exits with the server's exit code.
// The server stops when this process is gone, even killed outright (it holds an IPC channel
// to it), and under npm this process stops when npm's shell is gone (npm passes a SIGTERM to
// the shell it runs scripts in, which dies of it without passing it on).
import { spawn } from "node:child_process";
import { setInterval, setTimeout } from "node:timers";
import { buildState, distDirOf, exitCodeOf, ROOT, startBuild } from "./build.mjs";

const env = { ...process.env, NODE_ENV: "production" };
const mode = process.env.BUILD_ON_START || "changed";
if (!["changed", "missing"].includes(mode)) {
  console.error(`BUILD_ON_START must be "changed" or "missing", not "${mode}".`);
  process.exit(2);
}
// The server exits by its own deadline (SHUTDOWN_TIMEOUT_MS); this covers one that cannot.
const killAfterMs = (Number(process.env.SHUTDOWN_TIMEOUT_MS) || 10_000) + 5_000;

/** What runs now: `kill(signal)` reaches it. */
let running;
let stopping = false;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (!running) process.exit(exitCodeOf({ code: null, signal }));
  running.kill(signal);
  setTimeout(() => running?.kill("SIGKILL"), killAfterMs).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop("SIGTERM"), 500).unref();
}

const distDir = distDirOf();
const state = buildState(ROOT, distDir);
if (state === "missing" || (state === "stale" && mode === "changed")) {
  console.log(
    state === "missing"
      ? "No production build found: running `next build` first (this takes a minute or two)…"
      : `The sources changed since the last build (${distDir}): running \`next build\` again first (this takes a minute or two)…`,
  );
  const build = startBuild({ env });
  running = build;
  const result = await build.done;
  running = undefined;
  if (result.code !== 0 || stopping) process.exit(exitCodeOf(result) || 1);
} else if (state === "stale") {
  console.warn(`Warning: the sources changed since the last build (${distDir}); running that build as it is (BUILD_ON_START=missing). Run \`npm run build\` to bring it up to date.`);
}

const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, stdio: ["inherit", "inherit", "inherit", "ipc"], env });
running = { kill: (signal) => server.exitCode === null && server.signalCode === null && server.kill(signal) };
server.on("exit", (code, signal) => process.exit(exitCodeOf({ code, signal })));
