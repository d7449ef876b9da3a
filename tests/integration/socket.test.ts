import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, connected, emitAck } from "../support/client";
import { eventually } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";
import { throttledFor, type AckResponse } from "@/lib/realtime-events";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function guest(name: string) {
  const c = new ApiClient(server.url);
  expect(await c.signInGuest(name)).toBe(true);
  return c;
}

describe("socket handshake", () => {
  it("SECURITY 22 — connects with a session cookie (guests included)", async () => {
    const s = (await guest("Sock")).socket();
    await connected(s);
    expect(s.connected).toBe(true);
    const health = await new ApiClient(server.url).get("/health");
    expect(health.body.connections).toBeGreaterThanOrEqual(1);
    s.disconnect();
  });

  it("SECURITY 22 — is refused without a session", async () => {
    const s = new ApiClient(server.url).socket();
    await expect(connected(s)).rejects.toThrow(/UNAUTHORIZED/);
    s.disconnect();
  });

  it("SECURITY 7, 22 — is refused with a forged cookie", async () => {
    const c = new ApiClient(server.url);
    c.jar.set("next-auth.session-token", "forged");
    const s = c.socket();
    await expect(connected(s)).rejects.toThrow(/UNAUTHORIZED/);
    s.disconnect();
  });

  it("SECURITY 21 — is refused from a foreign Origin and accepted from its own", async () => {
    const c = await guest("Origin");
    const foreign = c.socket({ origin: "https://evil.example" });
    await expect(connected(foreign)).rejects.toThrow();
    foreign.disconnect();
    const own = c.socket({ origin: server.url });
    await connected(own);
    own.disconnect();
  });

  it("SECURITY 8 — disconnects a user's sockets when they sign out", async () => {
    const c = await guest("Bye");
    const s = c.socket();
    await connected(s);
    const gone = new Promise<string>((resolve) => s.once("disconnect", (reason) => resolve(reason)));
    await c.signOut();
    expect(await gone).toBe("io server disconnect");
  });
});

