/**
 * Pure rules of the voice mesh (no WebRTC, no DOM): who offers, how long to wait before a
 * retry, what changed in the roster, how good a link is, what the server accepts as a signal.
 * Unit-tested in tests/unit/voice-logic.test.ts.
 */

/** Whether this side creates the offer for the pair: the lower user id does, so there is never glare. */
export function isInitiator(myUserId: string, theirUserId: string): boolean {
  return myUserId < theirUserId;
}

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** 0..1; the delay is spread by ±jitter/2 of itself. */
  jitter?: number;
  /** A random number in [0, 1) (Math.random by default). */
  random?: () => number;
}

/** Delay before retry number `attempt` (0 = first retry): base·2^attempt, capped, with optional jitter. */
export function backoffMs(attempt: number, { baseMs = 750, maxMs = 15_000, jitter = 0, random = Math.random }: BackoffOptions = {}): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  if (jitter <= 0) return Math.round(raw);
  const spread = raw * jitter;
  return Math.round(Math.min(maxMs, Math.max(0, raw - spread / 2 + spread * random())));
}

/** What changed between the roster held and the one the server sent (`voice:join` ack, `voice:peers`). */
export function diffRoster(current: Iterable<string>, next: Iterable<string>, myUserId: string): { added: string[]; removed: string[] } {
  const have = new Set(current);
  const want = new Set([...next].filter((u) => u !== myUserId));
  return { added: [...want].filter((u) => !have.has(u)).sort(), removed: [...have].filter((u) => !want.has(u)).sort() };
}

/**
 * simple-peer's signal as the hub accepts it (lib/validation/realtime.ts): an SDP, one ICE
 * candidate, a renegotiation request or a transceiver request, without simple-peer's extra
 * `type` on the last two. Anything else is null (not sent), and so is an active ICE-TCP
 * candidate: it can only reach a passive one, which browsers never offer (TURN over TCP still
 * works: its relayed candidates are UDP), so between two browsers it is signalling for nothing.
 */
export function toWireSignal(data: unknown): Record<string, unknown> | null {
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if ((d.type === "offer" || d.type === "answer") && typeof d.sdp === "string") return { type: d.type, sdp: d.sdp };
  if (d.type === "candidate" && typeof d.candidate === "object" && d.candidate !== null) {
    const c = d.candidate as Record<string, unknown>;
    if (typeof c.candidate !== "string" || c.candidate === "" || isActiveTcp(c.candidate)) return null;
    const out: Record<string, unknown> = { candidate: c.candidate };
    if (typeof c.sdpMLineIndex === "number" || c.sdpMLineIndex === null) out.sdpMLineIndex = c.sdpMLineIndex;
    if (typeof c.sdpMid === "string" || c.sdpMid === null) out.sdpMid = c.sdpMid;
    if (typeof c.usernameFragment === "string") out.usernameFragment = c.usernameFragment;
    return { type: "candidate", candidate: out };
  }
  if (d.renegotiate === true) return { renegotiate: true };
  if (typeof d.transceiverRequest === "object" && d.transceiverRequest !== null) {
    const r = d.transceiverRequest as Record<string, unknown>;
    if (r.kind !== "audio" && r.kind !== "video") return null;
    return { transceiverRequest: typeof r.init === "object" && r.init !== null ? { kind: r.kind, init: r.init } : { kind: r.kind } };
  }
  return null;
}

/** Whether an ICE candidate line is an active TCP one (RFC 6544 `tcptype active`). */
function isActiveTcp(candidate: string): boolean {
  return / tcp /i.test(candidate) && / tcptype active(?: |$)/i.test(candidate);
}

/** The numbers read from one RTCPeerConnection.getStats() report. */
export interface LinkSample {
  /** inbound-rtp audio: totals since the connection began. */
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Seconds (inbound-rtp), or null when unknown. */
  jitter: number | null;
  /** Seconds (selected candidate pair's currentRoundTripTime, else remote-inbound-rtp), or null. */
  rtt: number | null;
}

