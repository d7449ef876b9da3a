import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ROUTES } from "@/lib/server/openapi/routes";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import type { ApiClient } from "../support/client";
import { createRoom, guest } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * SECURITY.md item 35: property-based fuzzing of every JSON route from its schema. Each route
 * gets FUZZ_RUNS generated bodies (default 1000): arbitrary JSON, and objects with the schema's
 * own keys holding arbitrary values. No answer may be a 5xx, every 4xx has the error shape,
 * and the server is alive and well afterwards.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
let server: TestServer;
let admin: ApiClient;
let params: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ env: { ...ADMIN_ENV, RATE_LIMIT_SCALE: "1000" } });
  admin = await signedInAdmin(server.url);
  const player = await guest(server.url, "FuzzHost");
  const room = await createRoom(player);
  params = { code: room.code, n: "1", seat: "1", id: "00000000-0000-4000-8000-000000000000" };
});
afterAll(async () => {
  await server?.stop();
});

const keysOf = (schema: z.ZodType): string[] => {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
};

// Deleting one's own account would end the fuzzing session at the first valid body; its bad
// input is covered in research.test.ts.
const jsonRoutes = ROUTES.filter((r) => r.body && (r.bodyType ?? "json") === "json" && !r.path.startsWith("/api/auth/") && !(r.method === "delete" && r.path === "/api/users/me"));

describe("fuzzing the JSON API", () => {
  it.each(jsonRoutes.map((r) => [r.method.toUpperCase(), r.path, r] as const))("SECURITY 15, 35 — %s %s never answers 5xx", async (method, path, route) => {
    const url = path.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!);
    const keys = keysOf(route.body!);
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 300 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 3, arbitrary: keys.length ? fc.dictionary(fc.constantFrom(...keys, "extra", "__proto__", "constructor"), value, { maxKeys: keys.length + 2 }) : fc.dictionary(fc.string({ maxLength: 8 }), value) },
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await admin.raw(method, url, { body: JSON.stringify(b), headers: { "content-type": "application/json" } });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${res.status} for ${JSON.stringify(b).slice(0, 200)}: ${text.slice(0, 200)}`);
        if (res.status >= 400) {
          const parsed = JSON.parse(text);
          if (typeof parsed?.error?.code !== "string" || typeof parsed?.error?.message !== "string") failures.push(`bad error shape: ${text.slice(0, 200)}`);
        }
        return res.status < 500;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  });

  it("SECURITY 35 — leaves the server alive and healthy", async () => {
    const h = await admin.get("/health");
    expect(h.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/"level":50.*request failed|unhandled/);
  });
});
