import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueName } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";

/** SECURITY.md item 4: sign-in and guest creation are limited, with Retry-After, per account and per address. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_SCALE: "1", TRUST_PROXY: "true" } });
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
  it("answers 429 with Retry-After after 10 wrong passwords on one account, and leaves other accounts alone", async () => {
    const victim = uniqueName("victim");
    const bystander = uniqueName("bystander");
    await from("10.0.0.1").register(victim, "the-right-password");
    await from("10.0.0.2").register(bystander, "the-right-password");
    for (let i = 0; i < 10; i++) {
      const r = await attempt(from(`10.1.0.${i}`), victim, "wrong-password");
      expect(r.status).not.toBe(429);
    }
    // Locked even with the right password, from anywhere.
    const locked = await attempt(from("10.2.0.1"), victim, "the-right-password");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.error.code).toBe("RATE_LIMITED");
    // Another account signs in normally.
    const other = from("10.2.0.2");
    expect(await other.signIn(bystander, "the-right-password")).toBe(true);
  });

  it("answers 429 after 50 guest sign-ins in a minute from one address; another address is unaffected", async () => {
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
