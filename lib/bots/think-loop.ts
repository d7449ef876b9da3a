/**
 * The "think, then act on the latest state" loop of a simulated player (the bots, and the
 * bench's players): `kick()` after each new state; at most one turn runs at a time, and a kick
 * during a turn runs one more turn after it (on the state current by then), so no state is
 * acted on twice at once and none is missed.
 */
export interface ThinkLoopOptions {
  /** Pause before each turn, ms [min, max] (read at each turn). */
  think: () => readonly [number, number];
  random: () => number;
  /** One turn; answers false when there is nothing to act on any more (stopped, no state). */
  turn: () => Promise<boolean>;
  onError: (e: unknown) => void;
}

export class ThinkLoop {
  private busy = false;
  private again = false;

  constructor(private readonly opts: ThinkLoopOptions) {}

  /** Run a turn now, or one more after the running one. */
  kick(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    void this.run();
  }

  /** From inside a turn: run one more after it. */
  repeat(): void {
    this.again = true;
  }

  private async run(): Promise<void> {
    this.busy = true;
    try {
      do {
        this.again = false;
        const [min, max] = this.opts.think();
        if (max > 0) await new Promise((r) => setTimeout(r, min + this.opts.random() * Math.max(0, max - min)));
        if (!(await this.opts.turn())) return;
      } while (this.again);
    } catch (e) {
      this.opts.onError(e);
    } finally {
      this.busy = false;
    }
  }
}
