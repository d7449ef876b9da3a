import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { guest } from "../support/game";
import { parsePrometheus } from "../support/prometheus";
import { REPO_ROOT, startTestServer, type TestServer } from "../support/server";

/**
 * Paths from outside: unknown ones must not grow /metrics (issue 17 item 20), and malformed
 * percent-encoding is a 400, never a 500 (item 26). The app's routes are read from the build the
 * server runs, so a route added later is covered too.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Every page and route handler of the build, as Next names them (`/api/rooms/[code]/join`). */
function appRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, process.env.NEXT_DIST_DIR || ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))].filter((r) => !r.startsWith("/_"));
}
const dynamicRoutes = () => appRoutes().filter((r) => r.includes("["));
/** A route with each dynamic segment replaced by `value`. */
const fill = (route: string, value: string) => route.replace(/\[\[?(\.\.\.)?\w+\]\]?/g, value);

async function httpSeries(): Promise<{ method: string; route: string; status: string }[]> {
  const r = await new ApiClient(server.url).raw("GET", "/metrics");
  expect(r.status).toBe(200);
  const family = parsePrometheus(await r.text()).get("aedg_http_request_duration_seconds");
  return (family?.samples ?? []).filter((s) => s.name === "aedg_http_request_duration_seconds_count").map((s) => s.labels as { method: string; route: string; status: string });
}

describe("issue 17 item 20 — /metrics series stay bounded", () => {
  it("labels unknown paths as one value and dynamic segments by their route's pattern", async () => {
    const p = await guest(server.url, "Prober");
    const before = await httpSeries();
    const marker = "zq9probe";
    const paths: string[] = [];
    for (let i = 0; i < 150; i++) {
      paths.push(`/${marker}-${i}`, `/api/${marker}/${i}`, `/wp-admin/${marker}${i}.php`, `/rooms/ABCDEF/${marker}${i}`);
      // Known routes with values no room, user or scenario has, of every shape.
      paths.push(`/api/rooms/${marker}${i}`, `/rooms/${marker}${i}/summary`, `/api/users/${marker}${i}/stats`, `/facilitator/games/${marker}${i}`, `/api/scenarios/${marker}${i}`);
    }
    for (const p0 of paths) await p.api.raw("GET", p0);
    const after = await httpSeries();

    const routes = new Set(after.map((s) => s.route));
    expect([...routes].filter((r) => r.includes(marker) || r.includes("wp-admin"))).toEqual([]);
    // A handful of new (method, route, status) series at most, not one per path.
    expect(after.length - before.length).toBeLessThan(20);
    const routeOf = (status: string, route: string) => after.some((s) => s.route === route && s.status === status);
    expect(routeOf("404", "unmatched")).toBe(true);
    expect(routes).toContain("/api/rooms/:code");
    expect(routes).toContain("/rooms/:code/summary");
    expect(routes).toContain("/api/users/:id/stats");
    expect(routes).toContain("/facilitator/games/:code");
    expect(routes).toContain("/api/scenarios/:id");
  });

  it("keeps a static route apart from the dynamic route beside it", async () => {
    const p = await guest(server.url, "Static");
    expect((await p.api.get("/api/users/me")).status).toBe(200);
    expect((await p.api.raw("PUT", "/api/users/me/consent", { json: { dataConsent: false, voiceConsent: false } })).status).toBe(200);
    const routes = new Set((await httpSeries()).map((s) => s.route));
    expect(routes).toContain("/api/users/me");
    expect(routes).toContain("/api/users/me/consent");
    expect(routes).not.toContain("/api/users/:id/stats".replace("stats", "consent"));
  });
});

