import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ROUTES, type RouteDoc } from "@/lib/server/openapi/routes";
import { chatSendSchema, chatTypingSchema, memoSaveSchema, presenceStatusSchema, roomRefSchema, roomSubscribeSchema, voiceRelaySchema, voiceStateSchema } from "@/lib/validation/realtime";
import { roomCommandSchema } from "@/lib/validation/room";
import { ADMIN_ENV, signedInAdmin, userWithRole } from "../support/accounts";
import { ApiClient, connected, emitAck, uniqueName } from "../support/client";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai";
import { createRoom, guest, subscribe, type Player } from "../support/game";
import { REPO_ROOT, startTestServer, type TestServer } from "../support/server";

/**
 * Issue 17 item 15: text that is not text — control characters (NUL first: PostgreSQL refuses
 * it), line breaks where one line is expected, halves of surrogate pairs, direction overrides —
 * sent to every text field of every route (path parameters, query, JSON, form and multipart
 * bodies) and of every socket event, as a user who passes the route's role check, never gets a
 * 5xx or an INTERNAL ack. The text fields are read from the schemas the server parses with
 * (lib/server/openapi/routes.ts, lib/validation): a field no example below carries, or a socket
 * event the handlers answer that has no entry here, fails the test, so new ones get covered.
 */
const RUNS = Number(process.env.TEXT_FUZZ_RUNS) || 12;

const SPECIAL = ["\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f", "\ud800", "\udbff", "\udc00", "\udfff", "\u2028", "\u202e", "\u200b", "\ufeff", "\uffff", "\t", "\n", "\r"];
const special = fc.oneof({ weight: 2, arbitrary: fc.constant("\u0000") }, { weight: 5, arbitrary: fc.constantFrom(...SPECIAL) });
/** A string with at least one character from SPECIAL, among ordinary ones. */
const badText = fc
  .tuple(fc.string({ maxLength: 6 }), special, fc.array(fc.oneof(special, fc.string({ unit: "grapheme", maxLength: 3 })), { maxLength: 6 }))
  .map(([head, first, rest]) => head + first + rest.join(""));

