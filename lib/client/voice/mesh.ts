import { backoffMs, diffRoster, isInitiator, toWireSignal, type BackoffOptions } from "./logic";

/** One peer connection as the mesh uses it (lib/client/voice/peer.ts wraps simple-peer into this). */
export interface PeerLike {
  signal(data: Record<string, unknown>): void;
  destroy(): void;
  on<E extends keyof PeerEventMap>(event: E, fn: PeerEventMap[E]): void;
  /** The underlying RTCPeerConnection (stats, senders), null once destroyed. */
  readonly connection: RTCPeerConnection | null;
}

export interface PeerEventMap {
  signal: (data: unknown) => void;
  stream: (stream: MediaStream) => void;
  connect: () => void;
  close: () => void;
  error: (err: Error) => void;
  iceStateChange: (iceConnectionState: string) => void;
}

export type PeerFactory = (opts: { initiator: boolean; iceServers: RTCIceServer[]; stream: MediaStream | null }) => PeerLike;

/** The hub's voice events for one room (lib/client/voice/signaling.ts adapts the shared socket). */
export interface SignalingChannel {
  readonly connected: boolean;
  /** voice:join; resolves to the others already in the mesh. */
  join(): Promise<string[]>;
  signal(to: string, data: Record<string, unknown>): Promise<void>;
  leave(): void;
  subscribe(handlers: SignalingHandlers): () => void;
}

export interface SignalingHandlers {
  connect(): void;
  disconnect(): void;
  peers(peers: string[]): void;
  peerJoined(userId: string): void;
  peerLeft(userId: string): void;
  signal(from: string, data: Record<string, unknown>): void;
}

export type PeerStatus = "connecting" | "connected" | "reconnecting" | "failed";

export interface MeshEvents {
  peerStatus(userId: string, status: PeerStatus): void;
  /** The pair is gone for good (the other player left the mesh). */
  peerRemoved(userId: string): void;
  remoteStream(userId: string, stream: MediaStream | null): void;
  /** After every successful voice:join (the first and each one after a socket reconnect). */
  joined(): void;
  peerJoined(userId: string): void;
  linkChange(connected: boolean): void;
  error(where: string, err: unknown): void;
}

export interface MeshTiming {
  /** An offered or answered pair that is not connected by then starts over. */
  connectTimeoutMs: number;
  /** A non-initiator with no offer by then asks the initiator to start over. */
  offerWaitMs: number;
  /** ICE "disconnected" for this long counts as dead (Chromium often recovers by itself before). */
  disconnectedGraceMs: number;
  /** An initiator ignores a restart request for a peer younger than this that is still connecting. */
  youngMs: number;
  /** After this many failures in a row the pair shows "failed" (retries go on, at the longest backoff). */
  failAfter: number;
  backoff: BackoffOptions;
}

export const DEFAULT_MESH_TIMING: MeshTiming = {
  connectTimeoutMs: 20_000,
  offerWaitMs: 3_000,
  disconnectedGraceMs: 8_000,
  youngMs: 5_000,
  failAfter: 4,
  backoff: { baseMs: 750, maxMs: 15_000, jitter: 0.3 },
};

export interface MeshOptions {
  channel: SignalingChannel;
  myUserId: string;
  createPeer: PeerFactory;
  iceServers: RTCIceServer[];
  /**
   * The microphone (null: receive only). A promise lets the mesh join the hub while the
   * microphone is still opening: what the hub says meanwhile (the roster, newcomers, signals) is
   * held, in order, and acted on once the stream is there, so that every peer carries it.
   */
  stream: MediaStream | null | Promise<MediaStream | null>;
  events?: Partial<MeshEvents>;
  timing?: Partial<MeshTiming>;
}

type Timer = ReturnType<typeof setTimeout>;

interface Entry {
  userId: string;
  initiator: boolean;
  peer: PeerLike | null;
  createdAt: number;
  /** Non-initiator: this peer has taken an offer (a second offer means the other side started over). */
  gotOffer: boolean;
  connected: boolean;
  wasConnected: boolean;
  failures: number;
  /** Pending re-creation after a failure. */
  retryTimer: Timer | null;
  /** Connect timeout, offer wait or disconnected grace of the current peer. */
  watchdog: Timer | null;
  offerWaits: number;
}

/**
 * The three-way voice mesh seen from one player: one peer connection per other player in the
 * room's mesh, signalled through the hub by user id. The lower user id offers. A pair that
 * fails or closes is rebuilt with a new peer after a backoff (simple-peer cannot restart ICE):
 * the initiator offers again, the other side takes a second offer as a fresh start, and a
 * non-initiator left without an offer asks for one (`{ renegotiate: true }`, read here as
 * "start over"). A socket reconnect re-joins and re-syncs the roster without touching working
 * peers: the media flows peer to peer. Not React; holds no UI state (it reports through events).
 */
