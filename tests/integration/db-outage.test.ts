import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, connected, emitAck, uniqueName } from "../support/client";
import { createRoom, eventually, guest, type Player } from "../support/game";
import { createTestDatabase, startPostgresCluster, type PostgresCluster } from "../support/postgres";
import { startTestServer, type TestServer } from "../support/server";

/**
 * SECURITY.md item 31: the database down for 30 s → 503s and error acks, no crash, no partial
 * writes, and service again without a restart once it is back.
 */
let pg: PostgresCluster;
let server: TestServer;
beforeAll(async () => {
  pg = await startPostgresCluster();
  server = await startTestServer({ databaseUrl: await createTestDatabase(pg.url), env: { DATABASE_POOL_SIZE: "4", RATE_LIMIT_SCALE: "1" } });
}, 180_000);
afterAll(async () => {
  await server?.stop("SIGKILL");
  await pg?.stop();
});

describe("a database outage", () => {
  it("SECURITY 31 — answers 503 and error acks while the database is down, and recovers by itself", async () => {
    const host: Player = await guest(server.url, "Outage", true);
    const room = await createRoom(host);
    expect((await emitAck(host.socket!, "room:subscribe", { code: room.code })).ok).toBe(true);

    await pg.halt();
    const downSince = Date.now();
    const health = await new ApiClient(server.url).get("/health");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "degraded", db: "down" });

    const seen = new Set<number>();
    while (Date.now() - downSince < 30_000) {
      const join = await host.api.post(`/api/rooms/${room.code}/join`, {});
      seen.add(join.status);
      expect(join.status, JSON.stringify(join.body)).toBe(503);
      expect(join.body.error.code).toBe("DB_UNAVAILABLE");
      expect(Number(join.headers.get("retry-after"))).toBeGreaterThan(0);
      const ack = await emitAck(host.socket!, "chat:send", { code: room.code, text: "anyone?" });
      expect(ack).toMatchObject({ ok: false, error: { code: "DB_UNAVAILABLE" } });
      await new Promise((r) => setTimeout(r, 2000));
    }
    expect([...seen]).toEqual([503]);
    expect(server.process.exitCode).toBeNull();

    await pg.resume();
    await eventually(async () => expect((await new ApiClient(server.url).get("/health")).status).toBe(200), 30_000, 500);
    // Nothing attempted during the outage was half-written: the room is as it was.
    const after = (await host.api.get(`/api/rooms/${room.code}`)).body;
    expect(after.version).toBe(room.version);
    expect(after.seats.every((s: { userId: string | null }) => s.userId === null)).toBe(true);
    expect((await host.api.get(`/api/rooms/${room.code}/chat`)).body.messages).toEqual([]);
    // And it works again, without a restart.
    const join = await host.api.post(`/api/rooms/${room.code}/join`, {});
    expect(join.status).toBe(200);
    const fresh = host.api.socket();
    await connected(fresh);
    expect((await emitAck(fresh, "chat:send", { code: room.code, text: "back" })).ok).toBe(true);
    fresh.disconnect();
    host.socket!.disconnect();
  }, 180_000);

  it("issue 17 item 19 — sign-in during an outage answers 503, says nothing of the database's error, and counts no wrong password", async () => {
    const name = uniqueName("outage");
    const c = new ApiClient(server.url);
    expect((await c.register(name, "password-123")).status).toBe(201);
    const csrfToken = await c.csrf();
    await pg.halt();
    try {
      // More than the 10 wrong passwords that would lock the account, right ones among them.
      for (let i = 0; i < 12; i++) {
        const r = await c.call("POST", "/api/auth/callback/credentials", { form: { username: name, password: i % 3 ? "wrong-password" : "password-123", csrfToken, json: "true" } });
        expect(r.status, JSON.stringify(r.body)).toBe(503);
        expect(r.body.error.code).toBe("DB_UNAVAILABLE");
        expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(new URL(r.body.url).searchParams.get("error")).toBe("Unavailable");
        expect(JSON.stringify(r.body)).not.toMatch(/ECONN|Connection|terminat|prisma|reach|adapter/i);
        expect(c.sessionCookie()).toBeUndefined();
      }
      const guestTry = await c.call("POST", "/api/auth/callback/guest", { form: { nickname: "Outage", csrfToken, json: "true" } });
      expect(guestTry.status).toBe(503);
    } finally {
      await pg.resume();
    }
    await eventually(async () => expect((await new ApiClient(server.url).get("/health")).status).toBe(200), 30_000, 500);
    expect(await c.signIn(name, "password-123")).toBe(true);
  }, 180_000);
});
