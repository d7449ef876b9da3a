// npm run test:integration – the integration suite on embedded PGlite, and again on the
// PostgreSQL server of TEST_DATABASE_URL when it is set (CI sets it).
import { spawnSync } from "node:child_process";

const extra = process.argv.slice(2);
const run = (label, env) => {
  console.log(`\n=== integration tests on ${label} ===`);
  const r = spawnSync("npx", ["--no-install", "vitest", "run", "--project", "integration", ...extra], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const { TEST_DATABASE_URL, ...withoutPg } = process.env;
run("embedded PGlite", withoutPg);
// The fuzzing suite does most of its runs on the first pass.
if (TEST_DATABASE_URL) run(`PostgreSQL (${new URL(TEST_DATABASE_URL).host})`, { FUZZ_RUNS: "300", ...process.env });
