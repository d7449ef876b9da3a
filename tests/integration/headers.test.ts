import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { guest } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/** SECURITY.md item 42: security headers on pages and API answers. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("security headers", () => {
  it.each(["/", "/signin", "/api/users/me", "/health"])("SECURITY 42 — %s carries CSP, frame-ancestors, nosniff and a referrer policy", async (path) => {
    const r = await new ApiClient(server.url).raw("GET", path);
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws: wss:/);
    expect(csp).not.toContain("unsafe-eval");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("permissions-policy")).toContain("microphone=(self)");
    expect(r.headers.get("x-powered-by")).toBeNull();
  });

  it("compresses pages but not API answers, which are never cached", async () => {
    const gzip = { "accept-encoding": "gzip" };
    const page = await new ApiClient(server.url).raw("GET", "/signin", { headers: gzip });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    const player = await guest(server.url, "Gzip");
    const api = await player.api.raw("GET", "/api/scenarios", { headers: gzip });
    expect(api.status).toBe(200);
    expect((await api.text()).length).toBeGreaterThan(1024); // big enough that it would be compressed
    expect(api.headers.get("content-encoding")).toBeNull();
    expect(api.headers.get("cache-control")).toBe("no-store, no-transform");
  });
});
