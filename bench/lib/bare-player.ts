import { io, type Socket } from "socket.io-client";
import { ThinkLoop } from "@/lib/bots/think-loop";
import type { BareRoomState } from "./bare-server";
import { HttpSession } from "./http";
import type { LoadStats } from "./load-stats";
import { ChatWatch, RoomWatch } from "./roundtrip";

/**
 * The baseline's player, for bare-server.ts: the same pace and the same traffic as a
 * GamePlayer — a move per step as an HTTP POST answered with the room's state and broadcast to
 * the room, one chat message per discussion step with the same chance — with no game behind it.
 */

export interface BarePlan {
  /** Steps in one game (a game's phases, each needing a move from every player). */
  steps: number;
  /** Steps where players chat (the discussions). */
  chatSteps: ReadonlySet<number>;
}

/** A 5-round game: waiting, roles, then per round choice, discussion, consensus vote, consensus rating, reveal. */
export function gamePlan(steps = 27): BarePlan {
  const chatSteps = new Set<number>();
  for (let s = 3; s < steps; s += 5) chatSteps.add(s);
  return { steps, chatSteps };
}

export interface BarePlayerOptions {
  baseUrl: string;
  think: [number, number];
  random: () => number;
  stats: LoadStats;
  plan: BarePlan;
  chatChance?: number;
}

interface Game {
  room: string;
  index: number;
  watch: RoomWatch;
  chat: ChatWatch;
  done: () => void;
}

export class BarePlayer {
  private readonly http: HttpSession;
  private socket?: Socket;
  private game?: Game;
  private latest?: BareRoomState;
  private readonly loop = new ThinkLoop({
    think: () => this.opts.think,
    random: () => this.opts.random(),
    turn: async () => {
      if (this.stopped || !this.latest || !this.game) return false;
      await this.act(this.latest);
      return true;
    },
    onError: (e) => this.opts.stats.error(e instanceof Error ? e.message : String(e)),
  });
  private stopped = false;
  private readonly chatted = new Set<number>();

  constructor(readonly opts: BarePlayerOptions) {
    this.http = new HttpSession(opts.baseUrl);
  }

  async start(): Promise<void> {
    const socket = io(this.opts.baseUrl, { transports: ["websocket"], forceNew: true, reconnectionDelay: 500 });
    this.socket = socket;
    socket.on("room:state", (s: BareRoomState) => {
      const g = this.game;
      if (!g || s.room !== g.room) return;
      g.watch.received(g.index, s.version);
      this.onState(s);
    });
    socket.on("chat:message", (m: { id: string }) => this.game?.chat.received(m.id));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (e) => reject(e));
    });
  }

  stop(): void {
    this.stopped = true;
    this.socket?.disconnect();
  }

  async join(room: string, index: number, watch: RoomWatch, chat: ChatWatch, done: () => void): Promise<void> {
    this.latest = undefined;
    this.chatted.clear();
    this.game = { room, index, watch, chat, done };
    const ack = (await this.socket!.timeout(15_000).emitWithAck("room:subscribe", { room })) as { ok: boolean; data: BareRoomState };
    if (!ack.ok) throw new Error(`could not subscribe to ${room}`);
    watch.received(index, ack.data.version);
    // A broadcast may have come first.
    const held = this.latest as BareRoomState | undefined;
    if (!held || ack.data.version > held.version) this.latest = ack.data;
  }

  play(): void {
    if (this.latest) this.onState(this.latest);
  }

  private onState(s: BareRoomState) {
    // An answer may come back after its game ended and the next began.
    if (s.room !== this.game?.room) return;
    if (this.latest && s.version < this.latest.version) return;
    this.latest = s;
    if (s.step >= this.opts.plan.steps) {
      this.game?.done();
      return;
    }
    this.loop.kick();
  }

  private async act(s: BareRoomState) {
    const game = this.game!;
    if (s.acted.includes(game.index) || s.step >= this.opts.plan.steps) return;
    const stats = this.opts.stats;
    if (this.opts.plan.chatSteps.has(s.step) && !this.chatted.has(s.step)) {
      this.chatted.add(s.step);
      if (this.opts.random() < (this.opts.chatChance ?? 0.7)) {
        const t0 = performance.now();
        stats.chatsSent++;
        const ack = (await this.socket!.timeout(15_000)
          .emitWithAck("chat:send", { room: s.room, text: 'I lean towards "Minimise expected harm".' })
          .catch(() => null)) as { ok: boolean; data: { id: string } } | null;
        if (ack?.ok) {
          stats.moves.chatMessages++;
          void game.chat.roundTrip(ack.data.id, t0).then((ms) => stats.chatRoundTrip(t0, ms));
        } else stats.chatsFailed++;
      }
    }
    const t0 = performance.now();
    stats.sent++;
    let r;
    try {
      r = await this.http.call<BareRoomState>("POST", `/rooms/${s.room}/act`, { player: game.index, step: s.step });
    } catch (e) {
      stats.noAnswer++;
      stats.error(e instanceof Error ? e.message : String(e));
      return;
    }
    stats.status(r.status);
    if (r.status !== 200) return;
    stats.accepted.push(performance.now());
    stats.moves.phaseAcks++;
    void game.watch.roundTrip(r.body.version, t0).then((ms) => stats.roundTrip(t0, ms));
    this.onState(r.body);
  }
}

let roomCounter = 0;

/** Three bare players play one "game" in a new room; resolves when all have seen its last step. */
export async function playBareGame(players: BarePlayer[]): Promise<string> {
  const room = `r${process.pid}-${++roomCounter}`;
  const watch = new RoomWatch(players.length);
  const chat = new ChatWatch(players.length);
  let left = players.length;
  const done = new Set<number>();
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  for (const [i, p] of players.entries()) {
    await p.join(room, i, watch, chat, () => {
      if (done.has(i)) return;
      done.add(i);
      if (--left === 0) finish();
    });
  }
  for (const p of players) p.play();
  await finished;
  return room;
}
