import { io, type Socket } from "socket.io-client";
import { SnapshotText, type RoomSnapshot } from "@/lib/domain/snapshot";
import { emitWithAckWaitingOutThrottle, isVersionOnly, type ClientToServerEvents, type RoomVersionMessage, type ServerToClientEvents } from "@/lib/realtime-events";
import type { RoomCommandInput } from "@/lib/validation/room";
import { ThinkLoop } from "@/lib/bots/think-loop";
import { HttpSession, type Answer } from "./http";
import { type LoadStats } from "./load-stats";
import { ChatWatch, RoomWatch } from "./roundtrip";

/**
 * A simulated player for load measurements. It plays the way lib/bots/bot.ts and the UI do
 * (moves over the socket's `room:command` while it is connected, REST otherwise; Socket.IO for
 * room:state and chat), but also reports when each
 * room:state and chat message arrives, so a command's round-trip to all three players of
 * the room can be measured. (The bot library has no such hook, and belongs to its own
 * owner; this is the light client the bench needs.)
 */

export interface PlayerOptions {
  baseUrl: string;
  nickname: string;
  /** Pause before each move, ms [min, max]. */
  think: [number, number];
  random: () => number;
  stats: LoadStats;
  /** Chance of one chat message per discussion. */
  chatChance?: number;
  /** Keep a sample of room:state sizes (1 in N payloads; 0 = none). */
  sizeSampleEvery?: number;
  /** Sees every room:state this player receives. */
  onState?: (s: RoomSnapshot) => void;
  /** Agree to research use of one's answers at sign-in (so the research export shows them). */
  dataConsent?: boolean;
  /** How moves are sent: over the socket (`room:command`, as the UI does while connected), or as REST requests. */
  transport?: "socket" | "http";
  /** Subscribe for lean states (room:lean-state, as the UI does; the default) or the whole snapshot each time (room:state). */
  lean?: boolean;
}

interface Game {
  code: string;
  over?: boolean;
  watch: RoomWatch;
  chat: ChatWatch;
  index: number;
  done: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Silence after which a player reads the room again. */
const QUIET_MS = 60_000;

export class GamePlayer {
  readonly http: HttpSession;
  private socket?: Socket<ServerToClientEvents, ClientToServerEvents>;
  private game?: Game;
  private latest?: RoomSnapshot;
  private readonly text = new SnapshotText();
  private readonly loop = new ThinkLoop({
    think: () => this.opts.think,
    random: () => this.opts.random(),
    turn: async () => {
      if (this.stopped || !this.latest || !this.game) return false;
      await this.act(this.latest);
      return true;
    },
    onError: (e) => this.stats.error(`${this.opts.nickname}: ${e instanceof Error ? e.message : String(e)}`),
  });
  private stopped = false;
  private received = 0;
  private lastStateAt = 0;
  private inflight = 0;
  private watchdogTimer?: NodeJS.Timeout;
  private readonly myChoices = new Map<number, number>();
  private readonly chatted = new Set<number>();

  constructor(readonly opts: PlayerOptions) {
    this.http = new HttpSession(opts.baseUrl);
  }

  get userId(): string {
    return this.http.userId;
  }

  /** The room of the game this player plays or played last. */
  get roomCode(): string | undefined {
    return this.game?.code;
  }

  private get stats() {
    return this.opts.stats;
  }

