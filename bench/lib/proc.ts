import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { max, mean } from "./stats";

/**
 * CPU and memory of another process, read from /proc/<pid>/stat (utime + stime, in clock
 * ticks) and /proc/<pid>/status (VmRSS), sampled on an interval.
 */

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) the process has used so far, or NaN when it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

export function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

export interface ProcessSummary {
  /** CPU seconds used between start() and stop(). */
  cpuSeconds: number;
  /** Average CPU use over the period, % of one core. */
  cpuAvgPercent: number;
  /** Highest CPU use of one sampling interval, % of one core. */
  cpuPeakPercent: number;
  rssPeakMb: number;
  rssAvgMb: number;
  seconds: number;
}

/** Samples a process every `intervalMs` from start() to stop(). */
export class ProcessSampler {
  private timer?: NodeJS.Timeout;
  private cpu0 = 0;
  private t0 = 0;
  private last = { t: 0, cpu: 0 };
  private readonly cpuPercents: number[] = [];
  private readonly rss: number[] = [];

  constructor(
    readonly pid: number,
    private readonly intervalMs = 1000,
  ) {}

  start(): this {
    // No process to watch (a server given by URL alone): every figure is NaN.
    if (!Number.isFinite(this.pid)) return this;
    this.t0 = performance.now();
    this.cpu0 = cpuSecondsOf(this.pid);
    this.last = { t: this.t0, cpu: this.cpu0 };
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  private sample() {
    const t = performance.now();
    const cpu = cpuSecondsOf(this.pid);
    if (Number.isFinite(cpu) && t > this.last.t) {
      this.cpuPercents.push(((cpu - this.last.cpu) / ((t - this.last.t) / 1000)) * 100);
      this.last = { t, cpu };
    }
    const rss = rssOf(this.pid);
    if (Number.isFinite(rss)) this.rss.push(rss);
  }

  stop(): ProcessSummary {
    if (!Number.isFinite(this.pid)) return { cpuSeconds: NaN, cpuAvgPercent: NaN, cpuPeakPercent: NaN, rssPeakMb: NaN, rssAvgMb: NaN, seconds: NaN };
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const seconds = (performance.now() - this.t0) / 1000;
    const cpuSeconds = this.last.cpu - this.cpu0;
    const mb = (b: number) => b / 1024 / 1024;
    return {
      cpuSeconds,
      cpuAvgPercent: seconds > 0 ? (cpuSeconds / seconds) * 100 : NaN,
      cpuPeakPercent: max(this.cpuPercents),
      rssPeakMb: mb(max(this.rss)),
      rssAvgMb: mb(mean(this.rss)),
      seconds,
    };
  }
}
