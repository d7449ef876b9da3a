import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "@/lib/server/openapi/routes";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { ApiClient, connected, emitAck, uniqueName } from "../support/client";
import { createRoom, eventually, guest } from "../support/game";
import { REPO_ROOT, startTestServer, type TestServer } from "../support/server";

/** SECURITY.md items not covered by a feature's own suite (see docs/SECURITY-CHECKLIST.md for the map). */

const TURN_SECRET = "turn-secret-that-must-never-leak-9f8e7d";
const OPENAI_KEY = "sk-test-key-that-must-never-leak-1a2b3c";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ...ADMIN_ENV, TURN_URLS: "turn:127.0.0.1:3478", TURN_SECRET, OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: "http://127.0.0.1:9/v1", LOG_LEVEL: "debug" } });
});
afterAll(async () => {
  await server?.stop();
});

const sample = (p: string) => p.replace("{code}", "ABC234").replace("{n}", "1").replace("{seat}", "1").replace("{id}", "00000000-0000-4000-8000-000000000000");

describe("access control on every route (item 10, 11)", () => {
  const guarded = ROUTES.filter((r) => r.access !== "public");

  it("SECURITY 10, 11 — answers 401 to anonymous callers on every route that needs a session, even with x-middleware-subrequest", async () => {
    const anon = new ApiClient(server.url);
    const wrong: string[] = [];
    for (const r of guarded) {
      if (r.path.startsWith("/api/auth/")) continue;
      for (const extra of [{}, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }] as Record<string, string>[]) {
        const headers: Record<string, string> = { ...extra, ...(r.method === "get" ? {} : { "content-type": "application/json" }) };
        const res = await anon.raw(r.method.toUpperCase(), sample(r.path), { headers, body: r.method === "get" ? undefined : "{}" });
        if (res.status !== 401) wrong.push(`${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("SECURITY 10 — answers 403 to roles below the route's, and lets the right role in", async () => {
    const player = await guest(server.url, "Lowly");
    const registered = await userWithRole(server.url, "PLAYER");
    const facilitator = await userWithRole(server.url, "FACILITATOR");
    const researcher = await userWithRole(server.url, "RESEARCHER");
    const admin = await signedInAdmin(server.url);
    const clients = { guest: player.api, PLAYER: registered as ApiClient, FACILITATOR: facilitator as ApiClient, RESEARCHER: researcher as ApiClient, ADMIN: admin };
    const rank: Record<string, string[]> = { FACILITATOR: ["FACILITATOR", "ADMIN"], RESEARCHER: ["RESEARCHER", "ADMIN"], ADMIN: ["ADMIN"] };
    const wrong: string[] = [];
    for (const r of guarded.filter((x) => x.access in rank)) {
      for (const [who, c] of Object.entries(clients)) {
        const res = await c.raw(r.method.toUpperCase(), sample(r.path), { headers: r.method === "get" ? {} : { "content-type": "application/json" }, body: r.method === "get" ? undefined : "{}" });
        const allowed = rank[r.access]!.includes(who);
        if (!allowed && res.status !== 403) wrong.push(`${who} ${r.method} ${r.path} → ${res.status} (want 403)`);
        if (allowed && (res.status === 401 || res.status === 403)) wrong.push(`${who} ${r.method} ${r.path} → ${res.status} (want in)`);
        if (res.status >= 500) wrong.push(`${who} ${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("sessions", () => {
  it("SECURITY 8 — closes a user's sockets when their role changes", async () => {
    const person = await userWithRole(server.url, "PLAYER", "promoted");
    const socket = person.socket();
    await connected(socket);
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (r) => resolve(r)));
    const admin = await signedInAdmin(server.url);
    expect((await admin.put(`/api/admin/users/${person.id}/role`, { role: "FACILITATOR" })).status).toBe(200);
    expect(await closed).toBe("io server disconnect");
    expect((await person.get("/api/users/me")).status).toBe(401);
  });

  it("SECURITY 9, 43 — never writes passwords, session cookies or secrets to the log", async () => {
    const username = uniqueName("logme");
    const password = "a-very-distinctive-password-7731";
    const c = new ApiClient(server.url);
    await c.register(username, password);
    expect(await c.signIn(username, password)).toBe(true);
    await c.signIn(username, "wrong-but-also-distinctive-8842");
    const out = server.output();
    expect(out).not.toContain(password);
    expect(out).not.toContain("wrong-but-also-distinctive-8842");
    expect(out).not.toContain(c.sessionCookie()!);
    expect(out).not.toContain(TURN_SECRET);
    expect(out).not.toContain(OPENAI_KEY);
  });

  it("SECURITY 2 — marks the session cookie Secure behind HTTPS", async () => {
    const https = await startTestServer({ env: { NEXTAUTH_URL: "https://game.example.org" } });
    try {
      const c = new ApiClient(https.url);
      const token = await c.csrf();
      const res = await c.raw("POST", "/api/auth/callback/guest", { form: { nickname: "Secure", csrfToken: token, json: "true" } });
      const cookie = res.headers.getSetCookie().find((l) => l.includes("session-token="));
      expect(cookie).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await https.stop();
    }
  });
});

describe("sockets", () => {
  it("SECURITY 29 — recovers a short disconnect with the same socket state, re-running the auth middleware", async () => {
    const p = await guest(server.url, "Flaky");
    const room = await createRoom(p);
    const socket = p.api.socket({ reconnection: true });
    await connected(socket);
    expect((await emitAck(socket, "room:subscribe", { code: room.code })).ok).toBe(true);
    // Recovery resumes from the last broadcast the client saw: let it see one.
    const first = new Promise((resolve) => socket.once("room:state", resolve));
    await p.api.post(`/api/rooms/${room.code}/join`, {});
    await first;
    // Drop the transport without a goodbye, as a network switch would.
    const recovered = new Promise<boolean>((resolve) => socket.once("connect", () => resolve(socket.recovered)));
    socket.io.engine.close();
    expect(await recovered).toBe(true);
    // Still in the room's channel: a change reaches it without subscribing again, and the
    // player is shown as present again.
    const state = new Promise((resolve) => socket.once("room:state", resolve));
    await (await guest(server.url, "Second")).api.post(`/api/rooms/${room.code}/join`, {});
    await state;
    await eventually(async () => expect((await p.api.get(`/api/rooms/${room.code}`)).body.seats[0].connected).toBe(true));
    // The middleware ran again: a revoked session is not recovered.
    await p.api.signOut();
    const refused = new Promise<string>((resolve) => socket.once("connect_error", (e) => resolve(e.message)));
    socket.connect();
    expect(await refused).toMatch(/UNAUTHORIZED/);
    socket.disconnect();
  });

  it("SECURITY 33 — marks a silent client absent after the ping timeout", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Quiet${i}`, true)));
    const room = await createRoom(players[0]!);
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
    for (const p of players) await emitAck(p.socket!, "room:subscribe", { code: room.code });
    // Stop reading from the socket: no pongs go back, but the TCP connection stays open.
    const transport = players[2]!.socket!.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } };
    transport.ws!._socket!.pause();
    await eventually(async () => {
      const s = (await players[0]!.api.get(`/api/rooms/${room.code}`)).body;
      expect(s.seats[2].connected).toBe(false);
    }, 45_000, 500);
    for (const p of players) p.socket!.disconnect();
  }, 90_000);
});

describe("dependencies and code", () => {
  const version = (pkg: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")).version as string;
  const atLeast = (v: string, min: string) => {
    const a = v.split(".").map(Number);
    const b = min.split(".").map(Number);
    for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
    return true;
  };

  it("SECURITY 11, 27 — runs versions without the known crash and bypass bugs", () => {
    expect(atLeast(version("next"), "16.2.6")).toBe(true);
    expect(atLeast(version("socket.io"), "4.6.2")).toBe(true);
    expect(atLeast(version("ws"), "8.17.1")).toBe(true);
  });

  it("SECURITY 40 — never reads spreadsheets with xlsx", () => {
    const offenders: string[] = [];
    for (const dir of ["app", "lib", "components", "scripts"]) {
      for (const f of readdirSync(path.join(REPO_ROOT, dir), { recursive: true }).map(String)) {
        if (!/\.(ts|tsx|mjs)$/.test(f) || f.includes("generated")) continue;
        const src = readFileSync(path.join(REPO_ROOT, dir, f), "utf8");
        if (/XLSX\.read|\bread(File)?\s*\(\s*[^)]*\{\s*type/.test(src) && src.includes("xlsx")) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("SECURITY 43 — keeps server secrets out of the pages and scripts sent to browsers", async () => {
    const c = new ApiClient(server.url);
    await c.signInGuest("Looker");
    const pages = ["/", "/signin", "/lobby", "/docs/api"];
    const seen = new Set<string>();
    let text = "";
    for (const p of pages) {
      const html = await (await c.raw("GET", p)).text();
      text += html;
      for (const m of html.matchAll(/\/_next\/static\/[^"']+\.js/g)) seen.add(m[0]);
    }
    for (const src of seen) text += await (await c.raw("GET", src)).text();
    expect(seen.size).toBeGreaterThan(0);
    expect(text).not.toContain(TURN_SECRET);
    expect(text).not.toContain(OPENAI_KEY);
    const secret = readFileSync(path.join(server.dataDir, "nextauth-secret"), "utf8").trim();
    expect(text).not.toContain(secret);
    const ice = await c.get("/api/webrtc/ice-config");
    expect(JSON.stringify(ice.body)).not.toContain(TURN_SECRET);
  });
});
