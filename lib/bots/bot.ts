import { io, type Socket } from "socket.io-client";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime-events";

/**
 * A simulated player that plays through the public API and socket exactly as the UI does:
 * signs in as a guest (next-auth CSRF flow), joins, readies, confirms its role, chooses with
 * a confidence, chats, ends the discussion, proposes and agrees on a consensus, rates it and
 * continues — reacting to the room:state snapshots it receives. No private back door.
 */

export type Misbehaviour = "none" | "drop" | "leave" | "invalid";

export interface BotOptions {
  baseUrl: string;
  nickname: string;
  /** Think time before each move, in ms: [min, max]. */
  think?: [number, number];
  misbehave?: Misbehaviour;
  /** Random numbers in [0, 1); Math.random by default (a seeded one makes runs repeatable). */
  random?: () => number;
  /** Called on every command answer (for load measurements). */
  onCommand?: (info: { path: string; status: number; ms: number }) => void;
  /** Called when this bot has left its room for good (misbehave "leave"). */
  onLeave?: (code: string) => void;
  log?: (msg: string) => void;
}

export interface BotResult {
  nickname: string;
  code: string;
  phase: string;
  commandsSent: number;
  commandsRefused: number;
  errors: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Bot {
  readonly nickname: string;
  userId = "";
  code = "";
  private cookies = new Map<string, string>();
  private socket?: Socket<ServerToClientEvents, ClientToServerEvents>;
  private latest?: RoomSnapshot;
  private busy = false;
  private again = false;
  private done?: (r: BotResult) => void;
  private finished: Promise<BotResult>;
  private myChoices = new Map<number, number>();
  private chatted = new Set<number>();
  private misbehaved = false;
  private stopped = false;
  readonly stats = { commandsSent: 0, commandsRefused: 0, errors: [] as string[] };

  constructor(private readonly opts: BotOptions) {
    this.nickname = opts.nickname;
    this.finished = new Promise((resolve) => (this.done = resolve));
  }

  private rand() {
    return (this.opts.random ?? Math.random)();
  }

  private pick(n: number) {
    return Math.floor(this.rand() * n);
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One HTTP call with the bot's cookies; answers status and JSON body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many routes; each caller reads the fields it knows
  async call(method: string, path: string, body?: unknown, form?: Record<string, string>): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(form).toString();
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const started = Date.now();
    const res = await fetch(this.opts.baseUrl + path, { method, headers, body: payload, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      const value = pair!.slice(i + 1);
      if (value) this.cookies.set(pair!.slice(0, i), value);
      else this.cookies.delete(pair!.slice(0, i));
    }
    const text = await res.text();
    this.opts.onCommand?.({ path, status: res.status, ms: Date.now() - started });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }

  /** Signs in as a guest and opens the socket. */
  async start(): Promise<void> {
    const csrf = await this.call("GET", "/api/auth/csrf");
    await this.call("POST", "/api/auth/callback/guest", undefined, { nickname: this.nickname, csrfToken: csrf.body.csrfToken, json: "true" });
    const me = await this.call("GET", "/api/users/me");
    if (me.status !== 200) throw new Error(`${this.nickname}: guest sign-in failed (${me.status})`);
    this.userId = me.body.id;
    this.socket = io(this.opts.baseUrl, { transports: ["websocket"], extraHeaders: { cookie: this.cookieHeader() }, reconnectionDelay: 300 });
    this.socket.on("room:state", (s) => this.onState(s));
    this.socket.on("connect", () => {
      if (this.code) void this.subscribe();
    });
    await new Promise<void>((resolve, reject) => {
      this.socket!.once("connect", () => resolve());
      this.socket!.once("connect_error", (e) => reject(e));
    });
  }

  async createRoom(body: Record<string, unknown> = {}): Promise<string> {
    const r = await this.command("POST", "/api/rooms", { visibility: "private", ...body });
    if (r.status !== 201) throw new Error(`${this.nickname}: could not create a room (${r.status} ${JSON.stringify(r.body)})`);
    return r.body.code;
  }

  /** Takes a seat in `code` and plays until the game ends; resolves with what happened. */
  async play(code: string): Promise<BotResult> {
    this.code = code;
    const joined = await this.command("POST", `/api/rooms/${code}/join`, {});
    if (joined.status !== 200) throw new Error(`${this.nickname}: could not join ${code} (${joined.status} ${JSON.stringify(joined.body)})`);
    await this.subscribe();
    this.onState(joined.body.snapshot);
    return this.finished;
  }

  private async subscribe() {
    const ack = await this.socket!.timeout(10_000).emitWithAck("room:subscribe", { code: this.code }).catch(() => null);
    if (ack?.ok) this.onState(ack.data as RoomSnapshot);
  }

  stop() {
    this.stopped = true;
    this.socket?.disconnect();
  }

  private onState(s: RoomSnapshot) {
    if (this.latest && s.version < this.latest.version) return;
    this.latest = s;
    if (s.phase === "FINISHED" || s.phase === "ABANDONED") {
      this.finish(s);
      return;
    }
    void this.schedule();
  }

  private finish(s: RoomSnapshot) {
    if (!this.done) return;
    const done = this.done;
    this.done = undefined;
    this.socket?.disconnect();
    done({ nickname: this.nickname, code: this.code, phase: s.phase, ...this.stats });
  }

  private async schedule() {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        const [min, max] = this.opts.think ?? [200, 800];
        await sleep(min + this.rand() * Math.max(0, max - min));
        if (this.stopped || !this.latest) return;
        await this.act(this.latest);
      } while (this.again);
    } catch (e) {
      this.stats.errors.push(e instanceof Error ? e.message : String(e));
    } finally {
      this.busy = false;
    }
  }

