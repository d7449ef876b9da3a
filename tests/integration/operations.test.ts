import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, playRound, subscribe } from "../support/game";
import { parsePrometheus, sampleSum, sampleValue } from "../support/prometheus";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { TEST_LOG_LEVEL: "info", LOG_LEVEL: "info" } });
});
afterAll(async () => {
  await server?.stop();
});

describe("operations", () => {
  it("exposes Prometheus metrics: HTTP by normalised route, socket events, connections, rooms by phase, process", async () => {
    const p = await guest(server.url, "Metered", true);
    const room = await createRoom(p);
    await p.api.get(`/api/rooms/${room.code}`);
    await p.socket!.timeout(5000).emitWithAck("presence:status", { status: "active" });
    const r = await new ApiClient(server.url).raw("GET", "/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toMatch(/aedg_http_request_duration_seconds_count\{method="GET",route="\/api\/rooms\/:code",status="200"\} \d+/);
    expect(text).not.toContain(room.code);
    expect(text).toMatch(/aedg_socket_event_duration_seconds_count\{event="presence:status",ok="true"\} 1/);
    expect(text).toMatch(/aedg_socket_connections [1-9]/);
    expect(text).toMatch(/aedg_rooms\{phase="WAITING"\} [1-9]/);
    expect(text).toMatch(/aedg_process_resident_memory_bytes \d+/);
    expect(text).toContain("aedg_db_errors_total");
    p.socket!.disconnect();
  });

  it("serves /metrics as valid Prometheus text whose counters move when a game is played", async () => {
    const scrape = async () => {
      const r = await new ApiClient(server.url).raw("GET", "/metrics");
      expect(r.status).toBe(200);
      return parsePrometheus(await r.text());
    };
    const before = await scrape();
    for (const name of ["aedg_http_request_duration_seconds", "aedg_socket_event_duration_seconds", "aedg_room_commands_total", "aedg_room_state_cache_total", "aedg_rooms", "aedg_socket_connections", "aedg_db_errors_total", "aedg_ai_call_duration_seconds", "aedg_process_cpu_seconds_total"]) {
      expect(before.has(name), name).toBe(true);
    }
    expect(before.get("aedg_http_request_duration_seconds")!.type).toBe("histogram");
    expect(before.get("aedg_room_commands_total")!.type).toBe("counter");

    const players = await Promise.all(["M1", "M2", "M3"].map((n) => guest(server.url, n, true)));
    const room = await createRoom(players[0]!);
    for (const p of players) await subscribe(p, room.code);
    await fillAndStart(room.code, players);
    let snap = await confirmRoles(room.code, players);
    for (let round = 1; round <= snap.totalRounds; round++) snap = await playRound(room.code, players, round, 0, 0);
    expect(snap.phase).toBe("FINISHED");
    const rounds = snap.totalRounds;
    const after = await eventually(async () => {
      const m = await scrape();
      expect(sampleValue(m, "aedg_rooms", { phase: "FINISHED" })).toBe(sampleValue(before, "aedg_rooms", { phase: "FINISHED" }) + 1);
      return m;
    });

    const choiceRoute = { method: "POST", route: "/api/rooms/:code/rounds/:n/choice", status: "200" };
    const delta = (name: string, labels: Record<string, string>) => sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(delta("aedg_http_request_duration_seconds_count", choiceRoute)).toBe(3 * rounds);
    expect(delta("aedg_http_request_duration_seconds_sum", choiceRoute)).toBeGreaterThan(0);
    expect(delta("aedg_room_commands_total", { command: "choice", outcome: "committed" })).toBe(3 * rounds);
    expect(delta("aedg_room_commands_total", { command: "continue", outcome: "committed" })).toBe(3 * rounds);
    expect(delta("aedg_socket_event_duration_seconds_count", { event: "room:subscribe", ok: "true" })).toBe(3);
    // One instance: from the room's creation on, moves (joins included) are decided on the state
    // it holds (one statement each), which is never found stale; a round's reveal too (its
    // results are the answers the room holds), so nothing reads the database.
    expect(delta("aedg_room_state_cache_total", { result: "hit" })).toBeGreaterThanOrEqual(3 * 4 * rounds + 3);
    expect(delta("aedg_room_state_cache_total", { result: "read" })).toBe(0);
    expect(delta("aedg_room_state_cache_total", { result: "miss" })).toBe(0);
    expect(delta("aedg_room_state_cache_total", { result: "stale" })).toBe(0);
    expect(sampleValue(after, "aedg_socket_connections")).toBeGreaterThanOrEqual(3);
    expect(delta("aedg_process_cpu_seconds_total", {})).toBeGreaterThan(0);
    // A refused move counts as refused, not committed.
    expect((await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 3 })).status).toBeGreaterThanOrEqual(400);
    const refused = await scrape();
    expect(sampleSum(refused, "aedg_room_commands_total", { command: "choice", outcome: "refused" })).toBe(sampleSum(after, "aedg_room_commands_total", { command: "choice", outcome: "refused" }) + 1);
    for (const p of players) p.socket!.disconnect();
  });

  it("gives every request an id, and logs it as JSON without cookies or secrets", async () => {
    const c = new ApiClient(server.url);
    expect(await c.signInGuest("Logged")).toBe(true);
    const r = await c.raw("GET", "/api/users/me", { headers: { "x-request-id": "trace-123" } });
    expect(r.headers.get("x-request-id")).toBe("trace-123");
    const generated = await c.raw("GET", "/health");
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // The child's output arrives through a pipe: wait for the line rather than guess how long.
    const line = await eventually(() => {
      const found = server
        .output()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l))
        .find((l) => l.reqId === "trace-123");
      expect(found).toBeDefined();
      return found;
    }, 15_000);
    expect(line).toMatchObject({ method: "GET", route: "/api/users/me", status: 200, msg: "request" });
    expect(server.output()).not.toContain(c.sessionCookie()!);
    expect(server.output()).not.toMatch(/nextauth-secret"?:|NEXTAUTH_SECRET=/);
  });

  it("reports the database in /health", async () => {
    const h = await new ApiClient(server.url).get("/health");
    expect(h.body).toMatchObject({ status: "ok", db: "up" });
  });
});
