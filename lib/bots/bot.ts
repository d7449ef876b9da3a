import { io, type Socket } from "socket.io-client";
import type { Phase } from "@/lib/domain/game";
import { SnapshotText, type LeanRoomSnapshot, type RoomSnapshot } from "@/lib/domain/snapshot";
import { emitWithAckWaitingOutThrottle, isVersionOnly, type ClientToServerEvents, type RoomVersionMessage, type ServerToClientEvents } from "@/lib/realtime-events";
import type { RoomCommandInput } from "@/lib/validation/room";
import { ThinkLoop } from "./think-loop";

/**
 * A simulated player that plays through the public API and socket exactly as the UI does:
 * signs in as a guest (next-auth CSRF flow), joins, and — with its moves sent over the socket's
 * `room:command` while connected, REST otherwise — readies, confirms its role, chooses with
 * a confidence, chats, ends the discussion, proposes and agrees on a consensus, rates it and
 * continues — reacting to the room:state snapshots it receives. No private back door.
 *
 * Misbehaviours (one per bot): "drop" loses its connection once during a discussion and comes
 * back (it must get the same seat and role); "leave" gives up its seat for good in round 2;
 * "invalid" sends commands a buggy client might send (REST requests and socket moves), each of
 * which must be refused with a 4xx and change nothing. What a bot saw is kept for checks (`drops`, `probes`, `submitted`,
 * `lastSocketState`).
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
  /** Called on every HTTP answer (for load measurements). */
  onCommand?: (info: { path: string; status: number; ms: number }) => void;
  /** Called when this bot has left its room for good (misbehave "leave"). */
  onLeave?: (code: string) => void;
  /** Called with every snapshot the bot takes in (socket push, subscribe answer, command answer). */
  onState?: (snapshot: RoomSnapshot) => void;
  /**
   * Stay connected and keep following the room after the game ends, until stop() — so that the
   * last state it received can be compared with the server's. Off by default: a bot leaves the
   * socket when its game is over.
   */
  keepOpen?: boolean;
  /** Wait out a rate-limited guest sign-in (Retry-After) instead of failing at once; true by default. */
  waitWhenRateLimited?: boolean;
  /** Invalid commands sent each time the room waits for this bot alone (misbehave "invalid"); 4 by default. */
  probesPerTurn?: number;
  log?: (msg: string) => void;
}

export interface BotResult {
  nickname: string;
  code: string;
  /** The phase the bot last saw (FINISHED for a whole game); "RELEASED" when a facilitator freed its seat, "STOPPED" after stop(). */
  phase: string;
  userId: string;
  commandsSent: number;
  commandsRefused: number;
  errors: string[];
}

/** Where a bot sat, as a snapshot shows it. */
export interface SeatObservation {
  seat: number;
  /** Role position, null before roles are dealt. */
  role: number | null;
  connected: boolean;
}

/** One connection drop (misbehave "drop"): the seat before, and the seat the room gave back after reconnecting. */
export interface DropRecord {
  phase: Phase;
  round: number;
  before: SeatObservation;
  /** null when the room no longer had a seat for the bot. */
  after: SeatObservation | null;
  /** Whether the server showed the seat as away while the bot was gone (read through GET /api/rooms/:code). */
  serverSawAway: boolean;
}

/** One invalid command (misbehave "invalid") with the room as the API showed it just before and just after. */
export interface ProbeRecord {
  name: string;
  method: string;
  path: string;
  status: number;
  /** The error code of the answer, when it had one. */
  code: string | null;
  versionBefore: number;
  versionAfter: number;
  /** Whether the room's snapshot (all of it but the server's clock) was the same before and after. */
  unchanged: boolean;
}

/** An answer the server accepted from this bot. */
export interface SubmissionRecord {
  round: number;
  kind: "choice" | "consensus-confidence";
  /** The option, for a choice. */
  choice?: number;
  confidence: number;
}

/** A snapshot without the server's clock: two reads of an unchanged room are equal. */
export function stableSnapshot(s: RoomSnapshot): Omit<RoomSnapshot, "serverTime"> {
  const { serverTime: _serverTime, ...rest } = s;
  return rest;
}