export class VoiceMesh {
  private readonly channel: SignalingChannel;
  private readonly me: string;
  private readonly createPeer: PeerFactory;
  private readonly events: Partial<MeshEvents>;
  private readonly timing: MeshTiming;
  private iceServers: RTCIceServer[];
  private stream: MediaStream | null = null;
  /** While the microphone is still opening: the hub's news, to act on once it is open. */
  private held: (() => void)[] | null = null;
  private readonly entries = new Map<string, Entry>();
  /** Who the hub says is in the mesh (besides me). */
  private readonly roster = new Set<string>();
  private readonly statuses = new Map<string, PeerStatus>();
  private unsubscribe: (() => void) | null = null;
  private isStopped = false;
  private joinAttempt = 0;
  private joinTimer: Timer | null = null;
  private joinSeq = 0;

  constructor(opts: MeshOptions) {
    this.channel = opts.channel;
    this.me = opts.myUserId;
    this.createPeer = opts.createPeer;
    this.iceServers = opts.iceServers;
    this.events = opts.events ?? {};
    this.timing = { ...DEFAULT_MESH_TIMING, ...opts.timing };
    if (opts.stream instanceof Promise) {
      this.held = [];
      const open = (stream: MediaStream | null) => {
        const held = this.held ?? [];
        this.held = null;
        this.stream = stream;
        for (const fn of held) fn();
      };
      opts.stream.then(open, () => open(null));
    } else this.stream = opts.stream;
  }

  /** Runs `fn` now, or once the microphone is open when it is still opening (in arrival order). */
  private whenStreamKnown(fn: () => void): void {
    if (this.held)
      this.held.push(() => {
        if (!this.isStopped) fn();
      });
    else fn();
  }

  start(): void {
    if (this.unsubscribe || this.isStopped) return;
    this.unsubscribe = this.channel.subscribe({
      connect: () => {
        this.events.linkChange?.(true);
        this.join();
      },
      disconnect: () => {
        clearTimeout(this.joinTimer ?? undefined);
        this.events.linkChange?.(false);
      },
      peers: (peers) => this.whenStreamKnown(() => this.syncRoster(peers, false)),
      peerJoined: (u) => this.whenStreamKnown(() => this.onPeerJoined(u)),
      peerLeft: (u) => this.whenStreamKnown(() => this.onPeerLeft(u)),
      signal: (from, data) => this.whenStreamKnown(() => this.onSignal(from, data)),
    });
    if (this.channel.connected) this.join();
  }

