import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "@/lib/domain/codes";
import { ADMIN, ADMIN_ENV, userWithRole } from "../support/accounts";
import { ApiClient, uniqueName } from "../support/client";
import { createRoom, guest } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue 17, items 19, 22, 27, 28 and 29: sign-in limits that hold (one parse of the body, no
 * lock-out by strangers, an atomic count, no count during a database outage — that one is in
 * db-outage.test.ts), limited username checks, room creation and room-code look-ups; an
 * Origin check on every state-changing route; forwarded headers trusted only with TRUST_PROXY.
 *
 * `limited` trusts X-Forwarded-For (so each test can come from addresses of its own) and runs
 * every limit at its real size; `direct` is reached directly, as in the quick start.
 */
let limited: TestServer;
let direct: TestServer;
const EXTRA_ORIGIN = "https://class.example.org";
beforeAll(async () => {
  [limited, direct] = await Promise.all([
    startTestServer({ env: { ...ADMIN_ENV, RATE_LIMIT_SCALE: "1", TRUST_PROXY: "true", ROOMS_PER_HOUR: "3", ROOMS_PER_ADDRESS_PER_HOUR: "5" } }),
    startTestServer({ env: { APP_ORIGINS: EXTRA_ORIGIN } }),
  ]);
});
afterAll(async () => {
  await Promise.all([limited?.stop(), direct?.stop()]);
});

