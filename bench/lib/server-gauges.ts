// The server's own view of a window of a run, read from its /metrics (prom-client's default
// metrics): event-loop delay (its histogram is reset on every scrape, so each read covers the
// time since the one before), garbage-collection time and CPU time. Printed next to the
// round-trip figures of the same window, so a slow window can be told apart: the server's loop
// blocked (by what: GC, CPU), or the delay was elsewhere (the database, the load generator).

export interface ServerSample {
  /** Event-loop delay since the previous scrape (ms). */
  loopP99Ms: number;
  loopMaxMs: number;
  /** Cumulative GC seconds by kind (major, minor, incremental, weakcb). */
  gcSeconds: Record<string, number>;
  /** Cumulative CPU seconds of the server process. */
  cpuSeconds: number;
  rssMb: number;
}

/** Reads one sample, or null when /metrics cannot be read (a token is needed, or the server is elsewhere). */
export async function sampleServer(baseUrl: string, token = process.env.BENCH_METRICS_TOKEN): Promise<ServerSample | null> {
  try {
    const res = await fetch(new URL("/metrics", baseUrl), { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    return parseSample(await res.text());
  } catch {
    return null;
  }
}

/** The sample in a Prometheus text exposition (names with or without the app's `aedg_` prefix). */
export function parseSample(text: string): ServerSample {
  const gcSeconds: Record<string, number> = {};
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:aedg_)?([a-z0-9_]+)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const [, name, labels = "", raw] = m;
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    if (name === "nodejs_gc_duration_seconds_sum") {
      const kind = /kind="([^"]+)"/.exec(labels)?.[1] ?? "other";
      gcSeconds[kind] = (gcSeconds[kind] ?? 0) + value;
    } else if (!labels) values.set(name!, value);
  }
  return {
    loopP99Ms: (values.get("nodejs_eventloop_lag_p99_seconds") ?? NaN) * 1000,
    loopMaxMs: (values.get("nodejs_eventloop_lag_max_seconds") ?? NaN) * 1000,
    gcSeconds,
    cpuSeconds: values.get("process_cpu_seconds_total") ?? NaN,
    rssMb: (values.get("process_resident_memory_bytes") ?? NaN) / 2 ** 20,
  };
}

/** "server loop p99 12 ms (max 80), GC 140 ms (major 30), CPU 95%, RSS 512 MB" for the window between two samples. */
export function describeWindow(before: ServerSample, after: ServerSample, seconds: number): string {
  const gc = (s: ServerSample) => Object.values(s.gcSeconds).reduce((a, b) => a + b, 0);
  const gcMs = (gc(after) - gc(before)) * 1000;
  const majorMs = ((after.gcSeconds.major ?? 0) - (before.gcSeconds.major ?? 0)) * 1000;
  const cpu = ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100;
  return `server loop p99 ${after.loopP99Ms.toFixed(0)} ms (max ${after.loopMaxMs.toFixed(0)}), GC ${gcMs.toFixed(0)} ms (major ${majorMs.toFixed(0)}), CPU ${cpu.toFixed(0)}%, RSS ${after.rssMb.toFixed(0)} MB`;
}
