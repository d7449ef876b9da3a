import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { startTestServer, type TestServer } from "../support/server";

/** Every route answers malformed input with a 4xx in the API's error shape: never a 500, never a crash. */
let server: TestServer;
let signedIn: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  signedIn = new ApiClient(server.url);
  await signedIn.signInGuest("Fuzzer");
});
afterAll(async () => {
  await server?.stop();
});

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const huge = "x".repeat(10_000);

const routes: { method: string; path: string; needsSession: boolean }[] = [
  { method: "POST", path: "/api/users", needsSession: false },
  { method: "PATCH", path: "/api/users/me", needsSession: true },
  { method: "PUT", path: "/api/users/me/consent", needsSession: true },
];

const bodies: [string, { body: string; type?: string }][] = [
  ["wrong types", { body: JSON.stringify({ username: 1, password: [], nickname: {}, locale: 5, dataConsent: "true", voiceConsent: null }) }],
  ["extra keys", { body: JSON.stringify({ username: "validname", password: "password123", nickname: "ok", dataConsent: true, voiceConsent: true, isAdmin: true }) }],
  ["10k-character strings", { body: JSON.stringify({ username: huge, password: huge, nickname: huge, email: huge, locale: huge }) }],
  ["deeply nested JSON", { body: `{"nickname":${deep(5000)}}` }],
  ["very deep JSON", { body: deep(100_000) }],
  ["invalid JSON", { body: "{not json" }],
  ["empty body", { body: "" }],
  ["a JSON array", { body: "[1,2,3]" }],
  ["null", { body: "null" }],
  ["a form instead of JSON", { body: "username=a&password=b", type: "application/x-www-form-urlencoded" }],
  ["plain text", { body: "hello", type: "text/plain" }],
];

describe.each(routes)("$method $path", ({ method, path, needsSession }) => {
  it.each(bodies)("refuses %s with a 4xx error body", async (_name, { body, type }) => {
    const c = needsSession ? signedIn : new ApiClient(server.url);
    const r = await c.call(method, path, { body, headers: { "content-type": type ?? "application/json" } });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it("SECURITY 15 — refuses a body over the size limit with 413", async () => {
    const c = needsSession ? signedIn : new ApiClient(server.url);
    const r = await c.call(method, path, { body: JSON.stringify({ nickname: "y".repeat(200_000) }), headers: { "content-type": "application/json" } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("query strings", () => {
  it.each(["", "?username=", `?username=${huge}`, "?username=a&username=b", "?user=x", "?username=%00%01"])("check-username%s → 2xx or 4xx, never 5xx", async (qs) => {
    const r = await new ApiClient(server.url).get(`/api/users/check-username${qs}`);
    expect(r.status).toBeLessThan(500);
    if (r.status >= 400) expect(r.body.error.code).toBe("VALIDATION_ERROR");
  });
});

it("SECURITY 15 — is still healthy after all of that", async () => {
  const r = await new ApiClient(server.url).get("/health");
  expect(r.status).toBe(200);
  expect(r.body.status).toBe("ok");
  expect(server.output()).not.toMatch(/request failed/);
});
