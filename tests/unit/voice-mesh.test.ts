import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { VoiceMesh, type PeerEventMap, type PeerLike, type PeerStatus, type SignalingChannel, type SignalingHandlers } from "@/lib/client/voice/mesh";

// The mesh with fake peers and a fake hub: who offers, what is rebuilt and what is left alone.

class FakePeer implements PeerLike {
  readonly signals: Record<string, unknown>[] = [];
  isDestroyed = false;
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(
    readonly initiator: boolean,
    readonly stream: MediaStream | null = null,
  ) {}
  readonly connection = null;
  signal(data: Record<string, unknown>) {
    this.signals.push(data);
  }
  destroy() {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    this.emit("close");
  }
  on<E extends keyof PeerEventMap>(event: E, fn: PeerEventMap[E]) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn as (...args: unknown[]) => void]);
  }
  emit(event: keyof PeerEventMap, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  connect() {
    this.emit("connect");
  }
  /** The connection died on its own (ICE failed, the other page closed). */
  die() {
    this.isDestroyed = true;
    this.emit("close");
  }
}

class FakeChannel implements SignalingChannel {
  connected = true;
  peersOnJoin: string[] = [];
  readonly sent: { to: string; data: Record<string, unknown> }[] = [];
  left = 0;
  h!: SignalingHandlers;
  readonly join = vi.fn(async () => this.peersOnJoin);
  async signal(to: string, data: Record<string, unknown>) {
    this.sent.push({ to, data });
  }
  leave() {
    this.left++;
  }
  subscribe(h: SignalingHandlers) {
    this.h = h;
    return () => undefined;
  }
  restartRequestsTo(u: string) {
    return this.sent.filter((s) => s.to === u && s.data.renegotiate === true).length;
  }
}

const ME = "m";
const LOWER = "a"; // offers to me
const HIGHER = "z"; // I offer to them

function setup(peersOnJoin: string[] = [], stream: MediaStream | null | Promise<MediaStream | null> = null) {
  const channel = new FakeChannel();
  channel.peersOnJoin = peersOnJoin;
  const peers: { peer: FakePeer; userId?: string }[] = [];
  const statuses: [string, PeerStatus][] = [];
  const removed: string[] = [];
  const created: FakePeer[] = [];
  const mesh = new VoiceMesh({
    channel,
    myUserId: ME,
    iceServers: [],
    stream,
    createPeer: ({ initiator, stream }) => {
      const p = new FakePeer(initiator, stream);
      created.push(p);
      peers.push({ peer: p });
      return p;
    },
    events: { peerStatus: (u, s) => statuses.push([u, s]), peerRemoved: (u) => removed.push(u) },
    timing: { backoff: { baseMs: 1000, maxMs: 8000, jitter: 0 } },
  });
  return { channel, mesh, created, statuses, removed, last: () => created[created.length - 1]! };
}

