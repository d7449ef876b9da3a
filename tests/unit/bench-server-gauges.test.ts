import { Registry, collectDefaultMetrics } from "prom-client";
import { describe, expect, test } from "vitest";
import { describeWindow, parseSample } from "../../bench/lib/server-gauges";

// bench/lib/server-gauges.ts reads the server's /metrics as prom-client writes it, with the
// app's prefix (lib/server/metrics.ts): the names it looks for must be the ones prom-client uses.
describe("the hub-load bench's server sample", () => {
  test("reads event-loop delay, GC, CPU and RSS from prom-client's default metrics", async () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "aedg_", eventLoopMonitoringPrecision: 1 });
    // Some loop delay and enough garbage for a few collections (reported a moment later).
    let kept = 0;
    for (let i = 0; i < 200; i++) kept += JSON.stringify(Array.from({ length: 2000 }, (_, j) => ({ j, s: `x${j}` }))).length;
    expect(kept).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sample = parseSample(await registry.metrics());
    expect(sample.loopP99Ms).toBeGreaterThan(0);
    expect(sample.loopMaxMs).toBeGreaterThanOrEqual(sample.loopP99Ms);
    expect(sample.cpuSeconds).toBeGreaterThan(0);
    expect(sample.rssMb).toBeGreaterThan(10);
    expect(Object.keys(sample.gcSeconds).length).toBeGreaterThan(0);
  });

  test("describes a window from two samples", () => {
    const before = { loopP99Ms: 5, loopMaxMs: 9, gcSeconds: { minor: 1, major: 0.5 }, cpuSeconds: 10, rssMb: 400 };
    const after = { loopP99Ms: 42, loopMaxMs: 180, gcSeconds: { minor: 1.1, major: 0.53 }, cpuSeconds: 22, rssMb: 512 };
    expect(describeWindow(before, after, 15)).toBe("server loop p99 42 ms (max 180), GC 130 ms (major 30), CPU 80%, RSS 512 MB");
  });

  test("skips labelled series other than GC, and lines that are not samples", () => {
    const text = ["# HELP x", 'aedg_process_cpu_seconds_total 3.5', 'aedg_http_request_duration_seconds_sum{route="/x"} 99', 'aedg_nodejs_gc_duration_seconds_sum{kind="minor"} 0.25', "garbage"].join("\n");
    const s = parseSample(text);
    expect(s.cpuSeconds).toBe(3.5);
    expect(s.gcSeconds).toEqual({ minor: 0.25 });
    expect(Number.isNaN(s.loopP99Ms)).toBe(true);
  });
});
