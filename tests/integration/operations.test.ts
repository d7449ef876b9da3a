import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { createRoom, eventually, guest } from "../support/game";
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