const offer = { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("joining", () => {
  test("creates one peer per other player: an initiator toward higher ids, a listener toward lower ones", async () => {
    const { mesh, created, channel } = setup([LOWER, HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(channel.join).toHaveBeenCalledTimes(1);
    expect(created.map((p) => p.initiator).sort()).toEqual([false, true]);
    // The lower id may still hold a peer to my previous page: it is asked for a fresh offer.
    expect(channel.restartRequestsTo(LOWER)).toBe(1);
    expect(channel.restartRequestsTo(HIGHER)).toBe(0);
  });

  test("outgoing signals are relayed by user id, in the hub's strict shape", async () => {
    const { mesh, channel, last } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    last().emit("signal", { type: "offer", sdp: "v=0 x" });
    last().emit("signal", { type: "renegotiate", renegotiate: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(channel.sent.filter((s) => s.to === HIGHER).map((s) => s.data)).toEqual([{ type: "offer", sdp: "v=0 x" }, { renegotiate: true }]);
  });

  test("a newcomer announced by peer-joined gets an offer from the lower id", async () => {
    const { mesh, channel, created } = setup([]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.peerJoined(HIGHER);
    expect(created).toHaveLength(1);
    expect(created[0]!.initiator).toBe(true);
  });
});

describe("a microphone still opening", () => {
  test("the mesh joins at once, holds the roster, newcomers and offers in order, and builds every peer with the stream once it is open", async () => {
    let open!: (s: MediaStream | null) => void;
    const microphone = new Promise<MediaStream | null>((resolve) => (open = resolve));
    const stream = { id: "mic" } as unknown as MediaStream;
    const { mesh, channel, created } = setup([HIGHER], microphone);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    // voice:join went out; nothing is built before the microphone is there.
    expect(channel.join).toHaveBeenCalledTimes(1);
    channel.h.signal(LOWER, offer);
    channel.h.peerJoined("q");
    await vi.advanceTimersByTimeAsync(5000);
    expect(created).toHaveLength(0);
    expect(channel.sent).toHaveLength(0);

    open(stream);
    await vi.advanceTimersByTimeAsync(0);
    // The roster first (I offer to z), then the offer from a (taken, not restarted), then q (I offer).
    expect(created.map((p) => p.initiator)).toEqual([true, false, true]);
    expect(created.every((p) => p.stream === stream)).toBe(true);
    expect(created[1]!.signals).toEqual([offer]);
  });

  test("a microphone that fails leaves the mesh receiving only, and a mesh stopped meanwhile builds nothing", async () => {
    const failed = setup([HIGHER], Promise.reject(new Error("denied")));
    failed.mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(failed.created).toHaveLength(1);
    expect(failed.created[0]!.stream).toBeNull();

    let open!: (s: MediaStream | null) => void;
    const stopped = setup([HIGHER], new Promise<MediaStream | null>((resolve) => (open = resolve)));
    stopped.mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    stopped.mesh.stop();
    open({ id: "mic" } as unknown as MediaStream);
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped.created).toHaveLength(0);
  });
});

describe("signals in", () => {
  test("an offer goes to the waiting peer; a second offer starts the pair over with a fresh peer", async () => {
    const { mesh, channel, created } = setup([LOWER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = created[0]!;
    channel.h.signal(LOWER, offer);
    expect(first.signals).toEqual([offer]);
    first.connect();
    channel.h.signal(LOWER, offer);
    expect(first.isDestroyed).toBe(true);
    expect(created).toHaveLength(2);
    expect(created[1]!.initiator).toBe(false);
    expect(created[1]!.signals).toEqual([offer]);
  });

  test("answers and candidates reach the pair's peer; signals for nobody are ignored", async () => {
    const { mesh, channel, created } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    const answer = { type: "answer", sdp: "v=0 y" };
    const cand = { type: "candidate", candidate: { candidate: "candidate:1", sdpMLineIndex: 0, sdpMid: "0" } };
    channel.h.signal(HIGHER, answer);
    channel.h.signal(HIGHER, cand);
    channel.h.signal("q", cand);
    expect(created[0]!.signals).toEqual([answer, cand]);
    expect(created).toHaveLength(1);
  });

  test("an offer from someone not yet in the roster is taken (peer-joined may come later)", async () => {
    const { mesh, channel, created } = setup([]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.signal(LOWER, offer);
    expect(created).toHaveLength(1);
    expect(created[0]!.signals).toEqual([offer]);
  });

  test("the initiator honours a restart request for a connected or old peer, not for a young one", async () => {
    const { mesh, channel, created } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.signal(HIGHER, { renegotiate: true });
    expect(created).toHaveLength(1); // young and still connecting: its offer is on the way
    created[0]!.connect();
    channel.h.signal(HIGHER, { renegotiate: true });
    expect(created).toHaveLength(2);
    expect(created[0]!.isDestroyed).toBe(true);
    expect(created[1]!.initiator).toBe(true);
  });

  test("a listener without an offer asks for one, again and again with a growing wait", async () => {
    const { mesh, channel } = setup([]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.peerJoined(LOWER);
    expect(channel.restartRequestsTo(LOWER)).toBe(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(channel.restartRequestsTo(LOWER)).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(channel.restartRequestsTo(LOWER)).toBe(2);
    channel.h.signal(LOWER, offer);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(channel.restartRequestsTo(LOWER)).toBe(2);
  });
});

describe("recovery", () => {
  test("a failed pair is rebuilt after a backoff, the initiator offering again", async () => {
    const { mesh, created, statuses } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    created[0]!.connect();
    created[0]!.die();
    expect(statuses.at(-1)).toEqual([HIGHER, "reconnecting"]);
    expect(created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(created).toHaveLength(2);
    expect(created[1]!.initiator).toBe(true);
    created[1]!.connect();
    expect(statuses.at(-1)).toEqual([HIGHER, "connected"]);
  });

  test("the listener side rebuilds too, and asks the initiator to start over", async () => {
    const { mesh, channel, created } = setup([]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.signal(LOWER, offer);
    created[0]!.connect();
    created[0]!.die();
    await vi.advanceTimersByTimeAsync(1000);
    expect(created).toHaveLength(2);
    expect(created[1]!.initiator).toBe(false);
    expect(channel.restartRequestsTo(LOWER)).toBe(1);
  });

  test("a pair that never connects times out and starts over; repeated failures show 'failed'", async () => {
    const { mesh, created, statuses } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(20_000 + 8000);
    expect(created.length).toBeGreaterThanOrEqual(4);
    expect(statuses.some(([, s]) => s === "failed")).toBe(true);
  });

  test("ICE 'disconnected' shows reconnecting; recovering by itself clears it, staying down rebuilds", async () => {
    const { mesh, created, statuses } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    created[0]!.connect();
    created[0]!.emit("iceStateChange", "disconnected");
    expect(statuses.at(-1)).toEqual([HIGHER, "reconnecting"]);
    created[0]!.emit("iceStateChange", "connected");
    expect(statuses.at(-1)).toEqual([HIGHER, "connected"]);
    created[0]!.emit("iceStateChange", "disconnected");
    await vi.advanceTimersByTimeAsync(8000);
    expect(created[0]!.isDestroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(created).toHaveLength(2);
  });
});

describe("roster", () => {
  test("peer-left keeps a connected pair (their socket may be reconnecting); it goes when it closes", async () => {
    const { mesh, channel, created, removed } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    created[0]!.connect();
    channel.h.peerLeft(HIGHER);
    expect(created[0]!.isDestroyed).toBe(false);
    created[0]!.die();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(removed).toEqual([HIGHER]);
    expect(created).toHaveLength(1);
  });

  test("peer-left drops a pair that is not connected", async () => {
    const { mesh, channel, created, removed } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.peerLeft(HIGHER);
    expect(created[0]!.isDestroyed).toBe(true);
    expect(removed).toEqual([HIGHER]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(created).toHaveLength(1);
  });

  test("a socket reconnect re-joins without touching working peers", async () => {
    const { mesh, channel, created } = setup([LOWER, HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.signal(LOWER, offer);
    for (const p of created) p.connect();
    channel.connected = false;
    channel.h.disconnect();
    channel.connected = true;
    channel.h.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(channel.join).toHaveBeenCalledTimes(2);
    expect(created).toHaveLength(2);
    expect(created.every((p) => !p.isDestroyed)).toBe(true);
  });

  test("after a reconnect, a pair that never connected starts over (its signals were lost)", async () => {
    const { mesh, channel, created } = setup([LOWER, HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.signal(LOWER, offer);
    created[0]!.connect(); // the pair with LOWER works; the one with HIGHER is still connecting
    channel.connected = false;
    channel.h.disconnect();
    await vi.advanceTimersByTimeAsync(2000);
    channel.connected = true;
    channel.h.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(created[0]!.isDestroyed).toBe(false);
    expect(created[1]!.isDestroyed).toBe(true);
    expect(created).toHaveLength(3);
    expect(created[2]!.initiator).toBe(true);
  });

  test("voice:peers re-syncs: a newcomer gets a peer, someone gone loses an unconnected one", async () => {
    const { mesh, channel, created, removed } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    channel.h.peers(["y"]);
    expect(removed).toEqual([HIGHER]);
    expect(created).toHaveLength(2);
    expect(created[1]!.initiator).toBe(true); // "m" < "y"
  });

  test("someone who rejoins while the old pair still looks connected is kept; a stale connecting one is rebuilt", async () => {
    const { mesh, channel, created } = setup([HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    created[0]!.connect();
    channel.h.peerJoined(HIGHER);
    expect(created).toHaveLength(1);

    const other = setup([HIGHER]);
    other.mesh.start();
    await vi.advanceTimersByTimeAsync(2000);
    other.channel.h.peerJoined(HIGHER);
    expect(other.created).toHaveLength(2);
  });

  test("stop leaves the mesh and closes every peer", async () => {
    const { mesh, channel, created, removed } = setup([LOWER, HIGHER]);
    mesh.start();
    await vi.advanceTimersByTimeAsync(0);
    mesh.stop();
    expect(channel.left).toBe(1);
    expect(created.every((p) => p.isDestroyed)).toBe(true);
    expect(removed.sort()).toEqual([LOWER, HIGHER]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(created).toHaveLength(2);
  });
});
