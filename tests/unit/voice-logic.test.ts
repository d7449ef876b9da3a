import { describe, expect, test } from "vitest";
import {
  backoffMs,
  diffRoster,
  isInitiator,
  isRetryableStatus,
  linkQuality,
  lossBetween,
  meterFraction,
  nextSpeaking,
  pickRecorderMime,
  qualityBetween,
  rms,
  summarizeStats,
  toWireSignal,
  type LinkSample,
} from "@/lib/client/voice/logic";

describe("isInitiator", () => {
  test("the lower user id offers, and exactly one side of a pair does", () => {
    const a = "0b5c7e0a-0000-4000-8000-000000000001";
    const b = "9f1d2c3b-0000-4000-8000-000000000002";
    expect(isInitiator(a, b)).toBe(true);
    expect(isInitiator(b, a)).toBe(false);
  });
  test.each([
    ["a", "b"],
    ["user-10", "user-9"],
    ["A", "a"],
  ])("%s / %s: never both, never neither", (x, y) => {
    expect(isInitiator(x, y)).not.toBe(isInitiator(y, x));
  });
});

describe("backoffMs", () => {
  test.each([
    [0, 750],
    [1, 1500],
    [2, 3000],
    [3, 6000],
    [4, 12000],
    [5, 15000],
    [40, 15000],
  ])("attempt %i waits %i ms", (attempt, ms) => {
    expect(backoffMs(attempt)).toBe(ms);
  });
  test("jitter spreads the delay around the base and stays within the cap", () => {
    expect(backoffMs(2, { jitter: 0.5, random: () => 0 })).toBe(2250);
    expect(backoffMs(2, { jitter: 0.5, random: () => 0.999999 })).toBe(3750);
    expect(backoffMs(10, { jitter: 0.5, random: () => 0.999999, maxMs: 5000 })).toBe(5000);
  });
  test("a negative attempt counts as the first", () => {
    expect(backoffMs(-3)).toBe(750);
  });
});

describe("diffRoster", () => {
  test("reports who came and who went, never myself", () => {
    expect(diffRoster(["b", "c"], ["c", "d", "me"], "me")).toEqual({ added: ["d"], removed: ["b"] });
  });
  test("no change", () => {
    expect(diffRoster(new Set(["b", "c"]), ["c", "b"], "me")).toEqual({ added: [], removed: [] });
  });
  test("from nothing and to nothing", () => {
    expect(diffRoster([], ["x", "y"], "me")).toEqual({ added: ["x", "y"], removed: [] });
    expect(diffRoster(["x", "y"], [], "me")).toEqual({ added: [], removed: ["x", "y"] });
  });
});