/** Paths (keys; `*` for every element of an array) of the string fields of a schema's input, enums and literals aside. */
function textPaths(schema: z.ZodType): string[][] {
  const found = new Map<string, string[]>();
  const walk = (s: Record<string, unknown> | undefined, at: string[]) => {
    if (!s || typeof s !== "object") return;
    for (const key of ["anyOf", "oneOf", "allOf"]) for (const branch of (s[key] as Record<string, unknown>[] | undefined) ?? []) walk(branch, at);
    const types = ([] as unknown[]).concat(s.type ?? []);
    if (types.includes("string") && s.enum === undefined && s.const === undefined) found.set(at.join("."), at);
    for (const [k, v] of Object.entries((s.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) walk(v, [...at, k]);
    if (s.items && !Array.isArray(s.items)) walk(s.items as Record<string, unknown>, [...at, "*"]);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>, []);
  return [...found.values()];
}

/** A copy of `value` with the string at `at` replaced by `text`; undefined when `value` has nothing there. */
function withText(value: unknown, at: string[], text: string): unknown {
  if (at.length === 0) return typeof value === "string" ? text : undefined;
  const [key, ...rest] = at;
  if (key === "*") {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    const items = value.map((v) => withText(v, rest, text));
    return items.some((v) => v === undefined) ? undefined : items;
  }
  if (!value || typeof value !== "object" || !(key! in value)) return undefined;
  const inner = withText((value as Record<string, unknown>)[key!], rest, text);
  return inner === undefined ? undefined : { ...(value as Record<string, unknown>), [key!]: inner };
}

const role = (name: string) => ({ name, brief: `${name}'s public brief.`, privateBrief: `${name}'s private brief.` });
const round = (i: number) => ({ question: `Question ${i}?`, options: [{ label: "Yes", description: "For it." }, { label: "No", description: "Against it." }] });
const game = { title: "Robot judges", summary: "Should an AI decide small claims?", opening: "The court is overloaded.\n\nAn AI could help.", roles: [role("Judge"), role("Citizen"), role("Vendor")], rounds: [round(1), round(2)] };
/** The model's answer to any draft: valid, but with characters that are not text (as JSON escapes). */
const draftWithNul = JSON.stringify({ ...game, title: "Robot\u0000 judges\ud800", opening: "The court\u0000 is overloaded.\u0007", rounds: [1, 2, 3, 4, 5].map(round) });

let fake: FakeOpenAI;
let server: TestServer;
/** Who calls what: each passes the role checks of the routes they are used for. */
interface Cast {
  admin: ApiClient;
  facilitator: ApiClient & { id: string };
  researcher: ApiClient;
  host: Player & { socket: Socket };
  newcomer: Player;
  anonymous: ApiClient;
  room: string;
  customGame: string;
  scenarioId: string;
}
let cast: Cast;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.fallback = { content: draftWithNul };
  server = await startTestServer({
    env: { ...ADMIN_ENV, RATE_LIMIT_SCALE: "1000", SOCKET_EVENTS_PER_SECOND: "100000", OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.url, AI_TIMEOUT_MS: "5000", TRANSCRIPTION: "off" },
  });
  const admin = await signedInAdmin(server.url);
  const facilitator = await userWithRole(server.url, "FACILITATOR");
  const researcher = await userWithRole(server.url, "RESEARCHER");
  const host = (await guest(server.url, "FuzzHost", true)) as Player & { socket: Socket };
  const newcomer = await guest(server.url, "FuzzNew");
  const room = await createRoom(host);
  expect((await host.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
  await subscribe(host, room.code);
  const made = await facilitator.post("/api/custom-games", { ...game, locale: "en" });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const scenarios = await host.api.get("/api/scenarios");
  cast = { admin, facilitator, researcher, host, newcomer, anonymous: new ApiClient(server.url), room: room.code, customGame: made.body.code, scenarioId: scenarios.body.scenarios[0].id };
});
afterAll(async () => {
  cast?.host.socket.disconnect();
  await server?.stop();
  await fake?.close();
});

const key = (r: Pick<RouteDoc, "method" | "path">) => `${r.method.toUpperCase()} ${r.path}`;

/** Valid requests, each field of which the fuzzing replaces in turn. Several for a route whose fields do not all fit one request. */
function examples(c: Cast): Record<string, { query?: Record<string, string>[]; body?: Record<string, unknown>[] }> {
  const csrf = { csrfToken: "from-the-cookie", json: "true" };
  return {
    "POST /api/auth/callback/credentials": { body: [{ ...csrf, username: "nobody-here", password: "wrong-password" }] },
    "POST /api/auth/callback/guest": { body: [{ ...csrf, nickname: "Guest", locale: "en" }] },
    "POST /api/auth/signout": { body: [csrf] },
    "POST /api/users": { body: [{ username: uniqueName("fz"), password: "password-123", email: "fuzz@example.org", nickname: "Fuzzy" }] },
    "GET /api/users/check-username": { query: [{ username: "someone" }] },
    "PATCH /api/users/me": { body: [{ nickname: "Renamed", locale: "en" }] },
    "POST /api/custom-games": { body: [{ ...game, locale: "en" }] },
    "PUT /api/custom-games/{code}/opening": { body: [{ title: game.title, summary: game.summary, opening: game.opening }] },
    "PUT /api/custom-games/{code}/roles": { body: [{ roles: game.roles }] },
    "PUT /api/custom-games/{code}/dilemma": { body: [{ rounds: game.rounds }] },
    "POST /api/custom-games/{code}/rooms": { body: [{ count: 1, visibility: "private", titlePrefix: "Class 3B", isTest: true }] },
    "POST /api/scenarios/{id}/rooms": { body: [{ count: 1, visibility: "private", titlePrefix: "Class 3B", isTest: true }] },
    "POST /api/ai/scenarios": { body: [{ topic: "Self-driving cars", locale: "en" }] },
    "POST /api/rooms": { body: [{ visibility: "private", title: "Our room", scenarioId: c.scenarioId, isTest: true }, { visibility: "private", customGameCode: "GABCDEF" }] },
    "POST /api/rooms/{code}/join": { body: [{ nickname: "Newcomer" }] },
    "POST /api/rooms/{code}/rounds/{n}/choice": { body: [{ choice: 0, confidence: 3, opId: "op-choice" }] },
    "POST /api/rooms/{code}/rounds/{n}/discussion/end": { body: [{ opId: "op-end" }] },
    "POST /api/rooms/{code}/rounds/{n}/consensus": { body: [{ choice: 0, opId: "op-consensus" }] },
    "POST /api/rooms/{code}/rounds/{n}/consensus-confidence": { body: [{ confidence: 3, opId: "op-cc" }] },
    "POST /api/rooms/{code}/rounds/{n}/continue": { body: [{ opId: "op-continue" }] },
    "POST /api/rooms/{code}/advance": { body: [{ reason: "Time is up", opId: "op-advance" }] },
    "POST /api/voice/recordings": { body: [{ roomCode: c.room, round: "1", startedAt: "2026-03-01T09:00:00Z", durationMs: "1000" }] },
    "GET /api/research/rooms": { query: [{ from: "2026-01-01", to: "2026-12-31", scenario: "some-slug", cursor: "00000000-0000-4000-8000-000000000000", limit: "10" }] },
    "GET /api/research/export": { query: [{ from: "2026-01-01", to: "2026-12-31", scenario: "some-slug", format: "json", sheet: "chat" }] },
    "POST /api/research/cleanup": { body: [{ testOnly: true, before: "2000-01-01" }] },
    "GET /api/admin/users": { query: [{ q: "someone", cursor: "00000000-0000-4000-8000-000000000000", limit: "10" }] },
  };
}

/** The user each route is called as: one who passes its role check (the room's seated host for room routes). */
function actorFor(route: RouteDoc, c: Cast): ApiClient {
  if (route.path.startsWith("/api/auth/callback")) return c.anonymous;
  if (route.path === "/api/auth/signout") return c.newcomer.api;
  if (route.path === "/api/rooms/{code}/join") return c.newcomer.api;
  if (route.path.startsWith("/api/facilitator/")) return c.facilitator;
  switch (route.access) {
    case "ADMIN":
      return c.admin;
    case "FACILITATOR":
      return c.facilitator;
    case "RESEARCHER":
      return c.researcher;
    case "public":
      return route.path.startsWith("/api/users") ? c.anonymous : c.host.api;
    default:
      return c.host.api;
  }
}

function paramsFor(route: RouteDoc, c: Cast): Record<string, string> {
  const code = route.path.startsWith("/api/custom-games/") ? c.customGame : c.room;
  return { code, n: "1", seat: "1", id: route.path.startsWith("/api/admin/") ? (c.facilitator as { id: string }).id : "00000000-0000-4000-8000-000000000000" };
}

interface Field {
  where: "param" | "query" | "body";
  at: string[];
}

function fieldsOf(route: RouteDoc): Field[] {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ where: "param" as const, at: [m[1]!] }));
  const query = route.query ? textPaths(route.query).map((at) => ({ where: "query" as const, at })) : [];
  // A multipart upload's `file` is the audio, not text.
  const body = route.body ? textPaths(route.body).filter((at) => !(route.bodyType === "multipart" && at.join(".") === "file")).map((at) => ({ where: "body" as const, at })) : [];
  return [...params, ...query, ...body];
}