let address = 0;
/** An address no other test uses. */
const freshIp = () => `10.17.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

/** A client of `limited` that appears to come from `ip`. */
function from(ip: string, base = limited.url): ApiClient {
  const c = new ApiClient(base);
  const raw = c.raw.bind(c);
  c.raw = (method, path, init = {}) => raw(method, path, { ...init, headers: { "x-forwarded-for": ip, ...init.headers } });
  return c;
}

async function attempt(c: ApiClient, username: string, password: string) {
  const csrfToken = await c.csrf();
  return c.call("POST", "/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } });
}

/** A wrong password was checked (401) or the right one let in (200); 4xx otherwise means it was never tried. */
const checked = (status: number) => status === 200 || status === 401;

/** A valid room code that (almost surely) no room has. */
function unknownCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  return code;
}

describe("sign-in limits (item 19)", () => {
  it("19 — reads the body once: a body that is both form and JSON is refused, and cannot get around the lock of an account", async () => {
    const victim = uniqueName("victim");
    await from(freshIp()).register(victim, "the-right-password");
    const attacker = from(freshIp());
    for (let i = 0; i < 10; i++) expect((await attempt(attacker, victim, `wrong-${i}`)).status).toBe(401);
    expect((await attempt(attacker, victim, "the-right-password")).status).toBe(429);

    // The limiter once read this as a form (no username) while next-auth read it as JSON.
    const csrfToken = await attacker.csrf();
    const ambiguous = await attacker.call("POST", "/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded; x=application/json" },
      body: JSON.stringify({ username: victim, password: "the-right-password", csrfToken, json: "true" }),
    });
    expect(ambiguous.status, JSON.stringify(ambiguous.body)).toBeGreaterThanOrEqual(400);
    expect(checked(ambiguous.status)).toBe(false);
    expect(attacker.sessionCookie()).toBeUndefined();
    // Plain JSON is read as JSON by both, and counts like a form.
    const asJson = await attacker.call("POST", "/api/auth/callback/credentials", { json: { username: victim, password: "the-right-password", csrfToken, json: "true" } });
    expect(asJson.status).toBe(429);
    expect(attacker.sessionCookie()).toBeUndefined();
  });

  it("19 — wrong passwords from strangers do not lock the owner out: the lock holds for the addresses that tried", async () => {
    const owner = from(freshIp());
    const attacker = freshIp();
    // A burst from one address, and a few from many others.
    for (let i = 0; i < 10; i++) expect((await attempt(from(attacker), ADMIN.username, `guess-${i}`)).status).toBe(401);
    expect((await attempt(from(attacker), ADMIN.username, "guess-10")).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await attempt(from(freshIp()), ADMIN.username, `guess-${i}`)).status).toBe(401);
    const refused = await attempt(from(attacker), ADMIN.username, ADMIN.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    // The owner, at their own address, signs in.
    expect(await owner.signIn(ADMIN.username, ADMIN.password)).toBe(true);
  });

  it("19 — counts concurrent wrong passwords before checking them: 60 at once get at most 10 checks", async () => {
    const victim = uniqueName("burst");
    await from(freshIp()).register(victim, "the-right-password");
    const attacker = from(freshIp());
    const csrfToken = await attacker.csrf();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attacker.call("POST", "/api/auth/callback/credentials", { form: { username: victim, password: `wrong-${i}`, csrfToken, json: "true" } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter(checked).length, statuses.join(",")).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50);
  });

  it("19 — limits username checks per address", async () => {
    const ip = freshIp();
    let limitedAt = -1;
    for (let i = 0; i < 80; i++) {
      const r = await from(ip).get(`/api/users/check-username?username=${uniqueName("probe")}`);
      if (r.status === 429) {
        limitedAt = i;
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(r.body.error.code).toBe("RATE_LIMITED");
        break;
      }
      expect(r.status).toBe(200);
    }
    expect(limitedAt).toBe(60);
    expect((await from(freshIp()).get("/api/users/check-username?username=someone")).status).toBe(200);
  });
});

describe("room creation (item 22)", () => {
  it("22 — limits rooms per user and per address (429 with Retry-After), not for facilitators", async () => {
    const ip = freshIp();
    const first = from(ip);
    expect(await first.signInGuest("Opener")).toBe(true);
    for (let i = 0; i < 3; i++) expect((await first.post("/api/rooms", { visibility: "public" })).status).toBe(201);
    const overUser = await first.post("/api/rooms", { visibility: "public" });
    expect(overUser.status).toBe(429);
    expect(overUser.body.error.code).toBe("RATE_LIMITED");
    expect(Number(overUser.headers.get("retry-after"))).toBeGreaterThan(0);

    // A second guest at the same address has the address's last two.
    const second = from(ip);
    expect(await second.signInGuest("Opener2")).toBe(true);
    for (let i = 0; i < 2; i++) expect((await second.post("/api/rooms", { visibility: "public" })).status).toBe(201);
    expect((await second.post("/api/rooms", { visibility: "public" })).status).toBe(429);

    // Elsewhere, rooms open as usual; facilitators open as many as a class needs.
    const elsewhere = from(freshIp());
    expect(await elsewhere.signInGuest("Elsewhere")).toBe(true);
    expect((await elsewhere.post("/api/rooms", { visibility: "public" })).status).toBe(201);
    const facilitator = await userWithRole(limited.url, "FACILITATOR");
    for (let i = 0; i < 7; i++) expect((await facilitator.post("/api/rooms", { visibility: "private" })).status).toBe(201);
  });

  it("22 — refuses bidi overrides and other control characters in room titles, as in nicknames", async () => {
    const host = from(freshIp());
    expect(await host.signInGuest("Titler")).toBe(true);
    for (const title of ["abc\u202Egnp.exe", "\u2066isolated\u2069", "zero\u200Bwidth"]) {
      const r = await host.post("/api/rooms", { visibility: "public", title });
      expect(r.status, title).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_ERROR");
    }
    expect((await host.post("/api/rooms", { visibility: "public", title: "토론 · Class 3" })).status).toBe(201);
  });
});

describe("room codes (item 29)", () => {
  it("29 — answers an outsider alike for a joinable private room and a missing one", async () => {
    const host = await guest(limited.url, "Private");
    const room = await createRoom(host);
    await host.api.post(`/api/rooms/${room.code}/join`, {});
    const outsider = await guest(limited.url, "Outsider");
    const missing = unknownCode();
    for (const [method, path] of [
      ["POST", "/ready"],
      ["POST", "/leave"],
      ["POST", "/roles/confirm"],
      ["GET", "/roles"],
      ["GET", "/chat"],
      ["GET", "/statistics"],
    ] as const) {
      const ask = (code: string) => outsider.api.call(method, `/api/rooms/${code}${path}`, method === "POST" ? { json: path === "/ready" ? { ready: true } : {} } : {});
      const [real, none] = [await ask(room.code), await ask(missing)];
      expect([real.status, real.body], `${method} ${path}`).toEqual([none.status, none.body]);
      expect(real.status).toBe(404);
    }
  });

  it("29 — limits look-ups of unknown codes per user and per address; members are never held back", async () => {
    const ip = freshIp();
    const host = from(ip);
    expect(await host.signInGuest("Keeper")).toBe(true);
    const mine = (await host.post("/api/rooms", { visibility: "private" })).body.code as string;
    expect((await host.post(`/api/rooms/${mine}/join`, {})).status).toBe(200);

    const guesser = from(ip);
    expect(await guesser.signInGuest("Guesser")).toBe(true);
    let limitedAt = -1;
    for (let i = 0; i < 30; i++) {
      const r = await guesser.get(`/api/rooms/${unknownCode()}`);
      if (r.status === 429) {
        limitedAt = i;
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
        break;
      }
      expect(r.status).toBe(404);
    }
    expect(limitedAt).toBe(20);
    // Once limited, a code that exists answers the same (nothing is revealed), by GET or by join.
    expect((await guesser.get(`/api/rooms/${mine}`)).status).toBe(429);
    expect((await guesser.post(`/api/rooms/${mine}/join`, {})).status).toBe(429);
    // The room's own player is not held back.
    expect((await host.get(`/api/rooms/${mine}`)).status).toBe(200);

    // More guests at the same address share its limit (60 a minute).
    let total = 20;
    for (let g = 0; g < 3 && total < 60; g++) {
      const next = from(ip);
      expect(await next.signInGuest(`Guesser${g}`)).toBe(true);
      for (let i = 0; i < 20 && total < 60; i++, total++) expect((await next.get(`/api/rooms/${unknownCode()}`)).status).toBe(404);
    }
    const late = from(ip);
    expect(await late.signInGuest("Late")).toBe(true);
    expect((await late.get(`/api/rooms/${unknownCode()}`)).status).toBe(429);
    // Another address is unaffected, and a code that leads somewhere counts nothing.
    const other = from(freshIp());
    expect(await other.signInGuest("Other")).toBe(true);
    for (let i = 0; i < 25; i++) expect((await other.get(`/api/rooms/${mine}`)).status).toBe(200);
    expect((await other.get(`/api/rooms/${unknownCode()}`)).status).toBe(404);
  });
});

describe("cross-origin requests (item 27)", () => {
  async function seatedPlayer() {
    const p = await guest(direct.url, "Seated");
    const room = await createRoom(p);
    expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
    return { p, code: room.code };
  }
  const seatTaken = async (p: Awaited<ReturnType<typeof seatedPlayer>>["p"], code: string) => (await p.api.get(`/api/rooms/${code}`)).body.seats.some((s: { userId: string | null }) => s.userId === p.id);

  it("27 — refuses a body-less POST from a page of another origin (another port of the same host), and leaves the seat", async () => {
    const { p, code } = await seatedPlayer();
    const port = Number(new URL(direct.url).port);
    for (const headers of [
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: "null" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: `http://127.0.0.1:${port + 1}`, "sec-fetch-site": "same-site" },
    ] as Record<string, string>[]) {
      const r = await p.api.call("POST", `/api/rooms/${code}/leave`, { headers });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.body.error.code).toBe("FORBIDDEN");
      expect(await seatTaken(p, code)).toBe(true);
    }
    // Every state-changing method, whatever the route.
    expect((await p.api.call("PATCH", "/api/users/me", { json: { nickname: "Renamed" }, headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await p.api.call("DELETE", "/api/users/me", { json: { withdrawData: false }, headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await p.api.get("/api/users/me")).body.nickname).toBe("Seated");
    const signOutToken = await p.api.csrf();
    expect((await p.api.call("POST", "/api/auth/signout", { form: { csrfToken: signOutToken, json: "true" }, headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await p.api.get("/api/users/me")).status).toBe(200);
  });

  it("27 — lets in the server's own origin, APP_ORIGINS, and clients that send no Origin (bots, scripts)", async () => {
    for (const headers of [{ origin: direct.url, "sec-fetch-site": "same-origin" }, { origin: EXTRA_ORIGIN, "sec-fetch-site": "cross-site" }, {}] as Record<string, string>[]) {
      const { p, code } = await seatedPlayer();
      const r = await p.api.call("POST", `/api/rooms/${code}/leave`, { headers });
      expect(r.status, JSON.stringify(headers)).toBe(204);
      expect(await seatTaken(p, code)).toBe(false);
    }
    // Reads are never refused for their origin.
    const { p } = await seatedPlayer();
    expect((await p.api.call("GET", "/api/users/me", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("forwarded headers (item 28)", () => {
  it("28 — without TRUST_PROXY, sign-in and sign-out ignore X-Forwarded-Host", async () => {
    const c = new ApiClient(direct.url);
    const headers = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const name = uniqueName("fwd");
    expect((await c.register(name, "password-123")).status).toBe(201);
    const csrfToken = await c.csrf();
    const signIn = await c.call("POST", "/api/auth/callback/credentials", { form: { username: name, password: "password-123", csrfToken, json: "true" }, headers });
    expect(signIn.status).toBe(200);
    expect(signIn.body.url).toMatch(new RegExp(`^${direct.url}`));
    const plain = await c.raw("POST", "/api/auth/signout", { form: { csrfToken: await c.csrf() }, headers });
    expect(plain.headers.get("location") ?? "").not.toContain("evil.example");
    expect(plain.headers.get("location")).toMatch(new RegExp(`^${direct.url}`));
  });

  it("28 — with TRUST_PROXY, the proxy's X-Forwarded-Host is the public address", async () => {
    const c = from(freshIp());
    const headers = { "x-forwarded-host": "game.example.org", "x-forwarded-proto": "https" };
    const name = uniqueName("proxied");
    expect((await c.register(name, "password-123")).status).toBe(201);
    const csrfToken = await c.csrf();
    const signIn = await c.call("POST", "/api/auth/callback/credentials", { form: { username: name, password: "password-123", csrfToken, json: "true" }, headers });
    expect(signIn.body.url).toMatch(/^https:\/\/game\.example\.org\//);
    // A browser behind that proxy sends the public origin: it is the server's own.
    const register = (origin: string) => c.call("POST", "/api/users", { json: { username: uniqueName("proxied"), password: "password-123" }, headers: { ...headers, origin } });
    expect((await register("https://game.example.org")).status).toBe(201);
    expect((await register(limited.url)).status).toBe(403);
  });
});
