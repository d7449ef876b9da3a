import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, uniqueName } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("registration and sign-in", () => {
  it("registers, signs in through the CSRF flow and reads /api/users/me", async () => {
    const c = new ApiClient(server.url);
    const username = uniqueName("alice");
    const reg = await c.register(username, "correct horse battery");
    expect(reg.status).toBe(201);
    expect(reg.body).toEqual({ id: expect.any(String), username });

    expect((await c.get("/api/users/me")).status).toBe(401);
    expect(await c.signIn(username, "correct horse battery")).toBe(true);
    const me = await c.get("/api/users/me");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: reg.body.id, username, nickname: username, role: "PLAYER", isGuest: false, dataConsent: false, voiceConsent: false, locale: null, participantCode: expect.stringMatching(/^P[A-Z0-9]{7}$/) });
    expect(me.headers.get("cache-control")).toContain("no-store");
  });

  it("SECURITY 2 — sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const c = new ApiClient(server.url);
    const token = await c.csrf();
    const res = await c.raw("POST", "/api/auth/callback/guest", { form: { nickname: "Cookie", csrfToken: token, json: "true" } });
    const session = res.headers.getSetCookie().find((l) => l.startsWith("next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
  });

  it("refuses a taken username, case-insensitively", async () => {
    const c = new ApiClient(server.url);
    const username = uniqueName("bob");
    expect((await c.register(username, "password123")).status).toBe(201);
    const again = await c.register(username.toUpperCase(), "password123");
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("USERNAME_TAKEN");
    expect((await c.get(`/api/users/check-username?username=${username}`)).body).toMatchObject({ available: false });
    expect((await c.get(`/api/users/check-username?username=${uniqueName("free")}`)).body).toEqual({ available: true });
    expect((await c.get(`/api/users/check-username?username=a`)).body).toMatchObject({ available: false });
  });

  it("SECURITY 5 — gives no session for a wrong password or an unknown user, with the same answer", async () => {
    const username = uniqueName("carol");
    await new ApiClient(server.url).register(username, "password123");
    const wrong = new ApiClient(server.url);
    const unknown = new ApiClient(server.url);
    const t1 = await wrong.csrf();
    const t2 = await unknown.csrf();
    const r1 = await wrong.call("POST", "/api/auth/callback/credentials", { form: { username, password: "nope-nope", csrfToken: t1, json: "true" } });
    const r2 = await unknown.call("POST", "/api/auth/callback/credentials", { form: { username: uniqueName("ghost"), password: "nope-nope", csrfToken: t2, json: "true" } });
    expect(wrong.sessionCookie()).toBeUndefined();
    expect(unknown.sessionCookie()).toBeUndefined();
    expect(r1.status).toBe(r2.status);
    expect(new URL(r1.body.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(new URL(r2.body.url).searchParams.get("error")).toBe("CredentialsSignin");
  });

  it("SECURITY 3 — issues no session without a valid CSRF token", async () => {
    const username = uniqueName("dave");
    const c = new ApiClient(server.url);
    await c.register(username, "password123");
    await c.csrf(); // the cookie half, but a forged form half
    await c.call("POST", "/api/auth/callback/credentials", { form: { username, password: "password123", csrfToken: "forged", json: "true" } });
    expect(c.sessionCookie()).toBeUndefined();
    const bare = new ApiClient(server.url);
    await bare.call("POST", "/api/auth/callback/guest", { form: { nickname: "Eve", json: "true" } });
    expect(bare.sessionCookie()).toBeUndefined();
  });
});

describe("guests", () => {
  it("signs in as a guest with a nickname", async () => {
    const c = new ApiClient(server.url);
    expect(await c.signInGuest("  민지 ")).toBe(true);
    const me = await c.get("/api/users/me");
    expect(me.body).toMatchObject({ nickname: "민지", isGuest: true, role: "PLAYER", username: null });
  });

  it("refuses an empty or oversized nickname", async () => {
    expect(await new ApiClient(server.url).signInGuest("   ")).toBe(false);
    expect(await new ApiClient(server.url).signInGuest("x".repeat(200))).toBe(false);
  });
});

describe("profile and consent", () => {
  it("updates consent and profile, and refuses bad bodies", async () => {
    const c = new ApiClient(server.url);
    await c.signInGuest("Consenter");
    const r = await c.put("/api/users/me/consent", { dataConsent: true, voiceConsent: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dataConsent: true, voiceConsent: false });
    expect((await c.get("/api/users/me")).body).toMatchObject({ dataConsent: true, voiceConsent: false });

    const p = await c.patch("/api/users/me", { nickname: "Renamed", locale: "ko" });
    expect(p.body).toMatchObject({ nickname: "Renamed", locale: "ko" });

    const bad = await c.put("/api/users/me/consent", { dataConsent: "yes", voiceConsent: false });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_ERROR");
    const sneaky = await c.patch("/api/users/me", { nickname: "X", role: "ADMIN" });
    expect(sneaky.status).toBe(400);
    expect((await c.get("/api/users/me")).body.role).toBe("PLAYER");
  });

  it("asks for a session on every user route", async () => {
    const c = new ApiClient(server.url);
    for (const [method, path, body] of [
      ["GET", "/api/users/me", undefined],
      ["PATCH", "/api/users/me", { nickname: "x" }],
      ["PUT", "/api/users/me/consent", { dataConsent: true, voiceConsent: true }],
    ] as const) {
      const r = await c.call(method, path, body ? { json: body } : {});
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.body.error.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("sessions", () => {
  it("SECURITY 6 — cannot raise its own role through a session update", async () => {
    const c = new ApiClient(server.url);
    await c.signInGuest("Climber");
    const token = await c.csrf();
    await c.call("POST", "/api/auth/session", { json: { csrfToken: token, data: { role: "ADMIN", sv: 99, sub: "someone-else" } } });
    const me = await c.get("/api/users/me");
    expect(me.status).toBe(200);
    expect(me.body.role).toBe("PLAYER");
    expect(me.body.nickname).toBe("Climber");
  });

  it("SECURITY 7 — refuses a forged token and one signed with another secret", async () => {
    const { encode } = await import("next-auth/jwt");
    const c = new ApiClient(server.url);
    await c.signInGuest("Target");
    const me = (await c.get("/api/users/me")).body;
    const forged = await encode({ token: { sub: me.id, sv: 0, name: "x" }, secret: "another-secret-that-is-long-enough-to-use-here" });
    const attacker = new ApiClient(server.url);
    attacker.jar.set("next-auth.session-token", forged);
    expect((await attacker.get("/api/users/me")).status).toBe(401);
    attacker.jar.set("next-auth.session-token", "garbage.value.here");
    expect((await attacker.get("/api/users/me")).status).toBe(401);
  });

  it("SECURITY 8 — stops accepting the old cookie after sign-out", async () => {
    const c = new ApiClient(server.url);
    await c.signInGuest("Leaver");
    const old = c.sessionCookie()!;
    expect((await c.get("/api/users/me")).status).toBe(200);
    await c.signOut();
    expect(c.sessionCookie()).toBeUndefined();
    const replay = new ApiClient(server.url);
    replay.jar.set("next-auth.session-token", old);
    expect((await replay.get("/api/users/me")).status).toBe(401);
  });
});
