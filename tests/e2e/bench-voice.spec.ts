import { runBenchSmoke } from "../support/bench";
import { expect, test } from "./fixtures";

// bench/voice-setup.ts at its smoke size against the e2e server: three headless Chromium
// players set up voice in one room, and the same browsers connect data channels for the
// baseline; the table must come out with both figures. No time is asserted; the links must
// survive the game's start.
test("bench voice-setup runs at smoke size and prints its table", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const { code, out, results } = await runBenchSmoke("voice-setup", ["--url", baseURL!]);
  expect(code, out).toBe(0);
  const [result, ...more] = results;
  expect(more).toHaveLength(0);
  expect(result!.bench).toBe("voice-setup");
  const median = result!.rows.find((r) => r.measure === "voice set-up, median");
  expect(median?.figure).toBeGreaterThan(0);
  expect(median?.baseline).toBeGreaterThan(0);
  expect(median?.target).toBe("≤ 1.5 s");
  // The voice runs from the waiting room: the game's start rebuilds none of the room's six links.
  expect(result!.rows.find((r) => r.measure === "links kept through the game's start")?.figure).toBe("6 of 6");
});