  private async command(method: string, path: string, body?: unknown) {
    this.stats.commandsSent++;
    const r = await this.call(method, path, body);
    if (r.status >= 400) this.stats.commandsRefused++;
    if (r.status >= 500) this.stats.errors.push(`${path}: ${r.status}`);
    if (r.status === 200 && r.body?.version !== undefined) this.onState(r.body);
    return r;
  }

  private async act(s: RoomSnapshot) {
    const me = s.seats.find((x) => x.userId === this.userId);
    if (!me) return;
    const base = `/api/rooms/${s.code}`;
    const round = `${base}/rounds/${s.round}`;
    const opId = () => `${this.userId.slice(0, 8)}-${s.version}-${this.pick(1e9)}`;

    if (this.opts.misbehave === "invalid" && this.rand() < 0.15) {
      // Nonsense a buggy client might send: every one must be refused with a 4xx.
      const bad = [
        () => this.command("POST", `${base}/rounds/${s.round + 1}/choice`, { choice: 0, confidence: 3 }),
        () => this.command("POST", `${round}/choice`, { choice: 7, confidence: 9 }),
        () => this.command("POST", `${round}/consensus`, { choice: "two" }),
        () => this.command("POST", `${base}/advance`, { reason: "x".repeat(500) }),
      ];
      await bad[this.pick(bad.length)]!();
    }
    if (this.opts.misbehave === "drop" && !this.misbehaved && s.phase === "DISCUSSION") {
      this.misbehaved = true;
      this.log("drops its connection for a moment");
      this.socket!.io.engine.close();
    }
    if (this.opts.misbehave === "leave" && !this.misbehaved && s.round === 2) {
      this.misbehaved = true;
      this.log("leaves for good");
      await this.command("POST", `${base}/leave`);
      this.finish(s);
      this.opts.onLeave?.(s.code);
      return;
    }

    switch (s.phase) {
      case "WAITING":
        if (!me.ready) await this.command("POST", `${base}/ready`, { ready: true });
        break;
      case "ROLES":
        if (!me.submitted) await this.command("POST", `${base}/roles/confirm`);
        break;
      case "INDIVIDUAL": {
        if (me.submitted) break;
        const options = s.scenario.currentQuestion?.options.length ?? 2;
        const choice = this.pick(options);
        this.myChoices.set(s.round, choice);
        await this.command("POST", `${round}/choice`, { choice, confidence: 1 + this.pick(5), opId: opId() });
        break;
      }
      case "DISCUSSION":
        if (!this.chatted.has(s.round) && this.rand() < 0.7) {
          this.chatted.add(s.round);
          const mine = this.myChoices.get(s.round);
          const label = mine === undefined ? "" : s.scenario.currentQuestion?.options[mine]?.label;
          await this.socket!.timeout(5000)
            .emitWithAck("chat:send", { code: s.code, text: label ? `I lean towards "${label}".`.slice(0, 500) : "Let's hear everyone first." })
            .catch(() => null);
        }
        if (!me.submitted) await this.command("POST", `${round}/discussion/end`, { opId: opId() });
        break;
      case "CONSENSUS": {
        const c = s.consensus;
        if (!c) break;
        if (c.reached) {
          if (!c.rated.includes(this.userId)) await this.command("POST", `${round}/consensus-confidence`, { confidence: 1 + this.pick(5), opId: opId() });
          break;
        }
        const tally = new Map<number, number>();
        for (const v of c.votes) tally.set(v.choice, (tally.get(v.choice) ?? 0) + 1);
        const leading = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
        const target = leading ?? this.myChoices.get(s.round) ?? 0;
        const mine = c.votes.find((v) => v.userId === this.userId)?.choice;
        if (mine !== target) await this.command("POST", `${round}/consensus`, { choice: target, opId: opId() });
        break;
      }
      case "REVEAL":
        if (!me.submitted) await this.command("POST", `${round}/continue`, { opId: opId() });
        break;
    }
  }

  private log(msg: string) {
    this.opts.log?.(`${this.nickname}: ${msg}`);
  }
}

/**
 * Three bots play one room from start to end; the first opens it. A bot that leaves for good
 * is replaced by a newcomer who takes the free seat, as a person would.
 */
export async function playRoom(opts: Omit<BotOptions, "nickname"> & { prefix: string; room?: Record<string, unknown>; misbehaviours?: Misbehaviour[] }): Promise<BotResult[]> {
  const replacements: Promise<BotResult>[] = [];
  let n = 0;
  const make = (misbehave: Misbehaviour) =>
    new Bot({
      ...opts,
      nickname: `${opts.prefix}${++n}`.slice(0, 24),
      misbehave,
      onLeave: (code) => {
        const newcomer = make("none");
        replacements.push(newcomer.start().then(() => newcomer.play(code)));
      },
    });
  const bots = [0, 1, 2].map((i) => make(opts.misbehaviours?.[i] ?? "none"));
  await Promise.all(bots.map((b) => b.start()));
  const code = await bots[0]!.createRoom(opts.room);
  const results = await Promise.all(bots.map((b) => b.play(code)));
  // Replacements may have been added while the others played.
  for (let i = 0; i < replacements.length; i++) results.push(await replacements[i]!);
  return results;
}