  /** Signs in as a guest and opens the socket. */
  async start(): Promise<void> {
    await this.http.signInGuest(this.opts.nickname);
    if (this.opts.dataConsent) {
      const r = await this.http.call("PUT", "/api/users/me/consent", { dataConsent: true, voiceConsent: false });
      if (r.status !== 200) throw new Error(`${this.opts.nickname}: consent answered ${r.status}`);
    }
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.opts.baseUrl, {
      transports: ["websocket"],
      extraHeaders: { cookie: this.http.cookieHeader() },
      forceNew: true,
      reconnectionDelay: 500,
    });
    this.socket = socket;
    const received = (s: { code: string; version: number }): boolean => {
      const g = this.game;
      if (!g || s.code !== g.code) return false;
      g.watch.received(g.index, s.version);
      const every = this.opts.sizeSampleEvery ?? 0;
      if (every && this.received++ % every === 0) this.stats.stateBytes.push(Buffer.byteLength(JSON.stringify(s)));
      return true;
    };
    socket.on("room:state", (s) => {
      if (!received(s)) return;
      this.text.learn(s);
      this.opts.onState?.(s);
      this.onState(s);
    });
    socket.on("room:lean-state", (lean) => {
      if (!received(lean)) return;
      const s = this.text.inflate(lean);
      if (!s) {
        // As the web client: text it has not seen means reading the room.
        this.stats.textReads++;
        void this.http
          .call("GET", `/api/rooms/${lean.code}`)
          .then((r) => (r.status === 200 ? this.learnt(r.body as RoomSnapshot) : undefined))
          .catch(() => undefined);
        return;
      }
      this.opts.onState?.(s);
      this.onState(s);
    });
    socket.on("chat:message", (m) => this.game?.chat.received(m.id));
    socket.on("connect", () => {
      if (this.game) void this.subscribe(this.game.code);
    });
    // A connection lost mid-run (not the player's own stop) is worth knowing about.
    socket.on("disconnect", (reason) => {
      if (!this.stopped) this.stats.error(`${this.opts.nickname}: socket disconnected (${reason})`);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (e) => reject(e));
    });
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.watchdogTimer);
    this.socket?.disconnect();
  }

  /** Makes no new move, and resolves once the moves already sent are answered (or after `maxMs`). */
  async quiesce(maxMs: number): Promise<void> {
    this.stopped = true;
    const until = performance.now() + maxMs;
    while (this.inflight > 0 && performance.now() < until) await sleep(100);
  }

  /**
   * A set-up call (open a room, take a seat) that a person would simply try again: a server
   * error or no answer is counted, then retried after a pause, a few times.
   */
  private async setUp(path: string, ok: number) {
    for (let attempt = 1; ; attempt++) {
      const r = await this.http.call("POST", path, path === "/api/rooms" ? { visibility: "private" } : {}).catch((e: unknown) => {
        this.stats.noAnswer++;
        this.stats.error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      if (r) this.stats.status(r.status);
      if (r?.status === ok) return r;
      // An earlier try that got no answer may have taken the seat after all.
      if (attempt > 1 && r?.status === 409 && r.body?.error?.code === "ALREADY_SEATED") {
        const room = await this.http.patient("GET", path.replace(/\/join$/, ""));
        if (room.status === 200) return { status: 200, body: { snapshot: room.body } };
      }
      if (r && r.status < 500) throw new Error(`${this.opts.nickname}: ${path} answered ${r.status} ${JSON.stringify(r.body)}`);
      if (r) this.stats.error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      if (attempt >= 5) throw new Error(`${this.opts.nickname}: ${path} failed ${attempt} times`);
      await sleep(2000 * attempt);
    }
  }

  /** Opens a private room; answers its code. */
  async createRoom(): Promise<string> {
    const r = await this.setUp("/api/rooms", 201);
    return r.body.code as string;
  }

  /** Takes a seat and follows the room; play() starts the moves. */
  async join(code: string, index: number, watch: RoomWatch, chat: ChatWatch, done: () => void): Promise<void> {
    this.latest = undefined;
    this.myChoices.clear();
    this.chatted.clear();
    this.game = { code, index, watch, chat, done };
    const s = this.opts.transport === "http" ? ((await this.setUp(`/api/rooms/${code}/join`, 200)).body.snapshot as RoomSnapshot) : await this.joinOverSocket(code);
    // A broadcast may have come first.
    const held = this.latest as RoomSnapshot | undefined;
    if (!held || s.version > held.version) this.latest = s;
    await this.subscribe(code);
  }

  /** Takes a seat over the socket, as the UI does while connected (room:command "join"). */
  private async joinOverSocket(code: string): Promise<RoomSnapshot> {
    const ack = await emitWithAckWaitingOutThrottle<RoomSnapshot>(this.socket!, "room:command", { type: "join", code }, 300_000, () => this.stats.throttled++);
    this.stats.status(ack.ok ? 200 : (ack.error.status ?? 0));
    if (ack.ok) return ack.data;
    throw new Error(`${this.opts.nickname}: joining ${code} over the socket answered ${ack.error.status} ${ack.error.code}`);
  }

  private async subscribe(code: string) {
    for (let attempt = 1; attempt <= 5 && this.game?.code === code && !this.stopped; attempt++) {
      const ack = await this.socket!.timeout(30_000)
        .emitWithAck("room:subscribe", { code, lean: this.opts.lean ?? true })
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      // Stopped meanwhile (the end of a run or a step): the socket closed with the answer pending.
      if (this.stopped) return;
      if (!(ack instanceof Error) && ack.ok && this.game?.code === code) {
        const s = ack.data as RoomSnapshot;
        this.text.learn(s);
        this.game.watch.received(this.game.index, s.version);
        if (!this.latest || s.version > this.latest.version) this.latest = s;
        return;
      }
      this.stats.error(`${this.opts.nickname}: room:subscribe ${ack instanceof Error ? ack.message : JSON.stringify(ack)}`);
    }
  }

  /**
   * As the web client does, reads the room again when nothing has arrived for a while (a
   * broadcast lost to a dropped connection, or a move that failed and must be made again).
   */
  private watchdog() {
    clearInterval(this.watchdogTimer);
    this.watchdogTimer = setInterval(() => {
      const g = this.game;
      if (!g || this.stopped || g.over || this.inflight > 0 || performance.now() - this.lastStateAt < QUIET_MS) return;
      this.lastStateAt = performance.now();
      this.stats.refetches++;
      void this.http
        .call("GET", `/api/rooms/${g.code}`)
        .then((r) => (r.status === 200 ? this.onState(r.body as RoomSnapshot) : undefined))
        .catch(() => undefined);
    }, QUIET_MS / 3);
    this.watchdogTimer.unref();
  }

  /** Starts moving from the latest state. */
  play(): void {
    this.lastStateAt = performance.now();
    this.watchdog();
    if (this.latest) this.onState(this.latest);
  }

  private learnt(s: RoomSnapshot) {
    this.text.learn(s);
    this.onState(s);
  }

  private onState(s: RoomSnapshot) {
    // An answer may come back after its game ended and the next began.
    if (s.code !== this.game?.code) return;
    if (this.latest && s.version < this.latest.version) return;
    this.latest = s;
    this.lastStateAt = performance.now();
    if (s.phase === "FINISHED" || s.phase === "ABANDONED") {
      const g = this.game;
      if (g) {
        g.over = true;
        g.done();
      }
      return;
    }
    this.loop.kick();
  }

  private pick(n: number) {
    return Math.floor(this.opts.random() * n);
  }

  /** One move; its answer, round-trip and (when accepted) the row it adds are counted. */
  private async command(kind: "ready" | "ack" | "choice" | "vote" | "rating", move: RoomCommandInput, path: string, body: unknown = {}): Promise<void> {
    const game = this.game!;
    const t0 = performance.now();
    this.stats.sent++;
    let r: Answer<{ version?: number; error?: { code?: string } }>;
    this.inflight++;
    try {
      r = this.opts.transport === "http" || !this.socket?.connected ? await this.http.call("POST", path, body) : await this.emitMove(move);
    } catch (e) {
      this.stats.noAnswer++;
      // A player stopped with a move in flight (the end of a run) closed its own socket: no news.
      if (!this.stopped) this.stats.error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    } finally {
      this.inflight--;
    }
    this.stats.status(r.status);
    if (r.status >= 500) this.stats.error(`${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    else if (r.status >= 400) this.stats.refusal(path.split("/").pop()!, r.status, r.body?.error?.code);
    if (r.status !== 200 || r.body?.version === undefined) return;
    this.stats.accepted.push(performance.now());
    const m = this.stats.moves;
    if (kind === "choice") m.choices++;
    else if (kind === "ack") m.phaseAcks++;
    else if (kind === "rating") m.consensusRatings++;
    else if (kind === "vote") m.consensusVotes.add(`${game.code}:${"round" in move ? move.round : (r.body as unknown as RoomSnapshot).round}:${this.userId}`);
    void game.watch.roundTrip(r.body.version!, t0).then((ms) => this.stats.roundTrip(t0, ms));
    // A REST answer is the snapshot; the socket's is its version (the push carried the snapshot).
    const answer = r.body as unknown as RoomSnapshot | RoomVersionMessage;
    if (!isVersionOnly(answer)) this.onState(answer);
  }

  /** A move over the socket, answered as the REST route would (status and body); throws when no ack comes. */
  private async emitMove(move: RoomCommandInput): Promise<Answer<{ version?: number; error?: { code?: string } }>> {
    // As long as an HTTP answer may take (undici's 300 s): a slow ack is not a lost move.
    // Past the hub's per-socket event rate (think time 0): wait as told, send the same move again.
    // As the web client asks: the version alone (the room's push, which the player follows, came just before).
    const ack = await emitWithAckWaitingOutThrottle<RoomSnapshot | RoomVersionMessage>(this.socket!, "room:command", { ...move, reply: "version" }, 300_000, () => this.stats.throttled++);
    return ack.ok ? { status: 200, body: ack.data } : { status: ack.error.status ?? 0, body: { error: ack.error } };
  }

  private async chat(code: string, text: string) {
    const game = this.game!;
    const t0 = performance.now();
    this.stats.chatsSent++;
    this.inflight++;
    // As long as an HTTP answer may take (undici's 300 s): a slow ack is not a lost message.
    const ack = await this.socket!.timeout(300_000)
      .emitWithAck("chat:send", { code, text })
      .catch(() => null)
      .finally(() => this.inflight--);
    if (!ack?.ok) {
      this.stats.chatsFailed++;
      return;
    }
    this.stats.moves.chatMessages++;
    void game.chat.roundTrip(ack.data.id, t0).then((ms) => this.stats.chatRoundTrip(t0, ms));
  }

  private async act(s: RoomSnapshot) {
    const me = s.seats.find((x) => x.userId === this.userId);
    if (!me) return;
    const base = `/api/rooms/${s.code}`;
    const round = `${base}/rounds/${s.round}`;
    const opId = () => `${this.userId.slice(0, 8)}-${s.version}-${this.pick(1e9)}`;
    switch (s.phase) {
      case "WAITING":
        if (!me.ready && s.seats.every((x) => x.userId)) await this.command("ready", { type: "ready", code: s.code, ready: true }, `${base}/ready`, { ready: true });
        break;
      case "ROLES":
        if (!me.submitted) await this.command("ack", { type: "confirmRole", code: s.code }, `${base}/roles/confirm`);
        break;
      case "INDIVIDUAL": {
        if (me.submitted) break;
        const choice = this.pick(s.scenario.currentQuestion?.options.length ?? 2);
        this.myChoices.set(s.round, choice);
        const body = { choice, confidence: 1 + this.pick(5), opId: opId() };
        await this.command("choice", { type: "choice", code: s.code, round: s.round, ...body }, `${round}/choice`, body);
        break;
      }
      case "DISCUSSION":
        if (!this.chatted.has(s.round) && this.opts.random() < (this.opts.chatChance ?? 0.7)) {
          this.chatted.add(s.round);
          const mine = this.myChoices.get(s.round);
          const label = mine === undefined ? undefined : s.scenario.currentQuestion?.options[mine]?.label;
          await this.chat(s.code, label ? `I lean towards "${label}".`.slice(0, 500) : "Let's hear everyone first.");
        }
        if (!me.submitted) {
          const body = { opId: opId() };
          await this.command("ack", { type: "endDiscussion", code: s.code, round: s.round, ...body }, `${round}/discussion/end`, body);
        }
        break;
      case "CONSENSUS": {
        const c = s.consensus;
        if (!c) break;
        if (c.reached) {
          if (!c.rated.includes(this.userId)) {
            const body = { confidence: 1 + this.pick(5), opId: opId() };
            await this.command("rating", { type: "consensusConfidence", code: s.code, round: s.round, ...body }, `${round}/consensus-confidence`, body);
          }
          break;
        }
        // The host proposes their own choice and the others back whatever the host backs: a
        // group that always agrees, and never chases a moving majority (which at think time 0
        // can go on for ever, each player acting on a snapshot a moment old).
        const isHost = s.hostId === this.userId;
        const target = isHost ? (this.myChoices.get(s.round) ?? 0) : c.votes.find((v) => v.userId === s.hostId)?.choice;
        if (target !== undefined && c.votes.find((v) => v.userId === this.userId)?.choice !== target) {
          const body = { choice: target, opId: opId() };
          await this.command("vote", { type: "consensus", code: s.code, round: s.round, ...body }, `${round}/consensus`, body);
        }
        break;
      }
      case "REVEAL":
        if (!me.submitted) {
          const body = { opId: opId() };
          await this.command("ack", { type: "continue", code: s.code, round: s.round, ...body }, `${round}/continue`, body);
        }
        break;
    }
  }
}

/**
 * Three players play one game from the first move to the end: the first opens a private
 * room, all take a seat and subscribe, then all move. Resolves when every player has seen
 * the game end.
 */
export async function playGame(players: GamePlayer[], watchTimeoutMs?: number): Promise<string> {
  const code = await players[0]!.createRoom();
  const watch = new RoomWatch(players.length);
  const chat = new ChatWatch(players.length);
  let left = players.length;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const done = new Set<number>();
  for (const [i, p] of players.entries()) {
    await p.join(code, i, watch, chat, () => {
      if (done.has(i)) return;
      done.add(i);
      if (--left === 0) finish();
    });
  }
  for (const p of players) p.play();
  if (watchTimeoutMs) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([finished, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`game ${code} did not finish within ${watchTimeoutMs} ms`)), watchTimeoutMs)))]);
    clearTimeout(timer);
  } else await finished;
  return code;
}
