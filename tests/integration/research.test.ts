import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ApiClient, emitAck, uniqueName } from "../support/client";
import { parseCsv } from "../support/csv";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, playRound, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// The admin (from the environment) passes every researcher check and grants RESEARCHER to another account.
const ADMIN = { username: "research-admin", password: "research admin password" };
const FORMULAS = ['=HYPERLINK("http://x")', "+1", "-2", "@x"];

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password } });
  admin = new ApiClient(server.url);
  expect(await admin.signIn(ADMIN.username, ADMIN.password)).toBe(true);
});
afterAll(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// Reading the three formats back into plain tables (strings), without XLSX.read.

type Table = string[][];

const decodeXml = (s: string) =>
  s
    .replace(/_x([0-9A-F]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, "&");

const colIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/** The sheets of a workbook from its XML: shared strings, booleans and numbers, checked to hold no formula. */
function readWorkbook(bytes: Uint8Array): { sheets: Record<string, Table>; xml: Record<string, string> } {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const names = [...text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]!);
  const sheets: Record<string, Table> = {};
  const xml: Record<string, string> = {};
  names.forEach((name, i) => {
    const x = text(`xl/worksheets/sheet${i + 1}.xml`);
    xml[name] = x;
    const table: Table = [];
    for (const c of x.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, letters, rowNo, attrs, inner = ""] = c;
      const type = /t="(\w+)"/.exec(attrs!)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const value = v === undefined ? "" : type === "s" ? shared[Number(v)]! : type === "b" ? (v === "1" ? "true" : "false") : String(Number(v));
      const r = Number(rowNo) - 1;
      (table[r] ??= [])[colIndex(letters!)] = value;
    }
    const width = table[0]?.length ?? 0;
    sheets[name] = table.map((row) => Array.from({ length: width }, (_, k) => row?.[k] ?? ""));
  });
  return { sheets, xml };
}

const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** A JSON export's sheets as tables, header first, columns in the order of the CSV/xlsx header. */
function jsonTables(body: { sheets: Record<string, Record<string, unknown>[]> }, headers: Record<string, string[]>): Record<string, Table> {
  const out: Record<string, Table> = {};
  for (const [name, rows] of Object.entries(body.sheets)) out[name] = [headers[name]!, ...rows.map((r) => headers[name]!.map((c) => cellText(r[c])))];
  return out;
}