type StatsEntry = Record<string, unknown> & { type?: string; id?: string };
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Reads the audio link's counters out of a getStats() report (its values, as plain objects). */
export function summarizeStats(entries: Iterable<StatsEntry>): LinkSample {
  const all = [...entries];
  const sample: LinkSample = { bytesReceived: 0, packetsReceived: 0, packetsLost: 0, jitter: null, rtt: null };
  for (const s of all) {
    if (s.type === "inbound-rtp" && (s.kind ?? s.mediaType) === "audio") {
      sample.bytesReceived += num(s.bytesReceived) ?? 0;
      sample.packetsReceived += num(s.packetsReceived) ?? 0;
      sample.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
      const jitter = num(s.jitter);
      if (jitter !== null) sample.jitter = Math.max(sample.jitter ?? 0, jitter);
    }
  }
  // The selected pair: named by the transport, else the nominated succeeded one.
  const selectedId = all.find((s) => s.type === "transport" && typeof s.selectedCandidatePairId === "string")?.selectedCandidatePairId;
  const pair =
    all.find((s) => s.type === "candidate-pair" && s.id === selectedId) ??
    all.find((s) => s.type === "candidate-pair" && s.state === "succeeded" && (s.nominated === true || s.selected === true));
  sample.rtt = num(pair?.currentRoundTripTime);
  if (sample.rtt === null) {
    const remote = all.find((s) => s.type === "remote-inbound-rtp" && num(s.roundTripTime) !== null);
    sample.rtt = num(remote?.roundTripTime);
  }
  return sample;
}

export type LinkQuality = "good" | "fair" | "poor" | "unknown";

export interface QualityInput {
  /** Share of packets lost over the interval, 0..1 (null: no packets expected in it). */
  loss: number | null;
  rttMs: number | null;
  jitterMs: number | null;
}

/** Loss over the interval between two samples (0..1), or null when no packet was due. */
export function lossBetween(prev: LinkSample | null, next: LinkSample): number | null {
  const received = next.packetsReceived - (prev?.packetsReceived ?? 0);
  const lost = next.packetsLost - (prev?.packetsLost ?? 0);
  const expected = Math.max(0, received) + Math.max(0, lost);
  return expected > 0 ? Math.max(0, lost) / expected : null;
}

/**
 * A three-step grade of a voice link, by the usual VoIP limits: poor past 8 % loss, 400 ms
 * round trip or 60 ms jitter; fair past 2 %, 250 ms or 30 ms; good otherwise. Unknown without data.
 */
export function linkQuality({ loss, rttMs, jitterMs }: QualityInput): LinkQuality {
  if (loss === null && rttMs === null && jitterMs === null) return "unknown";
  if ((loss ?? 0) > 0.08 || (rttMs ?? 0) > 400 || (jitterMs ?? 0) > 60) return "poor";
  if ((loss ?? 0) > 0.02 || (rttMs ?? 0) > 250 || (jitterMs ?? 0) > 30) return "fair";
  return "good";
}

/** The grade of the interval between two samples. */
export function qualityBetween(prev: LinkSample | null, next: LinkSample): LinkQuality {
  return linkQuality({
    loss: lossBetween(prev, next),
    rttMs: next.rtt === null ? null : next.rtt * 1000,
    jitterMs: next.jitter === null ? null : next.jitter * 1000,
  });
}

/** Root-mean-square level of time-domain samples (−1..1). */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
}

/** A level in dBFS (−100 for silence). */
export function toDb(level: number): number {
  return level > 0 ? Math.max(-100, 20 * Math.log10(level)) : -100;
}

/** A meter position 0..1 for a level: −60 dBFS and below is empty, −10 dBFS and above is full. */
export function meterFraction(level: number): number {
  return Math.min(1, Math.max(0, (toDb(level) + 60) / 50));
}

export const SPEAKING_ON_DB = -42;
export const SPEAKING_HOLD_MS = 700;

/**
 * Speaking detection with a hold: on as soon as the level passes the threshold, off only after
 * it stayed below for `holdMs` (so pauses between words do not flicker the ring).
 */
export function nextSpeaking(prev: { speaking: boolean; lastLoudAt: number }, level: number, now: number, { onDb = SPEAKING_ON_DB, holdMs = SPEAKING_HOLD_MS } = {}): { speaking: boolean; lastLoudAt: number } {
  if (toDb(level) >= onDb) return { speaking: true, lastLoudAt: now };
  return { speaking: prev.speaking && now - prev.lastLoudAt < holdMs, lastLoudAt: prev.lastLoudAt };
}

/** The first recorder format the browser supports: Opus in WebM, else WebM, Ogg, MP4 (Safari), else its default (""). */
export function pickRecorderMime(isTypeSupported: (type: string) => boolean): string {
  for (const type of ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"]) {
    try {
      if (isTypeSupported(type)) return type;
    } catch {
      // An old browser throwing on an unknown type: try the next.
    }
  }
  return "";
}

/** Whether an upload answer is worth retrying: network failure (0), timeouts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
