import { spawn } from "node:child_process";
import path from "node:path";
import { parseResults, type BenchResult } from "../../bench/lib/report";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs `bench/<name>.ts --smoke ...args` in a child process (the bench smoke tests, vitest and
 * Playwright), prints its table, and answers its exit code, its whole output and the results it
 * printed. The caller asserts.
 */
export async function runBenchSmoke(name: string, args: string[] = []): Promise<{ code: number | null; out: string; results: BenchResult[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", `${name}.ts`), "--smoke", ...args], { cwd: ROOT, env: process.env });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  console.log(out.split("\n").filter((l) => !l.startsWith("BENCH_RESULT ")).join("\n"));
  return { code, out, results: parseResults(out) };
}
