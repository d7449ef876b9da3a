// `npm run build`: the production build (`next build`), stamped with a hash of the sources it
// was built from, so that `npm start` (scripts/start.mjs) can tell a build older than its sources.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What `next build` compiles from: a change to any of these needs a new build. */
export const SOURCES = ["app", "components", "lib", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** The stamp a build carries, in its directory: `{ sources: <sha-256 of SOURCES> }`. */
export const STAMP_FILE = "source-stamp.json";

/** The build's directory (NEXT_DIST_DIR, as next.config.mjs reads it). */
export const distDirOf = (env = process.env) => env.NEXT_DIST_DIR || ".next";

/** A SHA-256 over every file of SOURCES under `root` (relative path and content), in a stable order; dot-files aside. */
export function sourceHash(root = ROOT) {
  const hash = createHash("sha256");
  const add = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (!name.startsWith(".")) add(path.join(rel, name));
      return;
    }
    hash.update(rel.split(path.sep).join("/")).update("\0").update(readFileSync(abs)).update("\0");
  };
  for (const source of SOURCES) add(source);
  return hash.digest("hex");
}

/**
 * Whether `root`'s build in `distDir` can run: `missing` (none), `stale` (built from other
 * sources, or by a version that did not stamp its builds) or `current`.
 */
export function buildState(root = ROOT, distDir = distDirOf()) {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) return "missing";
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, distDir, STAMP_FILE), "utf8"));
  } catch {
    return "stale";
  }
  return stamp?.sources === sourceHash(root) ? "current" : "stale";
}

/** The exit code a shell would give a process that ended so. */
export const exitCodeOf = ({ code, signal }) => code ?? 128 + (constants.signals[signal] ?? 0);

/**
 * Starts `next build` in a process group of its own (a signal then reaches every process of the
 * build: `kill(signal)`), and stamps the build when it succeeds. The stamp is of the sources as
 * they were when the build began: a file changed meanwhile makes the build stale.
 */
export function startBuild({ root = ROOT, env = process.env, args = [] } = {}) {
  const sources = sourceHash(root);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "build", ...args], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit", detached: true });
  const done = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      if (code === 0) writeFileSync(path.join(root, distDirOf(env), STAMP_FILE), `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
      resolve({ code, signal });
    }),
  );
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return { done, kill };
}

// Run as a script: build, passing Ctrl-C and SIGTERM on to the whole build.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const build = startBuild({ args: process.argv.slice(2) });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => build.kill(signal));
  process.exit(exitCodeOf(await build.done));
}
