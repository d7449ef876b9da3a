// npm run bench [-- <name>...] [--smoke] [flags passed to every script]
//
// Runs the bench scripts one after another, each in a process of its own, and prints their
// tables. Names: hub-load, throughput, hub-cost, export, voice-setup, page-weight, startup (all by default).
// `--smoke` runs each at a tiny size (what the test suite does). Needs a production build
// (`npm run build`; NEXT_DIST_DIR is honoured) for all but export. See docs/PERFORMANCE.md.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../tests/support/server";

export const BENCHES = ["hub-cost", "export", "startup", "voice-setup", "page-weight", "hub-load", "throughput"] as const;

function main(): number {
  const argv = process.argv.slice(2);
  const isBench = (a: string) => (BENCHES as readonly string[]).includes(a);
  const names = argv.filter(isBench);
  const flags = argv.filter((a) => !isBench(a));
  if (flags[0] && !flags[0].startsWith("--")) {
    console.error(`unknown bench: ${flags[0]} (one of ${BENCHES.join(", ")})`);
    return 2;
  }
  const chosen = names.length ? names : [...BENCHES];
  const failed: string[] = [];
  for (const name of chosen) {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench", `${name}.ts`), ...flags], { cwd: REPO_ROOT, stdio: "inherit" });
    if (r.status !== 0) failed.push(name);
  }
  if (failed.length) console.error(`\nfailed: ${failed.join(", ")}`);
  return failed.length ? 1 : 0;
}

process.exit(main());