async function download(path: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await admin.raw("GET", path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function exportAll(query = ""): Promise<{ json: any; jsonText: string; csv: Record<string, Table>; csvText: string; xlsx: Record<string, Table>; xlsxXml: Record<string, string>; xlsxText: string }> {
  const sep = query ? `&${query}` : "";
  const j = await download(`/api/research/export?format=json${sep}`);
  expect(j.res.status).toBe(200);
  const jsonText = Buffer.from(j.bytes).toString("utf8");
  const c = await download(`/api/research/export?format=csv${sep}`);
  expect(c.res.status).toBe(200);
  const zipped = unzipSync(c.bytes);
  const csv: Record<string, Table> = {};
  let csvText = "";
  for (const [file, data] of Object.entries(zipped)) {
    expect([...data.subarray(0, 3)], `${file} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
    const t = Buffer.from(data.subarray(3)).toString("utf8");
    csvText += t;
    csv[file.replace(/\.csv$/, "")] = parseCsv(t);
  }
  const x = await download(`/api/research/export?format=xlsx${sep}`);
  expect(x.res.status).toBe(200);
  const wb = readWorkbook(x.bytes);
  const files = unzipSync(x.bytes);
  const xlsxText = Object.values(files)
    .map((f) => strFromU8(f))
    .join("\n");
  return { json: JSON.parse(jsonText), jsonText, csv, csvText, xlsx: wb.sheets, xlsxXml: wb.xml, xlsxText };
}

// ---------------------------------------------------------------------------------------------
// Playing.

async function consent(p: Player, dataConsent: boolean) {
  const r = await p.api.put("/api/users/me/consent", { dataConsent, voiceConsent: false });
  expect(r.status).toBe(200);
}

async function codeOf(userId: string): Promise<string> {
  const r = await admin.get(`/api/research/users/${userId}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.participantCode;
}

/** Advances (as `host`) until the room is over. */
async function advanceToEnd(host: ApiClient, code: string): Promise<RoomSnapshot> {
  for (let i = 0; i < 60; i++) {
    const r = await host.post(`/api/rooms/${code}/advance`, { reason: "skip ahead" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (r.body.phase === "FINISHED" || r.body.phase === "ABANDONED") return r.body;
  }
  throw new Error("the room never ended");
}

// ---------------------------------------------------------------------------------------------

let a: Player[]; // main room: a[0], a[1] consent; a[2] does not
let b: Player[]; // test room (created by the admin)
let roomA: RoomSnapshot;
let roomB: RoomSnapshot;
let codes: Record<string, string>;

describe("research routes", () => {
  it("SECURITY 10, 36 — refuse anonymous callers (401), guests and players (403), and let researchers and admins in", async () => {
    const anonymous = new ApiClient(server.url);
    const someGuest = await guest(server.url, "Nosy guest");
    const player = new ApiClient(server.url);
    const username = uniqueName("player");
    expect((await player.register(username, "correct horse battery")).status).toBe(201);
    expect(await player.signIn(username, "correct horse battery")).toBe(true);
    const me = (await admin.get("/api/users/me")).body;
    expect(me.role).toBe("ADMIN");

    const gets = [
      "/api/research/summary",
      "/api/research/rooms",
      "/api/research/rooms/ABCDEF",
      `/api/research/users/${me.id}`,
      "/api/research/export?format=json",
      "/api/research/debug/counts",
    ];
    for (const path of gets) {
      expect((await anonymous.get(path)).status, path).toBe(401);
      expect((await someGuest.api.get(path)).status, path).toBe(403);
      const refused = await player.get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
    }
    for (const c of [anonymous, someGuest.api, player]) expect((await c.post("/api/research/cleanup", { testOnly: true })).status).toBe(c === anonymous ? 401 : 403);

    const researcher = new ApiClient(server.url);
    const rname = uniqueName("researcher");
    const registered = await researcher.register(rname, "correct horse battery");
    expect((await admin.put(`/api/admin/users/${registered.body.id}/role`, { role: "RESEARCHER" })).status).toBe(200);
    expect(await researcher.signIn(rname, "correct horse battery")).toBe(true);
    expect((await researcher.get("/api/users/me")).body.role).toBe("RESEARCHER");

    for (const path of ["/api/research/summary", "/api/research/rooms", "/api/research/export?format=json", "/api/research/debug/counts"]) {
      expect((await researcher.get(path)).status, path).toBe(200);
      expect((await admin.get(path)).status, path).toBe(200);
    }
    // Nothing to clean up yet: both may ask.
    for (const c of [researcher, admin]) {
      const r = await c.post("/api/research/cleanup", { testOnly: true });
      expect(r.status).toBe(200);
      expect(r.body.deleted.rooms).toBe(0);
    }
    // The admin is no participant: unknown room → 404, no consent → 404.
    expect((await researcher.get("/api/research/rooms/ABCDEF")).status).toBe(404);
    expect((await admin.get("/api/research/rooms/ABCDEF")).status).toBe(404);
    expect((await admin.get(`/api/research/users/${me.id}`)).status).toBe(404);
  });

  it("play a game (one player without data consent) and a test room", { timeout: 120_000 }, async () => {
    a = [await guest(server.url, "AlphaNickOne", true), await guest(server.url, "AlphaNickTwo", true), await guest(server.url, "AlphaNickNoConsent", true)];
    b = [await guest(server.url, "BetaNickOne"), await guest(server.url, "BetaNickTwo"), await guest(server.url, "BetaNickThree")];
    await consent(a[0]!, true);
    await consent(a[1]!, true);
    await consent(a[2]!, false);
    for (const p of b) await consent(p, true);

    // Room A: rounds 1-4 played in full (a[1] proposes round 1), round 5 with a missing answer and no consensus.
    roomA = await createRoom(a[0]!, { title: "Alpha room" });
    await fillAndStart(roomA.code, a);
    let snap = await confirmRoles(roomA.code, a);
    for (const text of FORMULAS) expect((await emitAck(a[0]!.socket!, "chat:send", { code: roomA.code, text })).ok).toBe(true);
    expect((await emitAck(a[1]!.socket!, "chat:send", { code: roomA.code, text: "second player speaking" })).ok).toBe(true);
    expect((await emitAck(a[2]!.socket!, "chat:send", { code: roomA.code, text: "words of the non-consenting player" })).ok).toBe(true);
    for (let round = 1; round <= 4; round++) snap = await playRound(roomA.code, a, round, round === 1 ? 1 : 0, round % 2);
    expect(snap).toMatchObject({ phase: "INDIVIDUAL", round: 5 });
    await ok(a[0]!, `/api/rooms/${roomA.code}/rounds/5/choice`, { choice: 0, confidence: 3 });
    await ok(a[2]!, `/api/rooms/${roomA.code}/rounds/5/choice`, { choice: 1, confidence: 2 });
    snap = await advanceToEnd(a[0]!.api, roomA.code);
    expect(snap.phase).toBe("FINISHED");

    // Room B: a test room opened by the admin (who does not sit in it); one round, then skipped to the end.
    roomB = await createRoom({ api: admin } as Player, { isTest: true });
    await fillAndStart(roomB.code, b);
    await confirmRoles(roomB.code, b);
    await playRound(roomB.code, b, 1, 2, 0);
    expect((await advanceToEnd(admin, roomB.code)).phase).toBe("FINISHED");

    codes = {};
    for (const p of [a[0]!, a[1]!, ...b]) codes[p.id] = await codeOf(p.id);
    for (const c of Object.values(codes)) expect(c).toMatch(/^P[A-Z2-9]{7}$/);
    // The non-consenting player is unknown to research.
    expect((await admin.get(`/api/research/users/${a[2]!.id}`)).status).toBe(404);
    for (const p of a) p.socket!.disconnect();
  });

  it("SECURITY 37, 39 — export the same rows as xlsx, csv and json, with participant codes only and formula-looking text as text", async () => {
    const e = await exportAll();
    const headers = Object.fromEntries(Object.entries(e.csv).map(([name, t]) => [name, t[0]!]));
    expect(Object.keys(e.json.sheets).sort()).toEqual(["README", "chat", "choices", "consensus", "consensus_confidence", "phase_log", "rooms", "transcripts", "wide"]);
    expect(Object.keys(e.xlsx)).toEqual(["wide", "choices", "consensus", "consensus_confidence", "rooms", "phase_log", "chat", "transcripts", "README"]);
    expect(Object.keys(e.csv).sort()).toEqual(Object.keys(e.json.sheets).sort());
    const fromJson = jsonTables(e.json, headers);
    for (const name of Object.keys(e.csv)) {
      expect(e.xlsx[name], `xlsx ${name}`).toEqual(e.csv[name]);
      expect(fromJson[name], `json ${name}`).toEqual(e.csv[name]);
    }

    const s = e.json.sheets;
    // Only room A (the test room is left out by default), only the two consenting players.
    expect(s.rooms.map((r: any) => r.room_code)).toEqual([roomA.code]);
    expect(s.rooms[0]).toMatchObject({ completed: true, is_test: false, participants: 2, total_rounds: 5, rounds_reached: 5 });
    expect(s.wide.map((r: any) => r.participant_code).sort()).toEqual([codes[a[0]!.id], codes[a[1]!.id]].sort());
    expect(s.choices).toHaveLength(10); // 2 players × 5 rounds, a[1]'s round 5 recorded as missing
    expect(s.choices.filter((c: any) => c.missing)).toHaveLength(1);
    expect(s.choices.find((c: any) => c.missing)).toMatchObject({ participant_code: codes[a[1]!.id], round: 5, choice: null, confidence: null });
    const w0 = s.wide.find((r: any) => r.participant_code === codes[a[0]!.id]);
    expect(w0).toMatchObject({ r1_choice: 1, r1_confidence: 2, r1_consensus: 1, r2_choice: 0, r5_choice: 0, r5_confidence: 3, r5_consensus: null, completed: true });
    expect(typeof w0.r1_choice_label).toBe("string");
    expect(w0.r1_time_to_choose_s).toBeGreaterThanOrEqual(0);
    expect(s.consensus.map((c: any) => c.status)).toEqual(["reached", "reached", "reached", "reached", "timed_out"]);
    expect(s.consensus[0].proposer_code).toBe(codes[a[1]!.id]);
    expect(s.consensus_confidence).toHaveLength(10); // round 5's are recorded as missing
    expect(s.consensus_confidence.filter((c: any) => c.missing)).toHaveLength(2);
    expect(s.phase_log.length).toBeGreaterThan(10);
    expect(s.phase_log.every((l: any) => l.room_code === roomA.code)).toBe(true);
    expect(s.chat.map((m: any) => m.text)).toEqual([...FORMULAS, "second player speaking"]);
    expect(s.README.length).toBe(Object.values(headers).reduce((n, h) => n + h.length, 0));

    // Nobody's nickname, username or user id, in any format; not the non-consenting player's words or code.
    const everything = [e.jsonText, e.csvText, e.xlsxText];
    for (const text of everything) {
      for (const p of [...a, ...b]) {
        expect(text).not.toContain(p.nickname);
        expect(text).not.toContain(p.id);
      }
      expect(text).not.toContain(ADMIN.username);
      expect(text).not.toContain("words of the non-consenting player");
      expect(text).not.toContain("Alpha room");
    }

    // Formula-looking chat: CSV prefixes with ' and quotes; xlsx writes string cells with no formula at all.
    for (const f of FORMULAS) expect(e.csvText).toContain(`"'${f.replace(/"/g, '""')}"`);
    for (const xml of Object.values(e.xlsxXml)) {
      expect(xml).not.toMatch(/<f[\s>]/);
      expect(xml).not.toContain('t="str"');
    }
    const chatXml = e.xlsxXml.chat!;
    const textCol = String.fromCharCode(65 + headers.chat!.indexOf("text"));
    for (let r = 2; r <= 6; r++) expect(chatXml).toMatch(new RegExp(`<c r="${textCol}${r}" t="s">`));
  });

  it("filters by test rooms, scenario, completion and dates, and answers a single sheet", async () => {
    const json = async (q: string) => {
      const r = await admin.get(`/api/research/export?format=json&${q}`);
      expect(r.status, q).toBe(200);
      return r.body.sheets;
    };
    expect((await json("test=true")).rooms.map((r: any) => r.room_code)).toEqual([roomB.code]);
    expect((await json("test=all")).rooms.map((r: any) => r.room_code).sort()).toEqual([roomA.code, roomB.code].sort());
    expect((await json("test=all")).wide).toHaveLength(5);
    const slug = (await json("test=all")).rooms.find((r: any) => r.room_code === roomA.code).scenario_slug;
    expect((await json(`scenario=${slug}`)).rooms).toHaveLength(1);
    expect((await json("scenario=no-such-scenario")).rooms).toHaveLength(0);
    expect((await json("completed=false")).rooms).toHaveLength(0);
    expect((await json("completed=true")).rooms).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await json(`from=${today}&to=${today}`)).rooms).toHaveLength(1);
    expect((await json("to=2020-01-01")).rooms).toHaveLength(0);
    const only = await json("sheet=chat");
    expect(Object.keys(only)).toEqual(["chat"]);

    const csv = await admin.raw("GET", "/api/research/export?format=csv&sheet=wide");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="aedg-export-\d{8}T\d{6}Z\.csv"$/);
    const table = parseCsv(Buffer.from(new Uint8Array(await csv.arrayBuffer()).subarray(3)).toString("utf8"));
    expect(table).toHaveLength(3);
    expect(table[0]!.slice(0, 2)).toEqual(["participant_code", "room_code"]);

    const list = await admin.get("/api/research/rooms?test=all&limit=1");
    expect(list.status).toBe(200);
    expect(list.body.rooms).toHaveLength(1);
    const next = await admin.get(`/api/research/rooms?test=all&limit=1&cursor=${list.body.nextCursor}`);
    expect(next.body.rooms).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    expect([list.body.rooms[0].code, next.body.rooms[0].code].sort()).toEqual([roomA.code, roomB.code].sort());
    expect((await admin.get("/api/research/rooms")).body.rooms.map((r: any) => r.code)).toEqual([roomA.code]);
  });

  it("SECURITY 36 — answers downloads with attachment, no-store and nosniff headers and a server-made file name", async () => {
    for (const [format, ext, type] of [
      ["xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["csv", "zip", "application/zip"],
      ["json", "json", "application/json"],
    ] as const) {
      const res = await admin.raw("GET", `/api/research/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toContain("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="aedg-export-\\d{8}T\\d{6}Z\\.${ext}"$`));
      await res.arrayBuffer();
    }
  });

  it("SECURITY 37 — shows a room, a participant and the summary under participant codes only", async () => {
    const detail = await admin.get(`/api/research/rooms/${roomA.code}`);
    expect(detail.status).toBe(200);
    const byId = await admin.get(`/api/research/rooms/${detail.body.id}`);
    expect(byId.body.code).toBe(roomA.code);
    const d = detail.body;
    expect(d.seats.map((s: any) => s.participantCode)).toEqual([codes[a[0]!.id], codes[a[1]!.id], null]);
    expect(d.seats[2]).toMatchObject({ hasDataConsent: false, isWithdrawn: false });
    expect(d.seats.every((s: any) => typeof s.role?.name === "string")).toBe(true);
    expect(d.rounds).toHaveLength(5);
    expect(d.rounds[0].choices).toHaveLength(2);
    expect(d.rounds[0].consensus).toMatchObject({ status: "reached", proposerCode: codes[a[1]!.id] });
    expect(d.statistics.rounds).toHaveLength(5);
    expect(d.statistics.rounds[0].players.map((p: any) => p.participantCode)).toEqual([codes[a[0]!.id], codes[a[1]!.id]]);
    expect(d.statistics.totals.consensusReached).toBe(4);
    expect(d.timeline[0]).toMatchObject({ phase: "WAITING", round: 0 });
    expect(d.timeline.at(-1)).toMatchObject({ phase: "FINISHED", leftAt: null, durationSeconds: null });
    expect(d.timeline[1].durationSeconds).toBeGreaterThanOrEqual(0);
    expect(d.chat.map((m: any) => m.text)).toEqual([...FORMULAS, "second player speaking"]);
    expect(d.recordings).toEqual([]);
    const text = JSON.stringify(d);
    for (const p of a) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.nickname);
    }

    const person = await admin.get(`/api/research/users/${codes[a[0]!.id]}`);
    expect(person.status).toBe(200);
    expect(person.body.participantCode).toBe(codes[a[0]!.id]);
    expect(person.body.games).toHaveLength(1);
    expect(person.body.games[0]).toMatchObject({ roomCode: roomA.code, completed: true });
    expect(person.body.games[0].rounds).toHaveLength(5);
    expect(JSON.stringify(person.body)).not.toContain(a[0]!.id);

    const summary = await admin.get("/api/research/summary");
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ completedGames: 1, participants: 6, participantsWithConsent: 5, withdrawals: 0, recordings: 0 });
    expect(summary.body.rooms.test).toBe(1);
    expect(summary.body.rooms.byPhase.FINISHED).toBe(1);
    expect(summary.body.users.registered).toBe(3); // the admin, a player, a researcher
    expect(summary.body.activity.roomsPerDay).toHaveLength(14);
    expect(summary.body.activity.roomsPerDay.at(-1)).toMatchObject({ date: new Date().toISOString().slice(0, 10), created: 1, finished: 1 });
    expect(summary.body.activity.recentFinished).toEqual([expect.objectContaining({ code: roomA.code, finishedAt: expect.any(String) })]);
  });

  it("refuses bad input with 400 and the API error shape", async () => {
    const bad = [
      "/api/research/export?format=pdf",
      "/api/research/export?from=yesterday",
      "/api/research/export?from=2026-02-30",
      "/api/research/export?from=2026-03-02&to=2026-03-01",
      "/api/research/export?completed=maybe",
      "/api/research/export?test=yes",
      "/api/research/export?sheet=users",
      "/api/research/export?scenario=%27%3B%20DROP",
      "/api/research/export?format=csv&format=json",
      "/api/research/export?email=x",
      "/api/research/rooms?limit=1000",
      "/api/research/rooms?limit=-1",
      "/api/research/rooms?cursor=nope",
      "/api/research/rooms/not-a-code!",
      "/api/research/users/alice",
      "/api/research/summary?x=1",
      "/api/research/debug/counts?x=1",
    ];
    for (const path of bad) {
      const r = await admin.get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code, path).toBe("VALIDATION_ERROR");
    }
    for (const body of [{}, { testOnly: false }, { testOnly: true, before: "soon" }, { testOnly: true, extra: 1 }, []]) {
      const r = await admin.post("/api/research/cleanup", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    const notJson = await admin.call("POST", "/api/research/cleanup", { body: "testOnly=true", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(notJson.status).toBe(415);
    const broken = await admin.call("POST", "/api/research/cleanup", { body: "{", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    for (const body of [{}, { withdrawData: "yes" }, { withdrawData: true, also: 1 }]) {
      const r = await b[0]!.api.delete("/api/users/me", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await b[0]!.api.get("/api/users/me")).status).toBe(200);
  });

  it("SECURITY 8, 38 — honours a withdrawal: the person's rows are gone from the next export, the others' stay, the seat shows it", async () => {
    const before = (await admin.get("/api/research/debug/counts")).body.counts;
    const leaving = a[1]!;
    const r = await leaving.api.delete("/api/users/me", { withdrawData: true });
    expect(r.status).toBe(204);
    expect((await leaving.api.get("/api/users/me")).status).toBe(401);
    expect((await admin.get(`/api/research/users/${codes[leaving.id]}`)).status).toBe(404);

    const after = (await admin.get("/api/research/debug/counts")).body.counts;
    expect(after.User).toBe(before.User - 1);
    expect(after.Withdrawal).toBe(before.Withdrawal + 1);
    expect(after.Choice).toBe(before.Choice - 5); // rounds 1-4 and the missing one of round 5
    expect(after.ConsensusConfidence).toBe(before.ConsensusConfidence - 5);
    expect(after.ChatMessage).toBe(before.ChatMessage - 1);
    expect(after.Room).toBe(before.Room);
    expect(after.Consensus).toBe(before.Consensus);

    const e = await exportAll();
    for (const text of [e.jsonText, e.csvText, e.xlsxText]) {
      expect(text).not.toContain(codes[leaving.id]);
      expect(text).not.toContain("second player speaking");
      expect(text).toContain(codes[a[0]!.id]);
    }
    const s = e.json.sheets;
    expect(s.wide.map((w: any) => w.participant_code)).toEqual([codes[a[0]!.id]]);
    expect(s.choices).toHaveLength(5);
    expect(s.consensus).toHaveLength(5);
    expect(s.consensus[0]).toMatchObject({ status: "reached", proposer_code: null });
    expect(s.chat.map((m: any) => m.text)).toEqual(FORMULAS);
    expect(s.rooms[0].participants).toBe(1);

    const d = (await admin.get(`/api/research/rooms/${roomA.code}`)).body;
    expect(d.seats[1]).toMatchObject({ participantCode: null, isWithdrawn: true, hasDataConsent: null });
    expect(d.seats[0]).toMatchObject({ participantCode: codes[a[0]!.id], isWithdrawn: false });
    expect((await admin.get("/api/research/summary")).body.withdrawals).toBe(1);
    // The other players still see their finished room, the withdrawn seat empty.
    const seen = await a[0]!.api.get(`/api/rooms/${roomA.code}`);
    expect(seen.body.seats[1]).toMatchObject({ userId: null, isWithdrawn: true });
  });

  it("pauses a running room when one of its players withdraws, and passes hosting on when the host does", async () => {
    const players = [await guest(server.url, "LiveOne"), await guest(server.url, "LiveTwo"), await guest(server.url, "LiveThree")];
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    await ok(players[2]!, `/api/rooms/${room.code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    expect((await players[2]!.api.delete("/api/users/me", { withdrawData: true })).status).toBe(204);
    const snap = await eventually(async () => {
      const s = (await players[0]!.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(s.pausedAt).not.toBeNull();
      return s;
    });
    expect(snap.seats[2]).toMatchObject({ userId: null, isWithdrawn: true });
    expect(snap.phase).toBe("INDIVIDUAL");
    expect(snap.hostId).toBe(players[0]!.id);

    // When the host withdraws, hosting passes to the lowest seat still taken, who can then act as host.
    expect((await players[0]!.api.delete("/api/users/me", { withdrawData: true })).status).toBe(204);
    const after = await eventually(async () => {
      const s = (await players[1]!.api.get(`/api/rooms/${room.code}`)).body as RoomSnapshot;
      expect(s.hostId).toBe(players[1]!.id);
      return s;
    });
    expect(after.seats[0]).toMatchObject({ userId: null, isWithdrawn: true });
    expect((await players[1]!.api.post(`/api/rooms/${room.code}/advance`, { reason: "new host moves on" })).status).toBe(200);
  });

  it("SECURITY 8 — deletes an account without withdrawing: nobody can sign in as it, its rows stay under the same code", async () => {
    const leaving = b[2]!;
    const code = codes[leaving.id]!;
    const before = (await admin.get("/api/research/debug/counts")).body.counts;
    expect((await leaving.api.delete("/api/users/me", { withdrawData: false })).status).toBe(204);
    expect((await leaving.api.get("/api/users/me")).status).toBe(401);
    const after = (await admin.get("/api/research/debug/counts")).body.counts;
    expect(after.Choice).toBe(before.Choice);
    expect(after.Withdrawal).toBe(before.Withdrawal);
    const person = await admin.get(`/api/research/users/${code}`);
    expect(person.status).toBe(200);
    expect(person.body.games[0].roomCode).toBe(roomB.code);
    const s = (await admin.get("/api/research/export?format=json&test=true")).body.sheets;
    expect(s.wide.map((w: any) => w.participant_code)).toContain(code);
  });

  it("cleans up test rooms and reports what went from each table", async () => {
    const before = (await admin.get("/api/research/debug/counts")).body.counts;
    const r = await admin.post("/api/research/cleanup", { testOnly: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // One round played, four skipped (answers recorded as missing).
    expect(r.body.deleted).toMatchObject({ rooms: 1, seats: 3, choices: 15, consensuses: 5, consensusConfidences: 15, recordings: 0 });
    expect(r.body.deleted.phaseLogs).toBeGreaterThan(3);
    const after = (await admin.get("/api/research/debug/counts")).body.counts;
    expect(after.Room).toBe(before.Room - 1);
    expect(after.Choice).toBe(before.Choice - 15);
    expect(after.PhaseLog).toBe(before.PhaseLog - r.body.deleted.phaseLogs);
    expect(after.User).toBe(before.User);
    expect((await admin.get(`/api/research/rooms/${roomB.code}`)).status).toBe(404);
    expect((await admin.get("/api/research/export?format=json&test=true")).body.sheets.rooms).toEqual([]);
    expect((await admin.get(`/api/research/rooms/${roomA.code}`)).status).toBe(200);

    // Abandoned rooms go only when they are older than `before`.
    const p = [await guest(server.url, "OldOne"), await guest(server.url, "OldTwo"), await guest(server.url, "OldThree")];
    const old = await createRoom(p[0]!);
    await fillAndStart(old.code, p);
    expect((await p[0]!.api.post(`/api/rooms/${old.code}/advance`, { reason: "stop", end: true })).body.phase).toBe("ABANDONED");
    const kept = await admin.post("/api/research/cleanup", { testOnly: true, before: "2020-01-01" });
    expect(kept.body.deleted.rooms).toBe(0);
    const gone = await admin.post("/api/research/cleanup", { testOnly: true, before: new Date(Date.now() + 60_000).toISOString() });
    expect(gone.body.deleted).toMatchObject({ rooms: 1, seats: 3 });
    expect((await admin.get(`/api/research/rooms/${old.code}`)).status).toBe(404);
    expect((await admin.get(`/api/research/rooms/${roomA.code}`)).status).toBe(200);
  });
});