/** A small seeded generator (mulberry32) for repeatable runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isOverPhase = (phase: string) => phase === "FINISHED" || phase === "ABANDONED";
/** Phases in which the room waits for every player to answer once (the "submitted" flag). */
const TURN_PHASES: readonly Phase[] = ["ROLES", "INDIVIDUAL", "DISCUSSION", "REVEAL"];
/** A code no room has (the alphabet has no 0/O/1/I, so it is well-formed yet unused only by chance: any 4xx is right). */
const NO_SUCH_ROOM = "ZZZZZZ";

interface Probe {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  raw?: { body: string; contentType: string };
  /** Sent as a `room:command` over the socket instead (method and path then only label it). */
  socket?: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many routes; each caller reads the fields it knows
type Answer = { status: number; body: any; headers: Headers };

export class Bot {
  readonly nickname: string;
  userId = "";
  code = "";
  private cookies = new Map<string, string>();
  private socket?: Socket<ServerToClientEvents, ClientToServerEvents>;
  private latest?: RoomSnapshot;
  private socketState?: RoomSnapshot;
  /** The room's text, for its lean states (the bot subscribes as the UI does, with `lean: true`). */
  private readonly text = new SnapshotText();
  private readonly loop = new ThinkLoop({
    think: () => this.thinkRange(),
    random: () => this.rand(),
    turn: async () => {
      if (this.stopped || !this.done || !this.latest) return false;
      await this.act(this.latest);
      return true;
    },
    onError: (e) => this.stats.errors.push(e instanceof Error ? e.message : String(e)),
  });
  private done?: (r: BotResult) => void;
  private finished: Promise<BotResult>;
  private myChoices = new Map<number, number>();
  private chatted = new Set<number>();
  private misbehaved = false;
  private stopped = false;
  private wasSeated = false;
  private playing = false;
  private reconnecting = false;
  private probeCursor = 0;
  private probedTurns = new Set<string>();
  private waitingSince = new Map<string, number>();
  private wakeTimer?: ReturnType<typeof setTimeout>;
  readonly stats = { commandsSent: 0, commandsRefused: 0, errors: [] as string[] };
  /** Connection drops and what the room gave back (misbehave "drop"). */
  readonly drops: DropRecord[] = [];
  /** Invalid commands sent and what they did (misbehave "invalid"). */
  readonly probes: ProbeRecord[] = [];
  /** Choices and consensus ratings the server accepted. */
  readonly submitted: SubmissionRecord[] = [];

  constructor(private readonly opts: BotOptions) {
    this.nickname = opts.nickname;
    this.finished = new Promise((resolve) => (this.done = resolve));
  }

  /** The newest snapshot the bot has, from any source. */
  get state(): RoomSnapshot | undefined {
    return this.latest;
  }

  /** The newest snapshot that reached the bot over its socket (a `room:state` push or a subscribe answer). */
  get lastSocketState(): RoomSnapshot | undefined {
    return this.socketState;
  }

  /** The bot's seat in its latest snapshot. */
  get seat(): SeatObservation | null {
    return this.latest ? this.observeSeat(this.latest) : null;
  }

  private rand() {
    return (this.opts.random ?? Math.random)();
  }

  private pick(n: number) {
    return Math.floor(this.rand() * n);
  }

