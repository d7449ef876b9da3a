// tsx bench/lib/cpuprofile.ts <file.cpuprofile> [--top 40]
// Where a V8 CPU profile (node --cpu-prof) spent its time: self time by function, and by
// package or source directory, so that a slow path shows up without a profiler UI.
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarize(profile: Profile, top = 40): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "~/");
    fn.set(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`, (fn.get(`${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`) ?? 0) + us);
    const pkg = where.startsWith("~/") ? where.slice(2).split("/").slice(0, where.slice(2).startsWith("@") ? 2 : 1).join("/") : where ? (where.match(/\/(lib\/[^/]+\/[^/]+|app|\.next[^/]*|node:[^/]+)/)?.[1] ?? where.split("/").slice(-2).join("/")) : functionName || "(native)";
    area.set(pkg, (area.get(pkg) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${pct(us)} ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join("\n");
  return `total sampled: ${(total / 1e6).toFixed(1)} s\n\nby package / area:\n${list(area, 25)}\n\nby function (self time):\n${list(fn, top)}`;
}

if (process.argv[1] && /cpuprofile\.[tj]s$/.test(process.argv[1])) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx bench/lib/cpuprofile.ts <file.cpuprofile> [--top N]");
  const i = process.argv.indexOf("--top");
  console.log(summarize(JSON.parse(readFileSync(file, "utf8")) as Profile, i > 0 ? Number(process.argv[i + 1]) : 40));
}
