import { runBenchSmoke } from "../support/bench";
import { expect, test } from "./fixtures";

// bench/page-weight.ts against the e2e server: a phone's first visit to the home page, in
// English and in Korean, transfers at most 500 kB (the whole Pretendard font alone was 2 MB),
// and every page it measures, a room's page included, is drawn in Pretendard. Bytes, not time.
test("a first visit is light on a school network and still drawn in Pretendard", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const { code, out, results } = await runBenchSmoke("page-weight", ["--url", baseURL!]);
  expect(code, out).toBe(0);
  const rows = results[0]!.rows;
  const home = rows.filter((r) => r.measure.startsWith("home page"));
  expect(home.map((r) => r.measure)).toEqual(["home page, English", "home page, Korean"]);
  for (const r of home) {
    expect(r.met, `${r.measure}: ${r.figure} kB`).toBe(true);
    expect(r.figure as number).toBeLessThanOrEqual(500);
  }
  const drawn = rows.filter((r) => r.measure.trim() === "text drawn in Pretendard");
  expect(drawn.map((r) => r.figure)).toEqual(["yes", "yes", "yes"]);
});
