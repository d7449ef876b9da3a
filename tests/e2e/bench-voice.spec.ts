import { spawn } from "node:child_process";
import path from "node:path";
import { parseResults } from "../../bench/lib/report";
import { expect, test } from "./fixtures";

// bench/voice-setup.ts at its smoke size against the e2e server: three headless Chromium
// players set up voice in one room, and the same browsers connect data channels for the
// baseline; the table must come out with both figures. No figure is asserted.
test("bench voice-setup runs at smoke size and prints its table", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const root = path.resolve(__dirname, "..", "..");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", "voice-setup.ts"), "--smoke", "--url", baseURL!], { cwd: root, env: process.env });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  console.log(out.split("\n").filter((l) => !l.startsWith("BENCH_RESULT ")).join("\n"));
  expect(code, out).toBe(0);
  const [result, ...more] = parseResults(out);
  expect(more).toHaveLength(0);
  expect(result!.bench).toBe("voice-setup");
  const median = result!.rows.find((r) => r.measure === "voice set-up, median");
  expect(median?.figure).toBeGreaterThan(0);
  expect(median?.baseline).toBeGreaterThan(0);
  expect(median?.target).toBe("≤ 1.5 s");
});
