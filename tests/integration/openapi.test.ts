import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { REPO_ROOT, startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let doc: { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
beforeAll(async () => {
  server = await startTestServer();
  const r = await new ApiClient(server.url).get("/api/openapi.json");
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(async () => {
  await server?.stop();
});

/** Every route file under app/api with the verbs it exports, as OpenAPI paths. */
function routeFiles(): { path: string; methods: string[] }[] {
  const root = path.join(REPO_ROOT, "app");
  const files = readdirSync(path.join(root, "api"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => path.join("api", f));
  return files.map((f) => {
    const src = readFileSync(path.join(root, f), "utf8");
    const methods = [...src.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b|handler as (GET|POST)/g)].map((m) => (m[1] ?? m[2])!.toLowerCase());
    const p = "/" + path.dirname(f).replace(/\[(\w+)\]/g, "{$1}");
    return { path: p, methods: [...new Set(methods)] };
  });
}

// The REST routes of ../shared/API.md, the contract clients rely on.
const API_MD = [
  "get /api/auth/csrf", "post /api/auth/callback/credentials", "post /api/auth/callback/guest", "post /api/auth/signout",
  "post /api/users", "get /api/users/check-username", "get /api/users/me", "patch /api/users/me", "put /api/users/me/consent", "delete /api/users/me",
  "get /api/scenarios", "get /api/scenarios/{id}", "post /api/custom-games", "get /api/custom-games/{code}", "put /api/custom-games/{code}/opening",
  "put /api/custom-games/{code}/roles", "put /api/custom-games/{code}/dilemma", "post /api/ai/scenarios",
  "post /api/rooms", "get /api/rooms", "get /api/rooms/{code}", "post /api/rooms/{code}/join", "post /api/rooms/{code}/leave", "post /api/rooms/{code}/ready",
  "post /api/rooms/{code}/roles", "get /api/rooms/{code}/roles", "post /api/rooms/{code}/roles/confirm", "post /api/rooms/{code}/rounds/{n}/choice",
  "post /api/rooms/{code}/rounds/{n}/discussion/end", "post /api/rooms/{code}/rounds/{n}/consensus", "post /api/rooms/{code}/rounds/{n}/consensus-confidence",
  "post /api/rooms/{code}/rounds/{n}/continue", "get /api/rooms/{code}/choice-status", "get /api/rooms/{code}/statistics", "post /api/rooms/{code}/advance",
  "post /api/rooms/{code}/seats/{seat}/release", "get /api/webrtc/ice-config", "get /api/webrtc/health", "post /api/voice/recordings", "get /api/voice/recordings/{id}",
  "get /api/research/summary", "get /api/research/rooms", "get /api/research/rooms/{id}", "get /api/research/users/{id}", "get /api/research/export",
  "get /api/research/debug/counts", "post /api/research/cleanup", "get /api/admin/users", "put /api/admin/users/{id}/role", "get /health", "get /api/openapi.json",
];

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes every route of API.md", () => {
    expect(doc.openapi).toBe("3.1.0");
    const missing = API_MD.filter((r) => {
      const [method, p] = r.split(" ");
      return !doc.paths[p!]?.[method!];
    });
    expect(missing).toEqual([]);
  });

  it("describes every route file the server has, with each verb it exports", () => {
    const missing: string[] = [];
    for (const { path: p, methods } of routeFiles()) {
      if (p.startsWith("/api/auth/")) continue; // next-auth's catch-all: its endpoints are listed one by one
      for (const m of methods) if (!doc.paths[p]?.[m]) missing.push(`${m} ${p}`);
    }
    expect(missing).toEqual([]);
    expect(doc.paths["/api/auth/callback/credentials"]?.post).toBeDefined();
  });

  it("takes request bodies from the zod schemas, strict ones included", () => {
    const body = doc.paths["/api/rooms/{code}/rounds/{n}/choice"]!.post!.requestBody as { content: Record<string, { schema: { properties: Record<string, { minimum?: number; maximum?: number }>; additionalProperties: boolean; required: string[] } }> };
    const schema = body.content["application/json"]!.schema;
    expect(schema.properties.confidence).toMatchObject({ minimum: 1, maximum: 5 });
    expect(schema.required.sort()).toEqual(["choice", "confidence"]);
    expect(schema.additionalProperties).toBe(false);
  });

  it("is shown on the docs page", async () => {
    const r = await new ApiClient(server.url).raw("GET", "/docs/api");
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("/api/rooms/{code}/rounds/{n}/choice");
  });
});