describe("socket events", () => {
  it("SECURITY 15 — answers an invalid payload with an error ack", async () => {
    const s = (await guest("Val")).socket();
    await connected(s);
    for (const payload of [undefined, null, 42, "ABC234", { code: 5 }, { code: "abc" }, { code: "ABC234", extra: true }, { code: "x".repeat(10_000) }]) {
      const r = await emitAck(s, "room:subscribe", payload);
      expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR" } });
    }
    const moves = [undefined, null, 42, {}, { type: "choice" }, { type: "choice", code: "ABC234", round: "1", choice: 0, confidence: 3 }, { type: "ready", code: "ABC234", ready: "yes" }, { type: "__proto__", code: "ABC234" }, { type: "advance", code: "ABC234", reason: "x".repeat(201) }];
    for (const payload of moves) {
      const r = await emitAck(s, "room:command", payload);
      expect(r, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: "VALIDATION_ERROR", status: 400 } });
    }
    const status = await emitAck(s, "presence:status", { status: "sleeping" });
    expect(status.ok).toBe(false);
    expect(await emitAck(s, "presence:status", { status: "idle" })).toEqual({ ok: true, data: null });
    s.disconnect();
  });

  it("answers NOT_FOUND for a room that does not exist", async () => {
    const s = (await guest("Nf")).socket();
    await connected(s);
    expect(await emitAck(s, "room:subscribe", { code: "ZZZZZZ" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    s.disconnect();
  });

  it("SECURITY 23 — drops only the client that sends a message over the size limit", async () => {
    const bystander = (await guest("Calm")).socket();
    const offender = (await guest("Big")).socket();
    await Promise.all([connected(bystander), connected(offender)]);
    const dropped = new Promise<string>((resolve) => offender.once("disconnect", (r) => resolve(r)));
    offender.emit("presence:status", { status: "x".repeat(200_000) } as never, () => undefined);
    expect(await dropped).toMatch(/transport (close|error)/);
    expect(bystander.connected).toBe(true);
    expect(await emitAck(bystander, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
    bystander.disconnect();
  });

  it("SECURITY 24 — throttles an event flood and drops the flooder, not the others", async () => {
    const calm = (await guest("Calm2")).socket();
    const flooder = (await guest("Flood")).socket();
    await Promise.all([connected(calm), connected(flooder)]);
    const dropped = new Promise<void>((resolve) => flooder.once("disconnect", () => resolve()));
    const answers: AckResponse<unknown>[] = [];
    for (let i = 0; i < 400; i++) flooder.emit("presence:status", { status: "active" }, (r: AckResponse<unknown>) => answers.push(r));
    await dropped;
    expect(calm.connected).toBe(true);
    // The events over the limit were answered, not left waiting: throttled, with how long to wait.
    const throttled = answers.filter((r) => !r.ok);
    expect(throttled.length).toBeGreaterThan(0);
    for (const r of throttled) {
      expect(r).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", status: 429 } });
      expect(throttledFor(r)).toBeGreaterThan(0);
    }
    expect(await emitAck(calm, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
    calm.disconnect();
  });
});

describe("one user's sockets", () => {
  it("SECURITY 21 — refuses a user's eleventh socket with a clear connect_error, and takes one again once a socket closes", async () => {
    const c = await guest("Many");
    const sockets = Array.from({ length: 10 }, () => c.socket());
    await Promise.all(sockets.map(connected));
    const eleventh = c.socket();
    await expect(connected(eleventh)).rejects.toThrow(/TOO_MANY_CONNECTIONS/);
    eleventh.disconnect();
    // Another user connects as usual.
    const other = (await guest("Other")).socket();
    await connected(other);
    // A closed socket frees its place.
    sockets.pop()!.disconnect();
    const again = await eventually(async () => {
      const s = c.socket();
      try {
        await connected(s);
        return s;
      } catch (e) {
        s.disconnect();
        throw e;
      }
    });
    expect(again.connected).toBe(true);
    for (const s of [...sockets, again, other]) s.disconnect();
  });

  describe("with small limits", () => {
    // Each socket may send 10 events a second; the user 20 in all.
    let limited: TestServer;
    beforeAll(async () => {
      limited = await startTestServer({ env: { SOCKET_EVENTS_PER_SECOND: "10", SOCKET_USER_EVENTS_PER_SECOND: "20" } });
    });
    afterAll(async () => {
      await limited?.stop();
    });

    it("SECURITY 21 — limits the events of one user across their sockets, not only each socket's", async () => {
      const c = new ApiClient(limited.url);
      expect(await c.signInGuest("Spread")).toBe(true);
      const sockets = Array.from({ length: 5 }, () => c.socket());
      await Promise.all(sockets.map(connected));
      // Ten events from each socket: within each socket's limit, five times the user's.
      const answers = await Promise.all(sockets.flatMap((s) => Array.from({ length: 10 }, () => emitAck<AckResponse<unknown>>(s, "presence:status", { status: "active" }))));
      const throttled = answers.filter((r) => !r.ok);
      expect(throttled.length).toBeGreaterThan(0);
      for (const r of throttled) expect(r).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", status: 429 } });
      // Another user of the same server is not held back by it.
      const d = new ApiClient(limited.url);
      expect(await d.signInGuest("Bystander")).toBe(true);
      const calm = d.socket();
      await connected(calm);
      expect(await emitAck(calm, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
      for (const s of [...sockets, calm]) s.disconnect();
    });

    it("SECURITY 21 — forgets old strikes: a client that waits as told when throttled is never dropped", async () => {
      const c = new ApiClient(limited.url);
      expect(await c.signInGuest("Eager")).toBe(true);
      const socket = c.socket();
      await connected(socket);
      let strikes = 0;
      // Bursts one event over the limit, each after waiting as the last refusal said: one strike
      // a burst, more than the 20 that drop a flooding socket, spread over half a minute.
      while (strikes < 25) {
        const answers = await Promise.all(Array.from({ length: 11 }, () => emitAck<AckResponse<unknown>>(socket, "presence:status", { status: "active" })));
        const refused = answers.filter((r) => throttledFor(r) !== null);
        strikes += refused.length;
        expect(socket.connected).toBe(true);
        await new Promise((r) => setTimeout(r, Math.max(...refused.map((x) => throttledFor(x)!), 50)));
      }
      expect(await emitAck(socket, "presence:status", { status: "active" })).toEqual({ ok: true, data: null });
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }, 120_000);
  });
});
