import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { ApiClient, uniqueName } from "../support/client";
import { createRoom, guest, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/** SECURITY.md item 4: sign-in, guest creation and uploads are limited, with Retry-After, per account, address or user. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_SCALE: "1", TRUST_PROXY: "true", UPLOADS_PER_HOUR: "3" } });
});
afterAll(async () => {
  await server?.stop();
});

/** A client that appears to come from `ip` (the server trusts X-Forwarded-For in this suite). */
function from(ip: string) {
  const c = new ApiClient(server.url);
  const raw = c.raw.bind(c);
  c.raw = (method, path, init = {}) => raw(method, path, { ...init, headers: { ...init.headers, "x-forwarded-for": ip } });
  return c;
}

async function attempt(c: ApiClient, username: string, password: string) {
  const token = await c.csrf();
  return c.call("POST", "/api/auth/callback/credentials", { form: { username, password, csrfToken: token, json: "true" } });
}

describe("sign-in limits", () => {
  it("SECURITY 4 — answers 429 with Retry-After after 10 wrong passwords on one account from one address, and leaves the account's owner and other accounts alone", async () => {
    const victim = uniqueName("victim");
    const bystander = uniqueName("bystander");
    await from("10.0.0.1").register(victim, "the-right-password");
    await from("10.0.0.2").register(bystander, "the-right-password");
    for (let i = 0; i < 10; i++) {
      const r = await attempt(from("10.1.0.1"), victim, "wrong-password");
      expect(r.status).toBe(401);
    }
    // Locked for that address, even with the right password (issue 17 item 19: strangers
    // must not lock the owner out, so the lock is per account and address).
    const locked = await attempt(from("10.1.0.1"), victim, "the-right-password");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.error.code).toBe("RATE_LIMITED");
    // The owner signs in from their own address; another account signs in normally.
    expect(await from("10.2.0.1").signIn(victim, "the-right-password")).toBe(true);
    expect(await from("10.2.0.2").signIn(bystander, "the-right-password")).toBe(true);
  });

  it("SECURITY 4 — answers 429 after 50 guest sign-ins in a minute from one address; another address is unaffected", async () => {
    const crowd = "10.9.9.9";
    let limitedAt = -1;
    for (let i = 0; i < 51; i++) {
      const c = from(crowd);
      const token = await c.csrf();
      const r = await c.call("POST", "/api/auth/callback/guest", { form: { nickname: `g${i}`, csrfToken: token, json: "true" } });
      if (r.status === 429) {
        limitedAt = i;
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
        break;
      }
    }
    expect(limitedAt).toBe(50);
    expect(await from("10.9.9.10").signInGuest("elsewhere")).toBe(true);
  });
});

describe("upload limits", () => {
  it("SECURITY 4, 17 — answers 429 with Retry-After past UPLOADS_PER_HOUR recordings from one user, before reading the body; other users are unaffected", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Up${i}`)));
    for (const p of players) await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true });
    const room = await createRoom(players[0]!);
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});
    const upload = (p: Player) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(1000)]))], { type: "audio/webm" }), "r.webm");
      form.set("roomCode", room.code);
      form.set("round", "1");
      form.set("startedAt", new Date(Date.now() - Math.floor(Math.random() * 1e6)).toISOString());
      form.set("durationMs", "1000");
      return p.api.raw("POST", "/api/voice/recordings", { body: form });
    };
    for (let i = 0; i < 3; i++) expect((await upload(players[0]!)).status).toBe(201);
    const limited = await upload(players[0]!);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
    expect((await upload(players[1]!)).status).toBe(201);
  });
});
