import { percentile } from "./stats";

/**
 * What a load run counts on the client side: every command's answer, the round-trip of each
 * command that caused a broadcast, the chat round-trips, and the moves the server accepted
 * (to compare with what it stored).
 */

export interface Sample {
  /** When the command was sent (performance.now()). */
  at: number;
  ms: number;
}

export class LoadStats {
  /** Round-trips of commands that caused a room:state broadcast. */
  readonly roundTrips: Sample[] = [];
  readonly chatRoundTrips: Sample[] = [];
  /** Answer times of accepted commands (for commands per second). */
  readonly accepted: number[] = [];
  readonly statuses = new Map<number, number>();
  readonly errors: string[] = [];
  /** Refused commands by kind and error code ("choice 409 ROOM_PAUSED"). */
  readonly refusals = new Map<string, number>();
  sent = 0;
  noAnswer = 0;
  /** Moves the hub throttled (past its per-socket event rate) and the player sent again. */
  throttled = 0;
  unchanged = 0;
  missingBroadcasts = 0;
  chatsSent = 0;
  chatsFailed = 0;
  /** Times a player read the room again after a long silence. */
  refetches = 0;
  /** Lean states whose text the player lacked, so it read the room. */
  textReads = 0;
  /** Moves the server answered 200 to, by the table that stores them. */
  readonly moves = { choices: 0, consensusVotes: new Set<string>(), consensusRatings: 0, phaseAcks: 0, chatMessages: 0 };
  /** Bytes of room:state payloads (a sample), for the baseline's payload size. */
  readonly stateBytes: number[] = [];

  status(code: number): void {
    this.statuses.set(code, (this.statuses.get(code) ?? 0) + 1);
  }

  refusal(kind: string, status: number, code: unknown): void {
    const key = `${kind} ${status} ${typeof code === "string" ? code : "?"}`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }

  error(text: string): void {
    if (this.errors.length < 20) this.errors.push(text);
  }

  roundTrip(at: number, ms: number | null): void {
    if (ms === null) this.unchanged++;
    else if (Number.isNaN(ms)) this.missingBroadcasts++;
    else this.roundTrips.push({ at, ms });
  }

  chatRoundTrip(at: number, ms: number): void {
    if (Number.isNaN(ms)) this.missingBroadcasts++;
    else this.chatRoundTrips.push({ at, ms });
  }

  movesTotal(): number {
    const m = this.moves;
    return m.choices + m.consensusVotes.size + m.consensusRatings + m.phaseAcks + m.chatMessages;
  }

  refused(): number {
    return [...this.statuses].filter(([s]) => s >= 400 && s < 500).reduce((a, [, n]) => a + n, 0);
  }

  serverErrors(): number {
    return [...this.statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  }

  /** Round-trips of commands sent in [from, to). */
  window(from: number, to: number): { roundTrips: number[]; accepted: number } {
    return {
      roundTrips: this.roundTrips.filter((s) => s.at >= from && s.at < to).map((s) => s.ms),
      accepted: this.accepted.filter((t) => t >= from && t < to).length,
    };
  }

  summary() {
    const rts = this.roundTrips.map((s) => s.ms);
    const chats = this.chatRoundTrips.map((s) => s.ms);
    return {
      p50: percentile(rts, 50),
      p95: percentile(rts, 95),
      p99: percentile(rts, 99),
      max: rts.length ? Math.max(...rts) : NaN,
      measured: rts.length,
      chatP50: percentile(chats, 50),
      chatP99: percentile(chats, 99),
    };
  }
}

/** A small seeded PRNG (mulberry32), so runs make the same choices. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