describe("toWireSignal", () => {
  test("keeps SDP offers and answers as they are", () => {
    expect(toWireSignal({ type: "offer", sdp: "v=0\r\n..." })).toEqual({ type: "offer", sdp: "v=0\r\n..." });
    expect(toWireSignal({ type: "answer", sdp: "v=0\r\n..." })).toEqual({ type: "answer", sdp: "v=0\r\n..." });
  });
  test("keeps the candidate's own fields only", () => {
    const c = { type: "candidate", candidate: { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", sdpMLineIndex: 0, sdpMid: "0", extra: 1 } };
    expect(toWireSignal(c)).toEqual({ type: "candidate", candidate: { candidate: c.candidate.candidate, sdpMLineIndex: 0, sdpMid: "0" } });
  });
  test("drops active ICE-TCP candidates (nothing a browser offers can answer them) and keeps passive TCP, UDP and relayed ones", () => {
    const cand = (line: string) => ({ type: "candidate", candidate: { candidate: line, sdpMLineIndex: 0, sdpMid: "0" } });
    expect(toWireSignal(cand("candidate:2 1 tcp 1518280447 10.0.0.5 9 typ host tcptype active generation 0"))).toBeNull();
    expect(toWireSignal(cand("candidate:2 1 TCP 1518280447 10.0.0.5 9 typ host tcptype active"))).toBeNull();
    for (const line of [
      "candidate:3 1 tcp 1518280447 10.0.0.5 443 typ host tcptype passive",
      "candidate:1 1 udp 2122260223 10.0.0.5 5000 typ host generation 0",
      "candidate:4 1 udp 41885439 203.0.113.7 3478 typ relay raddr 10.0.0.5 rport 5000",
    ]) {
      expect(toWireSignal(cand(line)), line).toEqual({ type: "candidate", candidate: { candidate: line, sdpMLineIndex: 0, sdpMid: "0" } });
    }
  });
  test("drops simple-peer's extra `type` from renegotiation and transceiver requests (the hub is strict)", () => {
    expect(toWireSignal({ type: "renegotiate", renegotiate: true })).toEqual({ renegotiate: true });
    expect(toWireSignal({ type: "transceiverRequest", transceiverRequest: { kind: "audio", init: undefined } })).toEqual({ transceiverRequest: { kind: "audio" } });
  });
  test.each([[null], ["x"], [{}], [{ type: "candidate", candidate: { candidate: "" } }], [{ transceiverRequest: { kind: "data" } }], [{ type: "offer" }]])("refuses %j", (d) => {
    expect(toWireSignal(d)).toBeNull();
  });
});

describe("summarizeStats", () => {
  const report = [
    { type: "inbound-rtp", id: "in1", kind: "audio", bytesReceived: 12000, packetsReceived: 200, packetsLost: 4, jitter: 0.012 },
    { type: "inbound-rtp", id: "in2", kind: "video", bytesReceived: 99999, packetsReceived: 999, packetsLost: 99, jitter: 0.5 },
    { type: "transport", id: "t", selectedCandidatePairId: "cp2" },
    { type: "candidate-pair", id: "cp1", state: "succeeded", nominated: true, currentRoundTripTime: 0.3 },
    { type: "candidate-pair", id: "cp2", state: "succeeded", nominated: true, currentRoundTripTime: 0.04 },
  ];
  test("reads audio counters and the selected pair's round trip", () => {
    expect(summarizeStats(report)).toEqual({ bytesReceived: 12000, packetsReceived: 200, packetsLost: 4, jitter: 0.012, rtt: 0.04 });
  });
  test("falls back to a nominated pair, then to remote-inbound-rtp", () => {
    expect(summarizeStats(report.filter((s) => s.type !== "transport")).rtt).toBe(0.3);
    expect(summarizeStats([{ type: "remote-inbound-rtp", roundTripTime: 0.2 }]).rtt).toBe(0.2);
  });
  test("an empty report is all zeros and unknowns", () => {
    expect(summarizeStats([])).toEqual({ bytesReceived: 0, packetsReceived: 0, packetsLost: 0, jitter: null, rtt: null });
  });
});

describe("link quality", () => {
  test.each([
    [{ loss: 0, rttMs: 20, jitterMs: 5 }, "good"],
    [{ loss: 0.03, rttMs: 20, jitterMs: 5 }, "fair"],
    [{ loss: 0, rttMs: 300, jitterMs: 5 }, "fair"],
    [{ loss: 0, rttMs: 20, jitterMs: 40 }, "fair"],
    [{ loss: 0.1, rttMs: 20, jitterMs: 5 }, "poor"],
    [{ loss: 0, rttMs: 450, jitterMs: 5 }, "poor"],
    [{ loss: 0, rttMs: 20, jitterMs: 80 }, "poor"],
    [{ loss: null, rttMs: 20, jitterMs: null }, "good"],
    [{ loss: null, rttMs: null, jitterMs: null }, "unknown"],
  ] as const)("%j is %s", (input, grade) => {
    expect(linkQuality(input)).toBe(grade);
  });

  const sample = (received: number, lost: number, rtt: number | null = 0.02, jitter: number | null = 0.005): LinkSample => ({ bytesReceived: received * 100, packetsReceived: received, packetsLost: lost, rtt, jitter });
  test("loss is measured over the interval, not since the start", () => {
    expect(lossBetween(sample(1000, 100), sample(1100, 100))).toBe(0);
    expect(lossBetween(sample(1000, 0), sample(1090, 10))).toBeCloseTo(0.1);
    expect(lossBetween(sample(1000, 0), sample(1000, 0))).toBeNull();
    expect(lossBetween(null, sample(95, 5))).toBeCloseTo(0.05);
  });
  test("qualityBetween converts seconds to milliseconds", () => {
    expect(qualityBetween(sample(0, 0), sample(100, 0))).toBe("good");
    expect(qualityBetween(sample(0, 0), sample(100, 0, 0.5))).toBe("poor");
    expect(qualityBetween(sample(0, 0), sample(100, 0, 0.02, 0.04))).toBe("fair");
    expect(qualityBetween(sample(0, 0), sample(80, 20))).toBe("poor");
  });
});

describe("levels and speaking", () => {
  test("rms of a full-scale square wave is 1, of silence 0", () => {
    expect(rms([1, -1, 1, -1])).toBe(1);
    expect(rms(new Float32Array(8))).toBe(0);
    expect(rms([])).toBe(0);
  });
  test("the meter maps −60…−10 dBFS onto 0…1", () => {
    expect(meterFraction(0)).toBe(0);
    expect(meterFraction(0.001)).toBe(0);
    expect(meterFraction(1)).toBe(1);
    expect(meterFraction(0.01)).toBeCloseTo(0.4);
  });
  test("speaking turns on at once and off only after the hold", () => {
    let s = { speaking: false, lastLoudAt: 0 };
    s = nextSpeaking(s, 0.001, 100);
    expect(s.speaking).toBe(false);
    s = nextSpeaking(s, 0.2, 200);
    expect(s).toEqual({ speaking: true, lastLoudAt: 200 });
    s = nextSpeaking(s, 0.0001, 600);
    expect(s.speaking).toBe(true);
    s = nextSpeaking(s, 0.0001, 950);
    expect(s.speaking).toBe(false);
  });
});

describe("recording helpers", () => {
  test("prefers Opus in WebM, then what the browser has", () => {
    expect(pickRecorderMime(() => true)).toBe("audio/webm;codecs=opus");
    expect(pickRecorderMime((t) => t === "audio/mp4")).toBe("audio/mp4");
    expect(pickRecorderMime(() => false)).toBe("");
    expect(
      pickRecorderMime((t) => {
        if (t.includes("webm")) throw new Error("unknown");
        return t.startsWith("audio/ogg");
      }),
    ).toBe("audio/ogg;codecs=opus");
  });
  test.each([
    [0, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [403, false],
    [413, false],
    [415, false],
  ])("status %i retryable: %s", (status, retry) => {
    expect(isRetryableStatus(status)).toBe(retry);
  });
});