  /** Leaves the mesh and closes every peer. The mesh cannot be started again. */
  stop(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    clearTimeout(this.joinTimer ?? undefined);
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.channel.connected) this.channel.leave();
    for (const e of [...this.entries.values()]) this.removeEntry(e);
    this.roster.clear();
  }

  /** ICE servers for the peers created from now on (TURN credentials expire; working peers keep theirs). */
  setIceServers(iceServers: RTCIceServer[]): void {
    this.iceServers = iceServers;
  }

  /**
   * Another microphone: swapped into every working sender without renegotiating; a pair that
   * was set up without a microphone is rebuilt so that it carries one.
   */
  setLocalStream(stream: MediaStream | null): void {
    const track = stream?.getAudioTracks()[0] ?? null;
    const hadStream = this.stream !== null;
    this.stream = stream;
    for (const e of this.entries.values()) {
      if (!e.peer) continue; // rebuilt later, with the new stream
      const sender = hadStream ? e.peer.connection?.getSenders().find((s) => s.track?.kind === "audio") : undefined;
      if (sender) sender.replaceTrack(track).catch((err: unknown) => this.events.error?.("replaceTrack", err));
      else if (track) this.restartPair(e);
    }
  }

  /** Who the hub says is in the mesh besides me (the test hook). */
  rosterIds(): string[] {
    return [...this.roster].sort();
  }

  /** The pairs and their connections (stats, the test hook). */
  links(): { userId: string; status: PeerStatus; connection: RTCPeerConnection | null }[] {
    return [...this.entries.values()].map((e) => ({ userId: e.userId, status: this.statuses.get(e.userId) ?? "connecting", connection: e.peer?.connection ?? null }));
  }

  // ---- roster ------------------------------------------------------------------------------

  private join(): void {
    if (this.isStopped) return;
    clearTimeout(this.joinTimer ?? undefined);
    const seq = ++this.joinSeq;
    this.channel.join().then(
      (peers) => {
        if (this.isStopped || seq !== this.joinSeq) return;
        this.joinAttempt = 0;
        this.events.joined?.();
        this.whenStreamKnown(() => this.syncRoster(peers, true));
      },
      (err: unknown) => {
        if (this.isStopped || seq !== this.joinSeq) return;
        this.events.error?.("join", err);
        // A seat taken a moment ago may not be known yet; a timeout may pass. Try a few times.
        if (this.joinAttempt < 6 && this.channel.connected) {
          this.joinTimer = setTimeout(() => this.join(), backoffMs(this.joinAttempt++, this.timing.backoff));
        }
      },
    );
  }

  private syncRoster(peers: string[], afterJoin: boolean): void {
    if (this.isStopped) return;
    const { added, removed } = diffRoster(this.roster, peers, this.me);
    for (const u of removed) this.onPeerLeft(u);
    if (afterJoin) {
      // Back after a socket drop: signals sent meanwhile were lost, so a pair still not connected starts over.
      for (const e of this.entries.values()) {
        if (e.peer && !e.connected && !added.includes(e.userId) && Date.now() - e.createdAt > 1500) this.restartPair(e);
      }
    }
    for (const u of added) {
      this.roster.add(u);
      const existing = this.entries.get(u);
      if (existing?.peer) continue;
      const e = this.ensurePeer(u);
      // Someone who was here before me may hold a stale peer to my previous page: ask for a fresh offer.
      if (afterJoin && e && !e.initiator) this.sendRestartRequest(e);
    }
  }

  private onPeerJoined(u: string): void {
    if (this.isStopped || u === this.me) return;
    this.roster.add(u);
    this.events.peerJoined?.(u);
    const e = this.entries.get(u);
    if (!e?.peer) {
      this.ensurePeer(u);
      return;
    }
    if (e.connected) return; // a socket reconnect on their side: the media link is fine
    // Not connected: what we hold was set up with their previous page.
    if (e.initiator && Date.now() - e.createdAt > 1500) this.restartPair(e);
    else if (!e.initiator && e.gotOffer) this.restartPair(e);
  }

  private onPeerLeft(u: string): void {
    this.roster.delete(u);
    const e = this.entries.get(u);
    // A connected pair stays: their socket may just be reconnecting; if they are gone, it closes by itself.
    if (e && !e.connected) this.removeEntry(e);
  }

  // ---- signals -----------------------------------------------------------------------------

  private onSignal(from: string, data: Record<string, unknown>): void {
    if (this.isStopped || from === this.me) return;
    const initiator = isInitiator(this.me, from);
    if (data.renegotiate === true) {
      // Only the initiator offers; the other side asks it to start the pair over.
      if (!initiator) return;
      this.roster.add(from);
      const e = this.entries.get(from);
      if (!e?.peer) this.ensurePeer(from);
      else if (e.connected || Date.now() - e.createdAt > this.timing.youngMs) this.restartPair(e);
      return;
    }
    if (data.type === "offer") {
      if (initiator) return; // roles are fixed by user id: never glare
      this.roster.add(from);
      const held = this.entries.get(from);
      const e = !held?.peer || held.gotOffer ? this.newPeer(from) : held;
      const peer = e?.peer;
      if (!e || !peer) return;
      e.gotOffer = true;
      this.arm(e, this.timing.connectTimeoutMs, () => this.onDead(e, peer, "connect timeout"));
      this.feed(peer, data);
      return;
    }
    const peer = this.entries.get(from)?.peer;
    if (peer) this.feed(peer, data);
  }

  private feed(peer: PeerLike, data: Record<string, unknown>): void {
    try {
      peer.signal(data);
    } catch (err) {
      this.events.error?.("signal", err);
    }
  }

  private sendRestartRequest(e: Entry): void {
    this.channel.signal(e.userId, { renegotiate: true }).catch((err: unknown) => this.events.error?.("restart request", err));
  }

  // ---- peers -------------------------------------------------------------------------------

  /** The pair's entry with a live peer, creating what is missing. */
  private ensurePeer(u: string): Entry | null {
    const e = this.entries.get(u);
    if (e?.peer) return e;
    return this.newPeer(u);
  }

  private restartPair(e: Entry): void {
    this.newPeer(e.userId);
    if (!e.initiator) this.sendRestartRequest(e);
  }

  /** A fresh peer for the pair (an old one is dropped silently). */
  private newPeer(u: string): Entry | null {
    let e = this.entries.get(u);
    if (!e) {
      e = { userId: u, initiator: isInitiator(this.me, u), peer: null, createdAt: 0, gotOffer: false, connected: false, wasConnected: false, failures: 0, retryTimer: null, watchdog: null, offerWaits: 0 };
      this.entries.set(u, e);
    }
    clearTimeout(e.retryTimer ?? undefined);
    e.retryTimer = null;
    this.dropPeer(e);
    const entry = e;
    let peer: PeerLike;
    try {
      peer = this.createPeer({ initiator: e.initiator, iceServers: this.iceServers, stream: this.stream });
    } catch (err) {
      this.events.error?.("create peer", err);
      e.failures++;
      this.setStatus(u, "failed");
      this.scheduleRetry(e);
      return e;
    }
    e.peer = peer;
    e.createdAt = Date.now();
    e.gotOffer = false;
    e.offerWaits = 0;
    this.setStatus(u, e.failures >= this.timing.failAfter ? "failed" : e.wasConnected ? "reconnecting" : "connecting");

    peer.on("signal", (data) => {
      if (entry.peer !== peer) return;
      const wire = toWireSignal(data);
      if (wire) this.channel.signal(u, wire).catch((err: unknown) => this.events.error?.("signal out", err));
    });
    peer.on("stream", (stream) => {
      if (entry.peer === peer) this.events.remoteStream?.(u, stream);
    });
    peer.on("connect", () => {
      if (entry.peer !== peer) return;
      entry.connected = true;
      entry.wasConnected = true;
      entry.failures = 0;
      this.disarm(entry);
      this.setStatus(u, "connected");
    });
    peer.on("iceStateChange", (state) => {
      if (entry.peer !== peer || !entry.connected) return;
      if (state === "disconnected") {
        this.setStatus(u, "reconnecting");
        this.arm(entry, this.timing.disconnectedGraceMs, () => this.onDead(entry, peer, "ice disconnected"));
      } else if (state === "connected" || state === "completed") {
        this.disarm(entry);
        this.setStatus(u, "connected");
      }
    });
    peer.on("error", (err) => this.events.error?.("peer", err));
    peer.on("close", () => this.onDead(entry, peer, "closed"));

    if (e.initiator) this.arm(e, this.timing.connectTimeoutMs, () => this.onDead(entry, peer, "connect timeout"));
    else this.armOfferWait(e, peer);
    return e;
  }

  private armOfferWait(e: Entry, peer: PeerLike): void {
    const wait = e.offerWaits === 0 ? this.timing.offerWaitMs : Math.max(this.timing.offerWaitMs, backoffMs(e.offerWaits, this.timing.backoff));
    this.arm(e, wait, () => {
      if (e.peer !== peer || e.gotOffer) return;
      e.offerWaits++;
      this.sendRestartRequest(e);
      this.armOfferWait(e, peer);
    });
  }

  /** The current peer of a pair died (closed, failed, timed out): rebuild it unless they left. */
  private onDead(e: Entry, peer: PeerLike | null, _why: string): void {
    if (!peer || e.peer !== peer || this.isStopped) return;
    this.dropPeer(e);
    if (!this.roster.has(e.userId)) {
      this.removeEntry(e);
      return;
    }
    e.failures++;
    this.setStatus(e.userId, e.failures >= this.timing.failAfter ? "failed" : e.wasConnected ? "reconnecting" : "connecting");
    this.scheduleRetry(e);
  }

  private scheduleRetry(e: Entry): void {
    clearTimeout(e.retryTimer ?? undefined);
    e.retryTimer = setTimeout(
      () => {
        e.retryTimer = null;
        if (this.isStopped || e.peer || !this.roster.has(e.userId)) return;
        this.restartPair(e);
      },
      backoffMs(Math.max(0, e.failures - 1), this.timing.backoff),
    );
  }

  private dropPeer(e: Entry): void {
    this.disarm(e);
    const peer = e.peer;
    e.peer = null;
    e.connected = false;
    e.gotOffer = false;
    if (!peer) return;
    this.events.remoteStream?.(e.userId, null);
    try {
      peer.destroy();
    } catch {
      // already gone
    }
  }

  private removeEntry(e: Entry): void {
    clearTimeout(e.retryTimer ?? undefined);
    this.dropPeer(e);
    this.entries.delete(e.userId);
    this.statuses.delete(e.userId);
    this.events.peerRemoved?.(e.userId);
  }

  private arm(e: Entry, ms: number, fn: () => void): void {
    this.disarm(e);
    e.watchdog = setTimeout(() => {
      e.watchdog = null;
      fn();
    }, ms);
  }

  private disarm(e: Entry): void {
    clearTimeout(e.watchdog ?? undefined);
    e.watchdog = null;
  }

  private setStatus(u: string, status: PeerStatus): void {
    if (this.statuses.get(u) === status) return;
    this.statuses.set(u, status);
    this.events.peerStatus?.(u, status);
  }
}
