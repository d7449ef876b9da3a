import { readFileSync } from "node:fs";
import os from "node:os";

/**
 * What every bench script prints: the machine it ran on, then one table whose rows hold a
 * figure, the baseline measured in the same run, their ratio and the target (met or missed,
 * never asserted), then one `BENCH_RESULT {json}` line for scripts and tests to read.
 */

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  loadAtStart: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

export function describeMachine(m: Machine = machine()): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}, load average ${m.loadAtStart} at start`;
}

export interface Row {
  measure: string;
  /** The figure; a number is printed with `unit`. */
  figure: number | string;
  unit?: string;
  /** The same measure on the baseline, when there is one. */
  baseline?: number | string;
  /** figure ÷ baseline; computed when both are numbers and not given. */
  ratio?: number;
  /** The target, in words ("p99 < 100 ms"); empty when the row is context. */
  target?: string;
  met?: boolean;
}

export interface BenchResult {
  bench: string;
  title: string;
  baseline: string;
  smoke: boolean;
  machine: Machine;
  startedAt: string;
  seconds: number;
  rows: Row[];
  notes: string[];
}

const DECIMALS = (v: number) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);

export function formatNumber(v: number, unit = ""): string {
  if (!Number.isFinite(v)) return "—";
  const text = v.toLocaleString("en-US", { maximumFractionDigits: DECIMALS(v), minimumFractionDigits: 0 });
  return unit ? `${text} ${unit}` : text;
}

function cell(v: number | string | undefined, unit?: string): string {
  if (v === undefined) return "—";
  return typeof v === "number" ? formatNumber(v, unit) : v;
}

function ratioOf(r: Row): number | undefined {
  if (r.ratio !== undefined) return r.ratio;
  if (typeof r.figure === "number" && typeof r.baseline === "number" && r.baseline !== 0 && Number.isFinite(r.figure) && Number.isFinite(r.baseline)) return r.figure / r.baseline;
  return undefined;
}

/** The rows as a Markdown table (so a run's output can go straight into docs/PERFORMANCE.md). */
export function table(rows: Row[], baselineName: string): string {
  const head = ["measure", "figure", baselineName, "ratio", "target", "met"];
  const body = rows.map((r) => {
    const ratio = ratioOf(r);
    return [r.measure, cell(r.figure, r.unit), cell(r.baseline, r.unit), ratio === undefined ? "—" : `${formatNumber(ratio)}×`, r.target ?? "", r.met === undefined ? "" : r.met ? "met" : "MISSED"];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

/** Collects a script's rows and prints the report once. */
export class Report {
  private readonly rows: Row[] = [];
  private readonly notes: string[] = [];
  private readonly started = Date.now();
  private readonly m = machine();

  constructor(
    readonly bench: string,
    readonly title: string,
    readonly baseline: string,
    readonly smoke: boolean,
  ) {
    console.log(`\n## ${bench}${smoke ? " (smoke size)" : ""}: ${title}`);
    console.log(`machine: ${describeMachine(this.m)}`);
  }

  add(row: Row): this {
    row.ratio = ratioOf(row);
    this.rows.push(row);
    return this;
  }

  note(text: string): this {
    this.notes.push(text);
    return this;
  }

  print(): BenchResult {
    const result: BenchResult = {
      bench: this.bench,
      title: this.title,
      baseline: this.baseline,
      smoke: this.smoke,
      machine: this.m,
      startedAt: new Date(this.started).toISOString(),
      seconds: Math.round((Date.now() - this.started) / 100) / 10,
      rows: this.rows,
      notes: this.notes,
    };
    console.log(`\nbaseline: ${this.baseline}\n`);
    console.log(table(this.rows, "baseline"));
    for (const n of this.notes) console.log(`- ${n}`);
    console.log(`\n(${result.seconds} s)`);
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
    return result;
  }
}

/** The BENCH_RESULT lines in a script's output. */
export function parseResults(output: string): BenchResult[] {
  return output
    .split("\n")
    .filter((l) => l.startsWith("BENCH_RESULT "))
    .map((l) => JSON.parse(l.slice("BENCH_RESULT ".length)) as BenchResult);
}

/** Linux's peak and current resident set of a process, in bytes (0 where unreadable). */
export function memoryOf(pid: number | "self" = "self"): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0) * 1024;
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}