async function send(route: RouteDoc, client: ApiClient, params: Record<string, string>, query: Record<string, string> | undefined, body: Record<string, unknown> | undefined): Promise<Response> {
  // A URL carries UTF-8: half a surrogate pair goes as U+FFFD, as any client sends it (URLSearchParams does the same).
  const url = route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]!.toWellFormed())) + (query ? `?${new URLSearchParams(query)}` : "");
  const method = route.method.toUpperCase();
  if (route.bodyType === "form") {
    const form = { ...(body as Record<string, string>) };
    if (form.csrfToken === "from-the-cookie") form.csrfToken = await client.csrf();
    return client.raw(method, url, { form });
  }
  if (route.bodyType === "multipart") {
    const data = new FormData();
    for (const [k, v] of Object.entries(body ?? {})) data.set(k, String(v));
    data.set("file", new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0])], { type: "audio/webm" }), "a.webm");
    return client.raw(method, url, { body: data });
  }
  return client.raw(method, url, body === undefined ? {} : { json: body });
}

describe("issue 17 item 15 — text that is not text never causes a 5xx", () => {
  it("every text field of every route (derived from the schemas) has an example to fuzz from", () => {
    const all = examples(cast);
    const missing: string[] = [];
    for (const route of ROUTES) {
      const ex = all[key(route)];
      for (const f of fieldsOf(route)) {
        if (f.where === "param") continue;
        const carriers = (f.where === "query" ? ex?.query : ex?.body) ?? [];
        if (!carriers.some((e) => withText(e, f.at, "x") !== undefined)) missing.push(`${key(route)} ${f.where} ${f.at.join(".")}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(ROUTES.filter((r) => fieldsOf(r).length > 0).map((r) => [key(r), r] as const))("%s", { timeout: 600_000 }, async (_, route) => {
    const all = examples(cast)[key(route)] ?? {};
    const client = actorFor(route, cast);
    const failures: string[] = [];
    let answeredBeyondRoleCheck = false;
    for (const field of fieldsOf(route)) {
      const queries = field.where === "query" ? (all.query ?? []) : [all.query?.[0]];
      const bodies = field.where === "body" ? (all.body ?? []) : [all.body?.[0]];
      for (const query of queries) {
        for (const body of bodies) {
          if (field.where === "query" && withText(query, field.at, "x") === undefined) continue;
          if (field.where === "body" && withText(body, field.at, "x") === undefined) continue;
          await fc.assert(
            fc.asyncProperty(badText, async (text) => {
              const params = paramsFor(route, cast);
              if (field.where === "param") params[field.at[0]!] = text;
              const q = field.where === "query" ? (withText(query, field.at, text) as Record<string, string>) : query;
              const b = field.where === "body" ? (withText(body, field.at, text) as Record<string, unknown>) : body;
              const res = await send(route, client, params, q, b);
              const answer = await res.text();
              const what = `${field.where} ${field.at.join(".")}=${JSON.stringify(text)}`;
              if (res.status >= 500) failures.push(`${res.status} for ${what}: ${answer.slice(0, 200)}`);
              if (res.status !== 401 && res.status !== 403) answeredBeyondRoleCheck = true;
              if (res.status >= 400 && !route.path.startsWith("/api/auth/")) {
                const parsed = (() => {
                  try {
                    return JSON.parse(answer);
                  } catch {
                    return undefined;
                  }
                })();
                if (typeof parsed?.error?.code !== "string") failures.push(`no error shape for ${what}: ${answer.slice(0, 200)}`);
              }
              return res.status < 500;
            }),
            { numRuns: RUNS, endOnFailure: true },
          ).catch((e: unknown) => {
            if (!failures.length) failures.push(String(e).slice(0, 500));
          });
        }
      }
    }
    expect(failures).toEqual([]);
    // Sign-in routes have no role check (and answer 401 to a wrong password).
    if (!route.path.startsWith("/api/auth/")) expect(answeredBeyondRoleCheck, "the caller passed the route's role check").toBe(true);
  });
});

/** Every client→server socket event with the schema its handler parses with and valid payloads. */
function socketEvents(c: Cast): Record<string, { schema: z.ZodType; payloads: Record<string, unknown>[] }> {
  const code = c.room;
  const sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n";
  return {
    "room:subscribe": { schema: roomSubscribeSchema, payloads: [{ code, lean: true }] },
    "room:unsubscribe": { schema: roomRefSchema, payloads: [{ code }] },
    "chat:send": { schema: chatSendSchema, payloads: [{ code, text: "Hello there" }] },
    "chat:typing": { schema: chatTypingSchema, payloads: [{ code, isTyping: true }] },
    "memo:save": { schema: memoSaveSchema, payloads: [{ code, text: "My notes\nsecond line" }] },
    "voice:join": { schema: roomRefSchema, payloads: [{ code }] },
    "voice:signal": {
      schema: voiceRelaySchema,
      payloads: [
        { code, to: c.newcomer.id, data: { type: "offer", sdp } },
        { code, to: c.newcomer.id, data: { type: "candidate", candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host", sdpMLineIndex: 0, sdpMid: "0", usernameFragment: "abcd" } } },
      ],
    },
    "voice:state": { schema: voiceStateSchema, payloads: [{ code, muted: true, speaking: false }] },
    "voice:leave": { schema: roomRefSchema, payloads: [{ code }] },
    "presence:status": { schema: presenceStatusSchema, payloads: [{ status: "active" }] },
    "room:command": { schema: roomCommandSchema, payloads: [{ type: "advance", code, reason: "Time is up", opId: "op-sock-advance" }, { type: "choice", code, round: 1, choice: 0, confidence: 3, opId: "op-sock-choice" }] },
    "monitor:subscribe": { schema: z.strictObject({}), payloads: [{}] },
    "monitor:unsubscribe": { schema: z.strictObject({}), payloads: [{}] },
  };
}

/** The events the hub's handlers answer (`withAck("event", …)` in lib/server/realtime/handlers). */
function handledEvents(): string[] {
  const dir = path.join(REPO_ROOT, "lib/server/realtime/handlers");
  return readdirSync(dir).flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/withAck\(\s*"([^"]+)"/g)].map((m) => m[1]!));
}

describe("issue 17 item 15 — … nor an INTERNAL socket ack", () => {
  it("every socket event the hub answers has payloads to fuzz from, carrying every text field", () => {
    const events = socketEvents(cast);
    expect(handledEvents().filter((e) => !(e in events))).toEqual([]);
    const missing = Object.entries(events).flatMap(([event, { schema, payloads }]) => textPaths(schema).filter((at) => !payloads.some((p) => withText(p, at, "x") !== undefined)).map((at) => `${event} ${at.join(".")}`));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(socketEvents({ room: "ABCDEF", newcomer: { id: "x" } } as Cast)))("%s", { timeout: 600_000 }, async (event) => {
    const { schema, payloads } = socketEvents(cast)[event]!;
    // The room's seated host; the monitor is a facilitator's.
    const socket = event.startsWith("monitor:") ? cast.facilitator.socket() : cast.host.socket;
    await connected(socket);
    const failures: string[] = [];
    for (const at of textPaths(schema)) {
      for (const payload of payloads) {
        if (withText(payload, at, "x") === undefined) continue;
        await fc.assert(
          fc.asyncProperty(badText, async (text) => {
            const ack = await emitAck(socket, event, withText(payload, at, text));
            const bad = !ack?.ok && ((ack?.error?.status ?? 400) >= 500 || ack?.error?.code === "INTERNAL");
            if (bad) failures.push(`${at.join(".")}=${JSON.stringify(text)}: ${JSON.stringify(ack)}`);
            return !bad;
          }),
          { numRuns: RUNS, endOnFailure: true },
        ).catch((e: unknown) => {
          if (!failures.length) failures.push(String(e).slice(0, 500));
        });
      }
    }
    if (socket !== cast.host.socket) socket.disconnect();
    expect(failures).toEqual([]);
  });
});

describe("issue 17 item 15 — the examples of the issue", () => {
  it("refuses NUL in a room title, a custom game, a title prefix, chat and memo with 400 / VALIDATION_ERROR", async () => {
    const r = await cast.host.api.post("/api/rooms", { visibility: "private", title: "a\u0000b" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION_ERROR");
    expect((await cast.facilitator.post("/api/custom-games", { ...game, opening: "x\u0000", locale: "en" })).status).toBe(400);
    expect((await cast.facilitator.post(`/api/custom-games/${cast.customGame}/rooms`, { titlePrefix: "a\u0000" })).status).toBe(400);
    for (const [event, payload] of [
      ["chat:send", { code: cast.room, text: "a\u0000b" }],
      ["memo:save", { code: cast.room, text: "a\u0000b" }],
    ] as const) {
      const ack = await emitAck(cast.host.socket, event, payload);
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe("VALIDATION_ERROR");
    }
    // Multi-line text keeps its line breaks; a memo its white space.
    const saved = await emitAck(cast.host.socket, "memo:save", { code: cast.room, text: "  one\n\ttwo\n" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await cast.host.api.get(`/api/rooms/${cast.room}/memo`)).body.text).toBe("  one\n\ttwo\n");
  });

  it("takes a model's answer with NUL and half surrogate pairs in it, without them", async () => {
    fake.queue.push({ content: draftWithNul });
    const r = await cast.facilitator.post("/api/ai/scenarios", { topic: "Courts and AI", locale: "en" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.draft.title).toBe("Robot judges");
    expect(r.body.draft.opening).toBe("The court is overloaded.");
    expect(JSON.stringify(r.body)).not.toMatch(/\\u0000|\\ud800/);
  });

  it("leaves the server healthy, with no failed request or socket handler logged", async () => {
    expect((await cast.admin.get("/health")).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/request failed|socket handler failed|unhandled/);
  });
});
