import { describe, expect, it } from "vitest";
import { emitWithAckWaitingOutThrottle, THROTTLED_RETRIES, throttledFor, type AckResponse } from "@/lib/realtime-events";

const throttled = (retryAfterMs?: number): AckResponse<never> => ({ ok: false, error: { code: "RATE_LIMITED", message: "slow down", status: 429, retryAfterMs } });

/** A stand-in for a socket.io-client socket that answers each emit with the next scripted ack. */
function scripted(answers: AckResponse<unknown>[]) {
  const sent: { event: string; payload: unknown; timeoutMs: number; at: number }[] = [];
  const socket = {
    timeout: (timeoutMs: number) => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push({ event, payload, timeoutMs, at: Date.now() });
        return answers.shift()!;
      },
    }),
  };
  return { socket, sent };
}

describe("throttledFor", () => {
  it("gives the wait of a RATE_LIMITED answer (1 s when none is given) and null for anything else", () => {
    expect(throttledFor(throttled(250))).toBe(250);
    expect(throttledFor(throttled())).toBe(1000);
    expect(throttledFor({ ok: true, data: null })).toBeNull();
    expect(throttledFor({ ok: false, error: { code: "WRONG_PHASE", message: "no", status: 409 } })).toBeNull();
    expect(throttledFor(null)).toBeNull();
  });
});

describe("emitWithAckWaitingOutThrottle", () => {
  it("sends a throttled event again after the wait it was given, and answers the first real answer", async () => {
    const { socket, sent } = scripted([throttled(30), throttled(30), { ok: true, data: { version: 7 } }]);
    let waits = 0;
    const r = await emitWithAckWaitingOutThrottle(socket, "room:command", { type: "ready" }, 5000, () => waits++);
    expect(r).toEqual({ ok: true, data: { version: 7 } });
    expect(sent.map((s) => [s.event, s.payload, s.timeoutMs])).toEqual(Array(3).fill(["room:command", { type: "ready" }, 5000]));
    expect(waits).toBe(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(25);
  });

  it("passes any other refusal through at once", async () => {
    const refusal: AckResponse<never> = { ok: false, error: { code: "ALREADY_SUBMITTED", message: "done", status: 409 } };
    const { socket, sent } = scripted([refusal]);
    expect(await emitWithAckWaitingOutThrottle(socket, "room:command", {}, 5000)).toEqual(refusal);
    expect(sent).toHaveLength(1);
  });

  it(`gives up after ${THROTTLED_RETRIES} resends and answers the last refusal`, async () => {
    const { socket, sent } = scripted(Array.from({ length: THROTTLED_RETRIES + 3 }, () => throttled(1)));
    const r = await emitWithAckWaitingOutThrottle(socket, "chat:send", {}, 5000);
    expect(throttledFor(r)).toBe(1);
    expect(sent).toHaveLength(THROTTLED_RETRIES + 1);
  });
});