describe("issue 17 item 26 — malformed percent-encoding is a 400", () => {
  const malformed = ["%ZZ", "%E0%A4%A", "%ED%A0%80", "%"];

  it("answers 400 on every dynamic route and page of the app, for GET and POST", async () => {
    const p = await guest(server.url, "Encoder");
    const routes = dynamicRoutes();
    expect(routes).toContain("/rooms/[code]");
    expect(routes).toContain("/api/rooms/[code]/rounds/[n]/choice");
    const answers: string[] = [];
    for (const route of routes) {
      for (const bad of malformed) {
        for (const method of ["GET", "POST"]) {
          const r = await p.api.raw(method, fill(route, bad), method === "POST" ? { json: {} } : {});
          const text = await r.text();
          if (r.status !== 400) answers.push(`${method} ${fill(route, bad)} → ${r.status} ${text.slice(0, 80)}`);
          else if (route.startsWith("/api/")) expect(JSON.parse(text).error.code).toBe("VALIDATION_ERROR");
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it("answers 400 for a malformed static path and query, and the same paths well-formed still work", async () => {
    const p = await guest(server.url, "Encoder2");
    expect((await p.api.raw("GET", "/lobby%ZZ")).status).toBe(400);
    expect((await p.api.raw("GET", "/api/rooms%ZZ")).status).toBe(400);
    expect((await p.api.raw("GET", "/lobby?x=%ZZ")).status).toBeLessThan(500);
    expect((await p.api.raw("GET", "/api/rooms?status=%ZZ")).status).toBe(400);
    expect((await p.api.raw("GET", "/api/rooms/ABC%32%33%34")).status).toBe(404);
    expect((await p.api.raw("GET", "/lobby")).status).toBe(200);
  });

  it("answers 400 to a next-auth callbackUrl that is not a URL (an invalid port), from the body, the query or the cookie", async () => {
    const bad = ["http://localhost:99999/", "http://[::1", "http://127.0.0.1:3000:1/"];
    for (const callbackUrl of bad) {
      const c = new ApiClient(server.url);
      const csrfToken = await c.csrf();
      const guestSignIn = await c.call("POST", "/api/auth/callback/guest", { form: { csrfToken, nickname: "Cb", callbackUrl, json: "true" } });
      expect(guestSignIn.status, callbackUrl).toBe(400);
      expect(guestSignIn.body.error.code).toBe("VALIDATION_ERROR");
      expect(c.sessionCookie()).toBeUndefined();

      const signedIn = await guest(server.url, "Cb2");
      const signOut = await signedIn.api.call("POST", "/api/auth/signout", { form: { csrfToken: await signedIn.api.csrf(), callbackUrl, json: "true" } });
      expect(signOut.status, callbackUrl).toBe(400);
      const signInPage = await c.raw("GET", `/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(signInPage.status, callbackUrl).toBe(400);

      // A cookie that says so (set by hand; next-auth never writes one) is dropped, not a 500 on every request.
      signedIn.api.jar.set("next-auth.callback-url", encodeURIComponent(callbackUrl));
      const withCookie = await signedIn.api.raw("GET", "/api/auth/session");
      expect(withCookie.status, callbackUrl).toBe(400);
      expect(withCookie.headers.getSetCookie().join("\n")).toMatch(/next-auth\.callback-url=;/);
      expect(signedIn.api.jar.has("next-auth.callback-url")).toBe(false);
      expect((await signedIn.api.get("/api/auth/session")).status).toBe(200);
    }
    // A relative callbackUrl and one on this server still work.
    const c = new ApiClient(server.url);
    expect(await c.callback("guest", { nickname: "CbOk", callbackUrl: "/lobby" })).toBe(true);
    const c2 = new ApiClient(server.url);
    expect(await c2.callback("guest", { nickname: "CbOk2", callbackUrl: `${server.url}/rooms/ABCDEF` })).toBe(true);
  });

  it("leaves the server healthy, with nothing logged as a failed request", async () => {
    expect((await new ApiClient(server.url).get("/health")).status).toBe(200);
    expect(server.output()).not.toMatch(/request failed|unhandled request error/);
  });
});
