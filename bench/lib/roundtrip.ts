/**
 * Round-trip of a command: from the moment a client sends it to the moment the broadcast it
 * caused (room:state with the version the command answered, or the chat message it stored)
 * has reached every player of the room. Each player's socket reports what it receives with
 * its arrival time; a command waits for the slowest of the three.
 */

const now = () => performance.now();

interface Waiter {
  key: number;
  t0: number;
  resolve: (ms: number | null) => void;
  timer: NodeJS.Timeout;
}

/** Versions of room:state as each player of one room received them. */
export class RoomWatch {
  /** Per player: [version, arrival] in arrival order (versions only grow). */
  private readonly seen: [number, number][][];
  private waiters: Waiter[] = [];

  constructor(readonly players = 3) {
    this.seen = Array.from({ length: players }, () => []);
  }

  received(player: number, version: number, t = now()): void {
    this.seen[player]!.push([version, t]);
    if (this.waiters.length) this.check();
  }

  /** When `player` first held `version` or a later one. */
  private firstAt(player: number, version: number): number | undefined {
    for (const [v, t] of this.seen[player]!) if (v >= version) return t;
    return undefined;
  }

  private verdict(version: number, t0: number): number | null | undefined {
    let latest = -Infinity;
    for (let p = 0; p < this.players; p++) {
      const t = this.firstAt(p, version);
      if (t === undefined) return undefined;
      // Someone held this version before the command was sent: it changed nothing.
      if (t < t0) return null;
      latest = Math.max(latest, t);
    }
    return latest - t0;
  }

  private check() {
    this.waiters = this.waiters.filter((w) => {
      const v = this.verdict(w.key, w.t0);
      if (v === undefined) return true;
      clearTimeout(w.timer);
      w.resolve(v);
      return false;
    });
  }

  /**
   * Resolves with the round-trip in ms of a command sent at `t0` that answered `version`;
   * null when the command changed nothing (no broadcast); NaN when the broadcast had not
   * reached everyone after `timeoutMs`.
   */
  roundTrip(version: number, t0: number, timeoutMs = 600_000): Promise<number | null> {
    const v = this.verdict(version, t0);
    if (v !== undefined) return Promise.resolve(v);
    return new Promise((resolve) => {
      const w: Waiter = { key: version, t0, resolve, timer: setTimeout(() => this.expire(w), timeoutMs) };
      this.waiters.push(w);
    });
  }

  private expire(w: Waiter) {
    this.waiters = this.waiters.filter((x) => x !== w);
    w.resolve(NaN);
  }

  /** Forgets old arrivals (long throughput runs keep one watch per room for many games). */
  reset(): void {
    for (const s of this.seen) s.length = 0;
  }
}

/** Arrivals of chat messages (by id) at each player of one room. */
export class ChatWatch {
  private readonly seen = new Map<string, number[]>();
  private readonly waiters = new Map<string, { t0: number; resolve: (ms: number) => void; timer: NodeJS.Timeout }>();

  constructor(readonly players = 3) {}

  received(id: string, t = now()): void {
    const list = this.seen.get(id) ?? [];
    list.push(t);
    this.seen.set(id, list);
    const w = this.waiters.get(id);
    if (w && list.length >= this.players) {
      clearTimeout(w.timer);
      this.waiters.delete(id);
      this.seen.delete(id);
      w.resolve(Math.max(...list) - w.t0);
    }
  }

  /** Round-trip of a chat message sent at `t0` whose ack named `id`; NaN after `timeoutMs`. */
  roundTrip(id: string, t0: number, timeoutMs = 600_000): Promise<number> {
    const list = this.seen.get(id);
    if (list && list.length >= this.players) {
      this.seen.delete(id);
      return Promise.resolve(Math.max(...list) - t0);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        this.seen.delete(id);
        resolve(NaN);
      }, timeoutMs);
      this.waiters.set(id, { t0, resolve, timer });
    });
  }
}
