/**
 * The few command-line flags the bench scripts take (`--players 1000`, `--smoke`). Unknown
 * flags are ignored, so `npm run bench -- --smoke --players 30` can pass the same flags to
 * every script.
 */
export class Args {
  constructor(private readonly argv: string[] = process.argv.slice(2)) {}

  has(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }

  string(name: string): string | undefined {
    const i = this.argv.indexOf(`--${name}`);
    const v = i >= 0 ? this.argv[i + 1] : undefined;
    return v === undefined || v.startsWith("--") ? undefined : v;
  }

  number(name: string, fallback: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, not "${raw}"`);
    return n;
  }

  get smoke(): boolean {
    return this.has("smoke");
  }
}

/**
 * Think time: `--think 0.1` scales the classroom pace [2000, 10000] ms down tenfold;
 * `--think 200-800` gives the range in milliseconds; `--think 0` means no pause at all.
 */
export function thinkRange(raw: string | undefined, classroom: [number, number]): [number, number] {
  if (raw === undefined) return classroom;
  const range = raw.match(/^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?:ms)?$/);
  if (range) return [Number(range[1]), Number(range[2])];
  const factor = Number(raw);
  if (!Number.isFinite(factor) || factor < 0) throw new Error(`--think takes a factor (0.1) or a range in ms (200-800), not "${raw}"`);
  return [classroom[0] * factor, classroom[1] * factor];
}