  private thinkRange(): [number, number] {
    return this.opts.think ?? [200, 800];
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One HTTP call with the bot's cookies; answers status, JSON body (or text) and headers. `raw` sends a body as is. */
  async call(method: string, path: string, body?: unknown, form?: Record<string, string>, raw?: { body: string; contentType: string }): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let payload: string | undefined;
    if (raw) {
      headers["content-type"] = raw.contentType;
      payload = raw.body;
    } else if (form) {
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
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Answer
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Signs in as a guest (waiting out a rate limit, as a person would, unless told not to) and opens the socket. */
  async start(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const csrf = await this.call("GET", "/api/auth/csrf");
      const signIn = await this.call("POST", "/api/auth/callback/guest", undefined, { nickname: this.nickname, csrfToken: csrf.body.csrfToken, json: "true" });
      if (signIn.status === 429 && this.opts.waitWhenRateLimited === false) throw Object.assign(new Error(`${this.nickname}: guest sign-in rate limited`), { status: 429, code: "RATE_LIMITED" });
      if (signIn.status !== 429 || attempt >= 5) break;
      const wait = Number(signIn.headers.get("retry-after")) || 10;
      this.log(`guest sign-in rate limited; waiting ${wait} s`);
      await sleep(wait * 1000);
    }
    const me = await this.call("GET", "/api/users/me");
    if (me.status !== 200) throw new Error(`${this.nickname}: guest sign-in failed (${me.status})`);
    this.userId = me.body.id;
    this.socket = io(this.opts.baseUrl, { transports: ["websocket"], extraHeaders: { cookie: this.cookieHeader() }, reconnectionDelay: 300 });
    this.socket.on("room:state", (s) => {
      this.text.learn(s);
      this.onSocketState(s);
    });
    this.socket.on("room:lean-state", (s) => void this.onLeanState(s));
    this.socket.on("connect", () => {
      if (this.code && !this.reconnecting) void this.subscribe();
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

  /**
   * Takes a seat in `code` (giving data consent first if the room asks for it, as the consent
   * screen does) and follows the room over the socket; resolves with the snapshot after joining.
   * Does not play yet: play() does.
   */
  async join(code: string): Promise<RoomSnapshot> {
    this.code = code;
    // As the UI: over the socket while it is connected (answered with the snapshot), else REST ({ seat, snapshot }).
    const take = async () => {
      const r = await this.move({ type: "join", code }, `/api/rooms/${code}/join`);
      // The socket answers the snapshot, the REST route { seat, snapshot }.
      return r.status === 200 && r.body && !("snapshot" in r.body) ? { ...r, body: { snapshot: r.body } } : r;
    };
    let joined = await take();
    if (joined.status === 403 && joined.body?.error?.code === "CONSENT_REQUIRED") {
      this.log("gives data consent to join a research room");
      await this.command("PUT", "/api/users/me/consent", { dataConsent: true, voiceConsent: false });
      joined = await take();
    }
    if (joined.status !== 200) {
      const error = joined.body?.error;
      throw Object.assign(new Error(`${this.nickname}: could not join ${code} (${joined.status} ${error?.code ?? JSON.stringify(joined.body)})`), { status: joined.status, code: error?.code as string | undefined });
    }
    this.wasSeated = true;
    const snapshot: RoomSnapshot = joined.body.snapshot;
    if (!this.latest || snapshot.version >= this.latest.version) this.latest = snapshot;
    await this.subscribe();
    return this.latest!;
  }

  /** Takes a seat in `code` (unless join() already did) and plays until the game ends; resolves with what happened. */
  async play(code: string): Promise<BotResult> {
    if (this.code !== code || !this.wasSeated) await this.join(code);
    this.playing = true;
    if (this.latest) this.onState(this.latest);
    return this.finished;
  }

  private async subscribe(): Promise<RoomSnapshot | null> {
    const ack = await this.socket!.timeout(10_000).emitWithAck("room:subscribe", { code: this.code, lean: true }).catch(() => null);
    if (!ack?.ok) return null;
    const s = ack.data as RoomSnapshot;
    this.text.learn(s);
    this.onSocketState(s);
    return s;
  }

  /** A lean state with the room's text put back; text the bot has not seen means reading the room (as the UI does). */
  private async onLeanState(lean: LeanRoomSnapshot) {
    if (lean.code !== this.code) return;
    const s = this.text.inflate(lean);
    if (s) return this.onSocketState(s);
    const r = await this.call("GET", `/api/rooms/${lean.code}`).catch(() => null);
    // Not read (no answer, or refused): the next state, or the bot's reconnect, brings it.
    if (r?.status !== 200) return;
    this.text.learn(r.body);
    this.onSocketState(r.body);
  }

  /** Stops playing and closes the socket; a game still running resolves play() with phase "STOPPED". */
  stop() {
    this.stopped = true;
    clearTimeout(this.wakeTimer);
    this.socket?.disconnect();
    this.resolve("STOPPED");
  }

  private onSocketState(s: RoomSnapshot) {
    if (!this.socketState || s.version >= this.socketState.version) this.socketState = s;
    this.onState(s);
  }

  private onState(s: RoomSnapshot) {
    if (this.latest && s.version < this.latest.version) return;
    this.latest = s;
    this.opts.onState?.(s);
    if (!this.done || !this.playing) return;
    if (isOverPhase(s.phase)) {
      this.finish(s.phase);
      return;
    }
    if (this.wasSeated && !this.reconnecting && !s.seats.some((x) => x.userId === this.userId)) {
      this.log("lost its seat (released by a facilitator)");
      this.finish("RELEASED");
      return;
    }
    this.loop.kick();
  }

  private resolve(phase: string) {
    if (!this.done) return;
    const done = this.done;
    this.done = undefined;
    done({ nickname: this.nickname, code: this.code, phase, userId: this.userId, ...this.stats });
  }

  private finish(phase: string) {
    clearTimeout(this.wakeTimer);
    if (!this.opts.keepOpen) this.socket?.disconnect();
    this.resolve(phase);
  }

  private async command(method: string, path: string, body?: unknown) {
    this.stats.commandsSent++;
    const r = await this.call(method, path, body);
    if (r.status >= 400) this.stats.commandsRefused++;
    if (r.status >= 500) this.stats.errors.push(`${method} ${path}: ${r.status}`);
    if (r.status === 200 && r.body?.version !== undefined) this.onState(r.body);
    return r;
  }

  /**
   * A game move as the UI sends it: over the socket (`room:command`) while it is connected, else
   * the REST route. The socket's refusal carries the route's status, so both count alike.
   */
  private async move(cmd: RoomCommandInput, path: string, body: Record<string, unknown> = {}) {
    if (!this.socket?.connected) return this.command("POST", path, body);
    this.stats.commandsSent++;
    const started = Date.now();
    // As the web client asks: a move's answer is the version alone when the room's push came just
    // before it. A seat is taken before subscribing, and join() wants its snapshot.
    const payload: RoomCommandInput = cmd.type === "join" ? cmd : { ...cmd, reply: "version" };
    const ack = await emitWithAckWaitingOutThrottle<RoomSnapshot | RoomVersionMessage>(this.socket, "room:command", payload, 30_000).catch(() => null);
    const r = !ack ? { status: 0, body: null } : ack.ok ? { status: 200, body: ack.data } : { status: ack.error.status ?? 0, body: { error: ack.error } };
    this.opts.onCommand?.({ path: `room:command ${cmd.type}`, status: r.status, ms: Date.now() - started });
    if (r.status >= 400 || r.status === 0) this.stats.commandsRefused++;
    if (r.status >= 500 || r.status === 0) this.stats.errors.push(`room:command ${cmd.type}: ${r.status === 0 ? "no answer" : r.status}`);
    if (ack?.ok && !isVersionOnly(ack.data)) this.onState(ack.data);
    return r;
  }

  private observeSeat(s: RoomSnapshot): SeatObservation | null {
    const seat = s.seats.find((x) => x.userId === this.userId);
    return seat ? { seat: seat.seat, role: seat.role?.position ?? null, connected: seat.connected } : null;
  }

  private async act(s: RoomSnapshot) {
    const me = s.seats.find((x) => x.userId === this.userId);
    if (!me) return;
    const base = `/api/rooms/${s.code}`;
    const round = `${base}/rounds/${s.round}`;
    const opId = () => `${this.userId.slice(0, 8)}-${s.version}-${this.pick(1e9)}`;
    // "Are you still there?" (asked when a phase passed without a move from this bot): it is.
    if (me.checkInBy && !isOverPhase(s.phase)) await this.move({ type: "checkIn", code: s.code }, `${base}/check-in`);

    if (this.opts.misbehave === "invalid" && TURN_PHASES.includes(s.phase) && !me.submitted && !(await this.misbehaveInvalid(s))) return;
    if (this.opts.misbehave === "drop" && !this.misbehaved && s.phase === "DISCUSSION") {
      this.misbehaved = true;
      await this.drop(s);
      this.loop.repeat();
      return;
    }
    if (this.opts.misbehave === "leave" && !this.misbehaved && s.round === 2) {
      this.misbehaved = true;
      this.log("leaves for good");
      this.wasSeated = false;
      await this.command("POST", `${base}/leave`);
      this.finish(s.phase);
      this.opts.onLeave?.(s.code);
      return;
    }

    switch (s.phase) {
      case "WAITING": {
        if (!me.ready) await this.move({ type: "ready", code: s.code, ready: true }, `${base}/ready`, { ready: true });
        // A host whose room deals roles by hand deals them at random once everyone is ready.
        const everyoneReady = s.seats.every((x) => x.userId !== null && x.ready);
        if (me.ready && everyoneReady && s.hostId === this.userId && s.settings.roleAssignment === "manual") await this.command("POST", `${base}/roles`, { mode: "random" });
        break;
      }
      case "ROLES":
        if (!me.submitted) await this.move({ type: "confirmRole", code: s.code }, `${base}/roles/confirm`);
        break;
      case "INDIVIDUAL": {
        if (me.submitted) break;
        const options = s.scenario.currentQuestion?.options.length ?? 2;
        const choice = this.pick(options);
        const confidence = 1 + this.pick(5);
        this.myChoices.set(s.round, choice);
        const body = { choice, confidence, opId: opId() };
        const r = await this.move({ type: "choice", code: s.code, round: s.round, ...body }, `${round}/choice`, body);
        if (r.status === 200) this.submitted.push({ round: s.round, kind: "choice", choice, confidence });
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
        if (!me.submitted) {
          const body = { opId: opId() };
          await this.move({ type: "endDiscussion", code: s.code, round: s.round, ...body }, `${round}/discussion/end`, body);
        }
        break;
      case "CONSENSUS": {
        const c = s.consensus;
        if (!c) break;
        if (c.reached) {
          if (!c.rated.includes(this.userId)) {
            const confidence = 1 + this.pick(5);
            const body = { confidence, opId: opId() };
            const r = await this.move({ type: "consensusConfidence", code: s.code, round: s.round, ...body }, `${round}/consensus-confidence`, body);
            if (r.status === 200) this.submitted.push({ round: s.round, kind: "consensus-confidence", confidence });
          }
          break;
        }
        const tally = new Map<number, number>();
        for (const v of c.votes) tally.set(v.choice, (tally.get(v.choice) ?? 0) + 1);
        const leading = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
        const target = leading ?? this.myChoices.get(s.round) ?? 0;
        const mine = c.votes.find((v) => v.userId === this.userId)?.choice;
        if (mine !== target) {
          const body = { choice: target, opId: opId() };
          await this.move({ type: "consensus", code: s.code, round: s.round, ...body }, `${round}/consensus`, body);
        }
        break;
      }
      case "REVEAL":
        if (!me.submitted) {
          const body = { opId: opId() };
          await this.move({ type: "continue", code: s.code, round: s.round, ...body }, `${round}/continue`, body);
        }
        break;
    }
  }

  /**
   * The "invalid" misbehaviour: hold back the turn until the room waits for this bot alone
   * (nobody else can change it then), send a few invalid commands, each between two reads of
   * the room, and only then play. Answers whether to play the turn now.
   */
  private async misbehaveInvalid(s: RoomSnapshot): Promise<boolean> {
    const turn = `${s.phase}:${s.round}`;
    if (this.probedTurns.has(turn)) return true;
    const others = s.seats.filter((x) => x.userId !== null && x.userId !== this.userId);
    const isLast = others.length === 2 && others.every((x) => x.submitted) && s.pausedAt === null;
    if (isLast) {
      this.probedTurns.add(turn);
      await this.probe(s);
      this.loop.repeat();
      return false;
    }
    // Not last yet: wait for the others, but not for ever (two such bots would wait on each other).
    const since = this.waitingSince.get(turn) ?? Date.now();
    this.waitingSince.set(turn, since);
    const patience = Math.max(3000, 10 * this.thinkRange()[1]);
    const left = since + patience - Date.now();
    if (left <= 0) return true;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => this.loop.kick(), left);
    return false;
  }

  /** Invalid commands that are refused whatever the room's phase (those allowed to a host are left out for a host). */
  private probeList(s: RoomSnapshot): Probe[] {
    const base = `/api/rooms/${s.code}`;
    const options = s.scenario.currentQuestion?.options.length ?? 4;
    const isHost = s.hostId === this.userId;
    const other = s.seats.find((x) => x.userId !== null && x.userId !== this.userId);
    const list: Probe[] = [
      { name: "choice for another round", method: "POST", path: `${base}/rounds/${s.round + 1}/choice`, body: { choice: 0, confidence: 3 } },
      { name: "confidence out of range", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/choice`, body: { choice: 0, confidence: 9 } },
      { name: "option that does not exist", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/choice`, body: { choice: options, confidence: 3 } },
      { name: "consensus with a word for a choice", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/consensus`, body: { choice: "two" } },
      { name: "round zero", method: "POST", path: `${base}/rounds/0/choice`, body: { choice: 0, confidence: 3 } },
      { name: "unknown field", method: "POST", path: `${base}/ready`, body: { ready: true, admin: true } },
      { name: "malformed JSON", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/choice`, raw: { body: '{"choice": 0, "confidence":', contentType: "application/json" } },
      { name: "wrong content type", method: "POST", path: `${base}/ready`, raw: { body: "ready=true", contentType: "text/plain" } },
      { name: "second seat", method: "POST", path: `${base}/join`, body: {} },
      { name: "ready during the game", method: "POST", path: `${base}/ready`, body: { ready: false } },
      { name: "rating outside the consensus phase", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/consensus-confidence`, body: { confidence: 3 } },
      { name: "overlong opId", method: "POST", path: `${base}/rounds/${Math.max(1, s.round)}/continue`, body: { opId: "x".repeat(65) } },
      { name: "overlong reason", method: "POST", path: `${base}/advance`, body: { reason: "x".repeat(500) } },
      { name: "unknown room", method: "POST", path: `/api/rooms/${NO_SUCH_ROOM}/ready`, body: { ready: true } },
    ];
    const overSocket = (name: string, payload: Record<string, unknown>): Probe => ({ name: `socket: ${name}`, method: "EMIT", path: "room:command", socket: { code: s.code, ...payload } });
    list.push(
      overSocket("choice for another round", { type: "choice", round: s.round + 1, choice: 0, confidence: 3 }),
      overSocket("confidence out of range", { type: "choice", round: Math.max(1, s.round), choice: 0, confidence: 9 }),
      overSocket("unknown move", { type: "teleport" }),
      overSocket("unknown field", { type: "ready", ready: true, admin: true }),
      overSocket("ready during the game", { type: "ready", ready: false }),
    );
    if (!isHost) list.push({ name: "advance as a player", method: "POST", path: `${base}/advance`, body: { reason: "a bot tries to skip" } });
    if (!isHost && other) list.push({ name: "release another player's seat", method: "POST", path: `${base}/seats/${other.seat}/release` });
    return list;
  }

  private async probe(s: RoomSnapshot) {
    const list = this.probeList(s);
    const count = this.opts.probesPerTurn ?? 4;
    for (let i = 0; i < count; i++) {
      const p = list[this.probeCursor++ % list.length]!;
      const before = await this.call("GET", `/api/rooms/${s.code}`);
      this.stats.commandsSent++;
      const r = p.socket === undefined ? await this.call(p.method, p.path, p.body, undefined, p.raw) : await this.emitProbe(p.socket);
      if (r.status >= 400) this.stats.commandsRefused++;
      if (r.status >= 500) this.stats.errors.push(`invalid command "${p.name}": ${r.status}`);
      const after = await this.call("GET", `/api/rooms/${s.code}`);
      const unchanged = before.status === 200 && after.status === 200 && JSON.stringify(stableSnapshot(before.body)) === JSON.stringify(stableSnapshot(after.body));
      this.probes.push({ name: p.name, method: p.method, path: p.path, status: r.status, code: r.body?.error?.code ?? null, versionBefore: before.body?.version ?? -1, versionAfter: after.body?.version ?? -1, unchanged });
      if (r.status < 400 || r.status >= 500 || !unchanged) this.log(`invalid command "${p.name}" answered ${r.status}${unchanged ? "" : " and changed the room"}`);
    }
  }

  /** An invalid `room:command`, answered as the REST route would be (status and body). */
  private async emitProbe(payload: unknown): Promise<{ status: number; body: { error?: { code?: string } } | null }> {
    const ack = await this.socket!.timeout(30_000)
      .emitWithAck("room:command", payload as RoomCommandInput)
      .catch(() => null);
    if (!ack) return { status: 0, body: null };
    return ack.ok ? { status: 200, body: {} } : { status: ack.error.status ?? 0, body: { error: ack.error } };
  }

  /**
   * The "drop" misbehaviour: close the connection, wait until the server shows the seat as
   * away, then connect again and subscribe, as the UI does after a network drop, noting the
   * seat before and after.
   */
  private async drop(s: RoomSnapshot) {
    const before = this.observeSeat(s)!;
    this.log("drops its connection");
    this.reconnecting = true;
    try {
      this.socket!.disconnect();
      let serverSawAway = false;
      for (let i = 0; i < 100 && !serverSawAway; i++) {
        const r = await this.call("GET", `/api/rooms/${s.code}`);
        if (r.status !== 200 || isOverPhase(r.body.phase)) break;
        serverSawAway = r.body.seats.some((x: { userId: string | null; connected: boolean }) => x.userId === this.userId && !x.connected);
        if (!serverSawAway) await sleep(200);
      }
      const [min, max] = this.thinkRange();
      await sleep(min + this.rand() * Math.max(0, max - min));
      const reconnected = new Promise<void>((resolve, reject) => {
        this.socket!.once("connect", () => resolve());
        this.socket!.once("connect_error", (e) => reject(e));
      });
      this.socket!.connect();
      await reconnected;
      const back = await this.subscribe();
      const after = back ? this.observeSeat(back) : null;
      this.drops.push({ phase: s.phase, round: s.round, before, after, serverSawAway });
      this.log(`is back${after ? ` in seat ${after.seat}` : " without a seat"}`);
    } finally {
      this.reconnecting = false;
    }
  }

  private log(msg: string) {
    this.opts.log?.(`${this.nickname}: ${msg}`);
  }
}

export interface PlayRoomOptions extends Omit<BotOptions, "nickname"> {
  prefix: string;
  /** Body of POST /api/rooms (scenarioId, customGameCode, settings…). */
  room?: Record<string, unknown>;
  /** One per seat; "none" for the rest. */
  misbehaviours?: Misbehaviour[];
  /** Called with every bot of the room as it is made (newcomers included), e.g. to check what it saw. */
  onBot?: (bot: Bot) => void;
}

/**
 * Three bots play one room from start to end; a well-behaved one opens it (and hosts it).
 * A bot that leaves for good is replaced by a newcomer who takes the free seat, as a person would.
 */
export async function playRoom(opts: PlayRoomOptions): Promise<BotResult[]> {
  const replacements: Promise<BotResult>[] = [];
  let n = 0;
  const make = (misbehave: Misbehaviour) => {
    const bot = new Bot({
      ...opts,
      nickname: `${opts.prefix}${++n}`.slice(0, 24),
      misbehave,
      onLeave: (code) => {
        const newcomer = make("none");
        replacements.push(newcomer.start().then(() => newcomer.play(code)));
      },
    });
    opts.onBot?.(bot);
    return bot;
  };
  const bots = [0, 1, 2].map((i) => make(opts.misbehaviours?.[i] ?? "none"));
  await Promise.all(bots.map((b) => b.start()));
  const host = bots.find((_, i) => (opts.misbehaviours?.[i] ?? "none") === "none") ?? bots[0]!;
  const code = await host.createRoom(opts.room);
  // The host sits first, as the person who opened the room would.
  await host.join(code);
  const out = await Promise.all(bots.map((b) => b.play(code)));
  // Replacements may have been added while the others played.
  for (let i = 0; i < replacements.length; i++) out.push(await replacements[i]!);
  return out;
}
