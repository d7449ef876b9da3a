import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { strFromU8, unzipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { SHEET_NAMES } from "@/lib/validation/research";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import { parseCsv } from "../support/csv";
import { emitAck, type ApiClient } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, type Player } from "../support/game";
import { inspect } from "../support/inspector";
import { createTestDatabase, ensurePostgres, type TestPostgres } from "../support/postgres";
import { startTestServer, type TestServer } from "../support/server";

/**
 * The research export read back. Scripted games are played through the API, the workbook is
 * downloaded and read back here (XLSX.read is fine in a test: the product never reads a
 * workbook, SECURITY.md 40), and every cell is checked against what the script did, the
 * rooms' own snapshots and, in the end, the database itself (SQL on the PostgreSQL server,
 * or on the embedded database's files once the server has stopped). The CSV zip and the JSON
 * must then carry the same cells as the workbook, sheet by sheet, whatever sheets there are.
 * A second part seeds 10,000 participants by SQL and measures the server during an export.
 */

type Value = string | number | boolean | null;
type Obj = Record<string, Value>;
interface Table {
  header: string[];
  rows: Value[][];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook's sheets as typed tables; no cell may hold a formula or a type other than text, number or yes/no. */
function readXlsx(bytes: Uint8Array): { names: string[]; tables: Record<string, Table> } {
  const wb = XLSX.read(bytes, { type: "buffer", cellFormula: true, cellDates: false, cellNF: false, cellText: false });
  const tables: Record<string, Table> = {};
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws["!ref"]!);
    const grid: Value[][] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: Value[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) {
          row.push(null);
          continue;
        }
        expect(cell.f, `${name}!${XLSX.utils.encode_cell({ r, c })} has a formula`).toBeUndefined();
        expect(["s", "n", "b"], `${name}!${XLSX.utils.encode_cell({ r, c })} type`).toContain(cell.t);
        row.push(cell.v as Value);
      }
      grid.push(row);
    }
    tables[name] = { header: grid[0]!.map(String), rows: grid.slice(1) };
  }
  return { names: wb.SheetNames, tables };
}

/** A CSV file's text without its BOM (which it must have). */
function csvText(bytes: Uint8Array): string {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Buffer.from(bytes.subarray(3)).toString("utf8");
}

const asText = (v: Value) => (v === null ? "" : String(v));
const objects = (t: Table): Obj[] => t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? null])));
const pick = (o: Obj, keys: string[]): Obj => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
/** Rows compared as a multiset: order-free, duplicates count. */
const sorted = (rows: Obj[]) => rows.map((r) => JSON.stringify(r)).sort();

async function download(client: ApiClient, query: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await client.raw("GET", `/api/research/export?${query}`);
  expect(res.status, query).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

// ---------------------------------------------------------------------------------------------
// The scripted games.

interface Move {
  choice: number;
  confidence: number;
  consensusConfidence: number;
}

/** A full round: the seats' moves, everyone ends the discussion, seat `proposer` proposes `consensus` and the others agree. */
async function playRound(code: string, players: Player[], n: number, moves: Move[], consensus: number, proposer: number): Promise<void> {
  let snap: RoomSnapshot | undefined;
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/choice`, { choice: moves[i]!.choice, confidence: moves[i]!.confidence });
  for (const p of players) await ok(p, `/api/rooms/${code}/rounds/${n}/discussion/end`);
  for (const p of [players[proposer]!, ...players.filter((_, i) => i !== proposer)]) await ok(p, `/api/rooms/${code}/rounds/${n}/consensus`, { choice: consensus });
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/${n}/consensus-confidence`, { confidence: moves[i]!.consensusConfidence });
  expect(snap!.phase).toBe("REVEAL");
  for (const p of players) await ok(p, `/api/rooms/${code}/rounds/${n}/continue`);
}

/** The script: what seat `seat` of game `g` does in round `n`, and what the group agrees on. */
const scriptMove = (g: number, n: number, seat: number): Move => ({ choice: (g + n + seat) % 2, confidence: ((g * 3 + n * 2 + seat) % 5) + 1, consensusConfidence: ((g + n * 3 + seat * 2) % 5) + 1 });
const scriptConsensus = (g: number, n: number) => (g + n) % 2;

interface Game {
  index: number;
  code: string;
  players: Player[];
  /** Seats whose player gave data consent. */
  consenting: number[];
  /** Rounds played in full. */
  full: number[];
  totalRounds: number;
  snapshot?: RoomSnapshot;
}

const CHAT = [
  { seat: 0, text: '=HYPERLINK("http://example.org","click")' },
  { seat: 1, text: "+1 for the regulator, honestly" },
  { seat: 2, text: '"quoted", with a comma' },
  { seat: 0, text: "보행자 안전이 먼저입니다" },
  { seat: 1, text: "-2 points for the carmaker" },
];

let server: TestServer;
let admin: ApiClient;
const games: Game[] = [];
const codeOf = new Map<string, string>(); // user id → participant code

describe("the research export, read back", () => {
  beforeAll(async () => {
    server = await startTestServer({ env: ADMIN_ENV });
    admin = await signedInAdmin(server.url);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("plays three games: two scenarios, a player in two games, one without data consent, chat, a round cut short", { timeout: 240_000 }, async () => {
    const scenarios = (await admin.get("/api/scenarios?locale=en")).body.scenarios as { id: string; slug: string; rounds: number }[];
    expect(scenarios.length).toBeGreaterThanOrEqual(2);
    const [s1, s2] = scenarios;

    const who = async (name: string, dataConsent: boolean) => {
      const p = await guest(server.url, name, true);
      expect((await p.api.put("/api/users/me/consent", { dataConsent, voiceConsent: false })).status).toBe(200);
      return p;
    };
    const a = [await who("ExportA0", true), await who("ExportA1", true), await who("ExportA2", true)];
    const b = [await who("ExportB0", true), await who("ExportB1", true), await who("ExportB2NoConsent", false)];
    const c = [a[0]!, await who("ExportC1", true), await who("ExportC2", true)];

    const start = async (index: number, players: Player[], scenarioId: string, consenting: number[]): Promise<Game> => {
      const room = await createRoom(players[0]!, { scenarioId });
      await fillAndStart(room.code, players);
      const snap = await confirmRoles(room.code, players);
      const game: Game = { index, code: room.code, players, consenting, full: [], totalRounds: snap.totalRounds };
      games.push(game);
      return game;
    };
    const playAll = async (g: Game, rounds: number) => {
      for (let n = 1; n <= rounds; n++) {
        await playRound(g.code, g.players, n, [0, 1, 2].map((seat) => scriptMove(g.index, n, seat)), scriptConsensus(g.index, n), (g.index + n) % 3);
        g.full.push(n);
      }
    };

    // Game 0: scenario 1, every round, with chat.
    const g0 = await start(0, a, s1!.id, [0, 1, 2]);
    for (const m of CHAT) expect((await emitAck(a[m.seat]!.socket!, "chat:send", { code: g0.code, text: m.text })).ok).toBe(true);
    await playAll(g0, g0.totalRounds);
    // Game 1: scenario 2, every round; seat 2 gave no data consent (its chat stays out too).
    const g1 = await start(1, b, s2!.id, [0, 1]);
    expect((await emitAck(b[2]!.socket!, "chat:send", { code: g1.code, text: "words of someone without consent" })).ok).toBe(true);
    expect((await emitAck(b[0]!.socket!, "chat:send", { code: g1.code, text: "@everyone ready?" })).ok).toBe(true);
    await playAll(g1, g1.totalRounds);
    // Game 2: scenario 1 again, A0 plays a second game; round 1 in full, in round 2 only seat 0 answers, then the host skips to the end.
    const g2 = await start(2, c, s1!.id, [0, 1, 2]);
    await playAll(g2, 1);
    await ok(c[0]!, `/api/rooms/${g2.code}/rounds/2/choice`, { choice: 1, confidence: 4 });
    for (let i = 0; i < 80; i++) {
      const r = await c[0]!.api.post(`/api/rooms/${g2.code}/advance`, { reason: "skip ahead" });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (r.body.phase === "FINISHED") break;
    }

    for (const g of games) {
      g.snapshot = (await g.players[0]!.api.get(`/api/rooms/${g.code}`)).body;
      expect(g.snapshot!.phase).toBe("FINISHED");
      for (const seat of g.consenting) {
        const p = g.players[seat]!;
        if (codeOf.has(p.id)) continue;
        const r = await admin.get(`/api/research/users/${p.id}`);
        expect(r.status).toBe(200);
        codeOf.set(p.id, r.body.participantCode);
      }
    }
    expect((await admin.get(`/api/research/users/${b[2]!.id}`)).status).toBe(404);
    for (const p of [...a, ...b, ...c]) p.socket?.disconnect();
  });

  let xlsx: { names: string[]; tables: Record<string, Table> };
  let xlsxBytes: Uint8Array;

  it("answers a workbook with its exact length, uncompressed, not stored, as an attachment", async () => {
    const { res, bytes } = await download(admin, "format=xlsx");
    xlsxBytes = bytes;
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("x-declared-content-length")).toBeNull();
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="aedg-export-\d{8}T\d{6}Z\.xlsx"$/);
    xlsx = readXlsx(bytes);
  });

  it("has every sheet, in order, and a README that describes every column of every sheet", () => {
    expect(xlsx.names).toEqual([...SHEET_NAMES]);
    const readme = objects(xlsx.tables.README!);
    const described = readme.map((r) => `${r.sheet}.${r.column}`);
    const columns = SHEET_NAMES.flatMap((name) => xlsx.tables[name]!.header.map((h) => `${name}.${h}`));
    expect(described).toEqual(columns);
    for (const r of readme) expect(typeof r.description === "string" && r.description.length > 10, `${r.sheet}.${r.column}`).toBe(true);
    for (const name of SHEET_NAMES) expect(new Set(xlsx.tables[name]!.header).size, name).toBe(xlsx.tables[name]!.header.length);
  });

  it("has the documented columns, the wide sheet a block per round of the longest scenario", () => {
    const rounds = Math.max(...games.map((g) => g.totalRounds));
    const perRound = (n: number) => ["choice", "choice_label", "confidence", "consensus", "consensus_label", "consensus_confidence", "time_to_choose_s"].map((k) => `r${n}_${k}`);
    expect(xlsx.tables.wide!.header).toEqual([
      ...["participant_code", "room_code", "scenario_slug", "scenario_title", "scenario_locale", "seat", "role_index", "role_name", "is_test", "started_at", "finished_at", "completed"],
      ...Array.from({ length: rounds }, (_, i) => perRound(i + 1)).flat(),
    ]);
    expect(xlsx.tables.choices!.header).toEqual(["room_code", "participant_code", "seat", "role_name", "round", "choice", "choice_label", "confidence", "missing", "submitted_at", "time_to_choose_s"]);
    expect(xlsx.tables.consensus!.header).toEqual(["room_code", "round", "consensus", "consensus_label", "status", "reached", "missing", "proposer_code", "reached_at"]);
    expect(xlsx.tables.consensus_confidence!.header).toEqual(["room_code", "participant_code", "seat", "role_name", "round", "consensus", "consensus_confidence", "missing", "submitted_at"]);
    expect(xlsx.tables.rooms!.header).toEqual([
      "room_code", "scenario_slug", "scenario_title", "scenario_locale", "scenario_source", "visibility", "is_research", "is_test", "phase", "completed", "created_at", "started_at", "finished_at", "total_rounds", "rounds_reached", "participants",
    ]);
    expect(xlsx.tables.phase_log!.header).toEqual(["room_code", "kind", "phase", "round", "entered_at", "left_at", "duration_s", "active_s", "paused_s", "reason", "actor_code"]);
    expect(xlsx.tables.chat!.header).toEqual(["room_code", "participant_code", "round", "phase", "text", "is_masked", "at"]);
  });

  it("has one wide row per consenting participant per game, with every round's choice, confidence, consensus and consensus confidence", () => {
    const wide = objects(xlsx.tables.wide!);
    const expectedKeys = games.flatMap((g) => g.consenting.map((seat) => `${codeOf.get(g.players[seat]!.id)}@${g.code}`));
    expect(wide.map((r) => `${r.participant_code}@${r.room_code}`).sort()).toEqual(expectedKeys.sort());
    expect(wide).toHaveLength(8);
    const rounds = Math.max(...games.map((g) => g.totalRounds));
    for (const g of games) {
      const snap = g.snapshot!;
      for (const seat of g.consenting) {
        const p = g.players[seat]!;
        const row = wide.find((r) => r.participant_code === codeOf.get(p.id) && r.room_code === g.code)!;
        const seatView = snap.seats.find((s) => s.seat === seat)!;
        expect(row).toMatchObject({ seat, role_index: seatView.role!.position, role_name: seatView.role!.name, is_test: false, completed: true, scenario_title: snap.scenario.title, scenario_locale: "en" });
        for (let n = 1; n <= rounds; n++) {
          const cell = (k: string) => row[`r${n}_${k}`];
          if (n > g.totalRounds) {
            for (const k of ["choice", "choice_label", "confidence", "consensus", "consensus_label", "consensus_confidence", "time_to_choose_s"]) expect(cell(k), `${g.code} r${n}_${k}`).toBeNull();
            continue;
          }
          // Labels as the game itself showed them at the reveal.
          const result = snap.results.find((r) => r.round === n)!;
          const label = (i: Value) => (i === null ? null : result.options.find((o) => o.index === i)!.label);
          const shown = result.choices.find((c) => c.seat === seat)!;
          if (g.full.includes(n)) {
            const m = scriptMove(g.index, n, seat);
            expect([cell("choice"), cell("confidence"), cell("consensus"), cell("consensus_confidence")], `${g.code} seat ${seat} round ${n}`).toEqual([m.choice, m.confidence, scriptConsensus(g.index, n), m.consensusConfidence]);
            expect(typeof cell("time_to_choose_s") === "number" && (cell("time_to_choose_s") as number) >= 0).toBe(true);
          } else if (n === 2 && g.index === 2 && seat === 0) {
            expect([cell("choice"), cell("confidence"), cell("consensus"), cell("consensus_confidence")]).toEqual([1, 4, null, null]);
          } else {
            expect([cell("choice"), cell("confidence"), cell("consensus"), cell("consensus_confidence"), cell("time_to_choose_s")], `${g.code} seat ${seat} round ${n}`).toEqual([null, null, null, null, null]);
          }
          expect([cell("choice"), cell("confidence")]).toEqual([shown.choice, shown.confidence]);
          expect(cell("consensus")).toBe(result.consensus);
          expect(cell("choice_label")).toBe(label(cell("choice")));
          expect(cell("consensus_label")).toBe(label(cell("consensus")));
        }
      }
    }
  });

  it("has long sheets with a row per choice, per round's consensus, per rating, per room, and the consenting chat", async () => {
    const s = Object.fromEntries(SHEET_NAMES.map((n) => [n, objects(xlsx.tables[n]!)]));
    const consentingRounds = games.reduce((n, g) => n + g.consenting.length * g.totalRounds, 0);
    // Every round of every game has a record per seat, a skipped one too (recorded as missing).
    expect(s.choices).toHaveLength(consentingRounds);
    expect(s.consensus_confidence).toHaveLength(consentingRounds);
    expect(s.consensus).toHaveLength(games.reduce((n, g) => n + g.totalRounds, 0));
    expect(s.rooms!.map((r) => r.room_code).sort()).toEqual(games.map((g) => g.code).sort());

    for (const g of games) {
      for (const seat of g.consenting) {
        const code = codeOf.get(g.players[seat]!.id);
        for (let n = 1; n <= g.totalRounds; n++) {
          const choice = s.choices!.filter((r) => r.room_code === g.code && r.participant_code === code && r.round === n);
          const rating = s.consensus_confidence!.filter((r) => r.room_code === g.code && r.participant_code === code && r.round === n);
          expect(choice).toHaveLength(1);
          expect(rating).toHaveLength(1);
          const m = g.full.includes(n) ? scriptMove(g.index, n, seat) : null;
          const answered = m ? m : n === 2 && g.index === 2 && seat === 0 ? { choice: 1, confidence: 4 } : null;
          expect(choice[0]).toMatchObject({ seat, choice: answered?.choice ?? null, confidence: answered?.confidence ?? null, missing: !answered });
          expect(rating[0]).toMatchObject({ seat, consensus_confidence: m?.consensusConfidence ?? null, missing: !m, consensus: m ? scriptConsensus(g.index, n) : null });
        }
      }
      for (let n = 1; n <= g.totalRounds; n++) {
        const row = s.consensus!.find((r) => r.room_code === g.code && r.round === n)!;
        const reached = g.full.includes(n);
        expect(row).toMatchObject({ consensus: reached ? scriptConsensus(g.index, n) : null, reached, missing: !reached, status: reached ? "reached" : "timed_out" });
        const proposer = g.players[(g.index + n) % 3]!;
        expect(row.proposer_code).toBe(reached && g.consenting.includes((g.index + n) % 3) ? codeOf.get(proposer.id)! : null);
      }
      const room = s.rooms!.find((r) => r.room_code === g.code)!;
      expect(room).toMatchObject({ phase: "FINISHED", completed: true, is_test: false, is_research: false, visibility: "private", total_rounds: g.totalRounds, rounds_reached: g.totalRounds, participants: g.consenting.length, scenario_source: "BUILTIN" });
    }
    // Chat: the consenting players' messages, in order, formula-looking ones as the text they are.
    const chat0 = s.chat!.filter((r) => r.room_code === games[0]!.code);
    expect(chat0.map((r) => [r.participant_code, r.text])).toEqual(CHAT.map((m) => [codeOf.get(games[0]!.players[m.seat]!.id)!, m.text]));
    expect(s.chat!.filter((r) => r.room_code === games[1]!.code).map((r) => r.text)).toEqual(["@everyone ready?"]);
    expect(s.chat).toHaveLength(CHAT.length + 1);

    // The research room list (read from the rooms, not from the export's rows) dates the rooms.
    const list = (await admin.get("/api/research/rooms?limit=100")).body.rooms as { code: string; createdAt: string; startedAt: string; finishedAt: string; scenario: { slug: string } }[];
    for (const g of games) {
      const item = list.find((r) => r.code === g.code)!;
      expect(s.rooms!.find((r) => r.room_code === g.code)).toMatchObject({ created_at: item.createdAt, started_at: item.startedAt, finished_at: item.finishedAt, scenario_slug: item.scenario.slug });
    }
  });

  it("says the same in the CSV zip, the single-sheet CSVs and the JSON as in the workbook, cell by cell", async () => {
    const zip = await download(admin, "format=csv");
    expect(zip.res.headers.get("content-type")).toContain("application/zip");
    expect(Number(zip.res.headers.get("content-length"))).toBe(zip.bytes.byteLength);
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual(SHEET_NAMES.map((n) => `${n}.csv`));

    const json = await download(admin, "format=json");
    expect(json.res.headers.get("content-type")).toContain("application/json");
    // Sent as is (no gzip on the way), so the length is the file's.
    expect(json.res.headers.get("content-encoding")).toBeNull();
    expect(Number(json.res.headers.get("content-length"))).toBe(json.bytes.byteLength);
    const body = JSON.parse(Buffer.from(json.bytes).toString("utf8")) as { generatedAt: string; filters: unknown; sheets: Record<string, Obj[]> };
    expect(Object.keys(body.sheets)).toEqual([...SHEET_NAMES]);
    expect(body.filters).toEqual({ from: null, to: null, scenario: null, completed: null, test: "false" });

    for (const name of SHEET_NAMES) {
      const table = xlsx.tables[name]!;
      // CSV: the workbook's cells as text.
      const csv = parseCsv(csvText(files[`${name}.csv`]!));
      expect(csv[0], `${name}.csv header`).toEqual(table.header);
      expect(csv.slice(1), `${name}.csv rows`).toEqual(table.rows.map((r) => r.map(asText)));
      // JSON: the same values with their types, every column present, in order.
      const rows = body.sheets[name]!;
      expect(rows.length, `${name}.json`).toBe(table.rows.length);
      for (const [i, row] of rows.entries()) {
        expect(Object.keys(row), `${name}.json row ${i} keys`).toEqual(table.header);
        expect(Object.values(row), `${name}.json row ${i}`).toEqual(table.rows[i]);
      }
      // One sheet alone: the zip's file, byte for byte.
      const single = await download(admin, `format=csv&sheet=${name}`);
      expect(single.res.headers.get("content-type")).toContain("text/csv");
      expect(Number(single.res.headers.get("content-length"))).toBe(single.bytes.byteLength);
      expect(Buffer.from(single.bytes).equals(Buffer.from(files[`${name}.csv`]!)), `${name}.csv alone`).toBe(true);
    }
    // The data sheets hold something: the comparison above is not between empty files.
    for (const name of ["wide", "choices", "consensus", "consensus_confidence", "rooms", "phase_log", "chat"]) expect(xlsx.tables[name]!.rows.length, name).toBeGreaterThan(0);
  });

  it("writes one sheet's workbook with the README rows of that sheet", async () => {
    const { bytes } = await download(admin, "format=xlsx&sheet=chat");
    const one = readXlsx(bytes);
    expect(one.names).toEqual(["chat", "README"]);
    expect(one.tables.chat).toEqual(xlsx.tables.chat);
    expect(objects(one.tables.README!).map((r) => `${r.sheet}.${r.column}`)).toEqual([...xlsx.tables.chat!.header.map((h) => `chat.${h}`), ...xlsx.tables.README!.header.map((h) => `README.${h}`)]);
    expect(xlsxBytes.byteLength).toBeGreaterThan(bytes.byteLength);
  });

  it("matches the database, cell by cell", { timeout: 120_000 }, async () => {
    const s = Object.fromEntries(SHEET_NAMES.map((n) => [n, objects(xlsx.tables[n]!)]));
    const database = await openDatabase(server);
    try {
      const expected = await expectedFromDatabase(database.query);
      for (const name of Object.keys(expected) as (keyof typeof expected)[]) {
        const keys = Object.keys(expected[name][0]!);
        expect(keys.sort(), `${name}: every column checked`).toEqual([...xlsx.tables[name]!.header].sort());
        expect(sorted(s[name]!.map((r) => pick(r, keys))), name).toEqual(sorted(expected[name].map((r) => pick(r, keys))));
      }
    } finally {
      await database.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The database's own answer, by SQL.

type Query = <T = Record<string, unknown>>(sql: string) => Promise<T[]>;

/** The server's database, opened here: the PostgreSQL one directly, the embedded one once the server has stopped. */
async function openDatabase(s: TestServer): Promise<{ query: Query; close(): Promise<void> }> {
  if (s.databaseUrl) {
    const client = new pg.Client({ connectionString: s.databaseUrl });
    await client.connect();
    return { query: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
  }
  await s.stop();
  const db = new PGlite(path.join(s.dataDir, "pglite"));
  await db.waitReady;
  return { query: async <T,>(sql: string) => (await db.query<T>(sql)).rows, close: () => db.close() };
}

const ISO = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const secondsBetween = (from: string | null | undefined, to: string | null | undefined) => {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return ms < 0 ? null : ms / 1000;
};

/** Every sheet's rows as the tables say they must be, for the rooms the default export selects (no test rooms). */
async function expectedFromDatabase(query: Query) {
  const rooms = await query<{ id: string; code: string; scenarioId: string; visibility: string; isResearch: boolean; isTest: boolean; phase: string; round: number; totalRounds: number; createdAt: string; startedAt: string | null; finishedAt: string | null; pausedAt: string | null }>(
    `SELECT id, code, "scenarioId", visibility::text AS visibility, "isResearch", "isTest", phase::text AS phase, round, "totalRounds", ${ISO('"createdAt"')} AS "createdAt", ${ISO('"startedAt"')} AS "startedAt", ${ISO('"finishedAt"')} AS "finishedAt", ${ISO('"pausedAt"')} AS "pausedAt" FROM "Room" WHERE NOT "isTest"`,
  );
  const users = await query<{ id: string; participantCode: string; dataConsent: boolean }>(`SELECT id, "participantCode", "dataConsent" FROM "User"`);
  const code = (id: string | null) => {
    const u = users.find((x) => x.id === id);
    return u?.dataConsent ? u.participantCode : null;
  };
  const scenarios = await query<{ id: string; slug: string | null; title: string; locale: string; source: string }>(`SELECT id, slug, title, locale, source::text AS source FROM "Scenario"`);
  const roles = await query<{ scenarioId: string; position: number; name: string }>(`SELECT "scenarioId", position, name FROM "ScenarioRole"`);
  const options = await query<{ scenarioId: string; number: number; index: number; label: string }>(
    `SELECT sr."scenarioId", sr.number, o.index, o.label FROM "ScenarioOption" o JOIN "ScenarioRound" sr ON sr.id = o."roundId"`,
  );
  const seats = await query<{ roomId: string; seat: number; userId: string | null; roleIndex: number | null }>(`SELECT "roomId", seat, "userId", "roleIndex" FROM "Seat"`);
  const choices = await query<{ roomId: string; round: number; userId: string; seat: number; choice: number | null; confidence: number | null; isMissing: boolean; submittedAt: string }>(
    `SELECT "roomId", round, "userId", seat, choice, confidence, "isMissing", ${ISO('"submittedAt"')} AS "submittedAt" FROM "Choice"`,
  );
  const consensuses = await query<{ roomId: string; round: number; choice: number | null; proposedById: string | null; isMissing: boolean; reachedAt: string }>(
    `SELECT "roomId", round, choice, "proposedById", "isMissing", ${ISO('"reachedAt"')} AS "reachedAt" FROM "Consensus"`,
  );
  const ratings = await query<{ roomId: string; round: number; userId: string; confidence: number | null; isMissing: boolean; submittedAt: string }>(
    `SELECT "roomId", round, "userId", confidence, "isMissing", ${ISO('"submittedAt"')} AS "submittedAt" FROM "ConsensusConfidence"`,
  );
  const logs = await query<{ roomId: string; kind: string; phase: string; round: number; enteredAt: string; leftAt: string | null; reason: string; actorId: string | null }>(
    `SELECT "roomId", kind::text AS kind, phase::text AS phase, round, ${ISO('"enteredAt"')} AS "enteredAt", ${ISO('"leftAt"')} AS "leftAt", reason, "actorId" FROM "PhaseLog"`,
  );
  const chat = await query<{ roomId: string; userId: string; round: number; phase: string; text: string; isMasked: boolean; createdAt: string }>(
    `SELECT "roomId", "userId", round, phase::text AS phase, text, "isMasked", ${ISO('"createdAt"')} AS "createdAt" FROM "ChatMessage"`,
  );

  const label = (scenarioId: string, round: number, choice: number | null) => (choice === null ? null : (options.find((o) => o.scenarioId === scenarioId && o.number === round && o.index === choice)?.label ?? null));
  const wideRounds = Math.max(0, ...rooms.map((r) => r.totalRounds));
  const out = { wide: [] as Obj[], choices: [] as Obj[], consensus: [] as Obj[], consensus_confidence: [] as Obj[], rooms: [] as Obj[], phase_log: [] as Obj[], chat: [] as Obj[] };
  for (const room of rooms) {
    const scenario = scenarios.find((s) => s.id === room.scenarioId)!;
    const roomSeats = seats.filter((s) => s.roomId === room.id);
    const roleOf = (seat: number) => {
      const index = roomSeats.find((s) => s.seat === seat)?.roleIndex ?? null;
      return { index, name: index === null ? null : (roles.find((r) => r.scenarioId === room.scenarioId && r.position === index)?.name ?? null) };
    };
    // In these games nobody changed seats: the participants are the consenting people seated.
    const people = roomSeats.filter((s) => s.userId && code(s.userId));
    const starts = new Map<number, string>();
    for (const l of logs) if (l.roomId === room.id && l.kind === "PHASE" && l.phase === "INDIVIDUAL" && (!starts.has(l.round) || starts.get(l.round)! < l.enteredAt)) starts.set(l.round, l.enteredAt);
    // The room's log, with the pause going on (not logged until it ends) as an open pause row.
    const roomLogs = logs.filter((x) => x.roomId === room.id);
    if (room.pausedAt && room.phase !== "FINISHED" && room.phase !== "ABANDONED") roomLogs.push({ roomId: room.id, kind: "PAUSE", phase: room.phase, round: room.round, enteredAt: room.pausedAt, leftAt: null, reason: "waiting_for_player", actorId: null });
    /** Milliseconds of the room's pauses between two instants. */
    const pausedMs = (from: string, to: string) =>
      roomLogs
        .filter((l) => l.kind === "PAUSE")
        .reduce((sum, l) => sum + Math.max(0, Math.min(Date.parse(to), l.leftAt ? Date.parse(l.leftAt) : Infinity) - Math.max(Date.parse(from), Date.parse(l.enteredAt))), 0);
    /** Seconds from the round's start to the choice, without the pauses in between. */
    const timeToChoose = (round: number, at: string) => {
      const start = starts.get(round);
      const wallMs = start ? Date.parse(at) - Date.parse(start) : -1;
      return wallMs < 0 ? null : Math.max(0, wallMs - pausedMs(start!, at)) / 1000;
    };
    const consensusOf = (n: number) => consensuses.find((c) => c.roomId === room.id && c.round === n);
    const reached = room.phase === "FINISHED" ? room.totalRounds : Math.min(room.round, room.totalRounds);

    for (const c of choices.filter((x) => x.roomId === room.id && code(x.userId))) {
      const missing = c.isMissing || c.choice === null;
      out.choices.push({
        room_code: room.code,
        participant_code: code(c.userId),
        seat: c.seat,
        role_name: roleOf(c.seat).name,
        round: c.round,
        choice: c.choice,
        choice_label: label(room.scenarioId, c.round, c.choice),
        confidence: c.confidence,
        missing,
        submitted_at: c.submittedAt,
        time_to_choose_s: missing ? null : timeToChoose(c.round, c.submittedAt),
      });
    }
    for (let n = 1; n <= reached; n++) {
      const c = consensusOf(n);
      const ok = !!c && !c.isMissing && c.choice !== null;
      out.consensus.push({
        room_code: room.code,
        round: n,
        consensus: c?.choice ?? null,
        consensus_label: label(room.scenarioId, n, c?.choice ?? null),
        status: !c ? "not_recorded" : ok ? "reached" : "timed_out",
        reached: ok,
        missing: !ok,
        proposer_code: ok ? code(c!.proposedById) : null,
        reached_at: c?.reachedAt ?? null,
      });
    }
    for (const r of ratings.filter((x) => x.roomId === room.id && code(x.userId))) {
      const seat = roomSeats.find((s) => s.userId === r.userId)!.seat;
      out.consensus_confidence.push({
        room_code: room.code,
        participant_code: code(r.userId),
        seat,
        role_name: roleOf(seat).name,
        round: r.round,
        consensus: consensusOf(r.round)?.choice ?? null,
        consensus_confidence: r.confidence,
        missing: r.isMissing || r.confidence === null,
        submitted_at: r.submittedAt,
      });
    }
    out.rooms.push({
      room_code: room.code,
      scenario_slug: scenario.slug,
      scenario_title: scenario.title,
      scenario_locale: scenario.locale,
      scenario_source: scenario.source,
      visibility: room.visibility.toLowerCase(),
      is_research: room.isResearch,
      is_test: room.isTest,
      phase: room.phase,
      completed: room.phase === "FINISHED",
      created_at: room.createdAt,
      started_at: room.startedAt,
      finished_at: room.finishedAt,
      total_rounds: room.totalRounds,
      rounds_reached: reached,
      participants: people.length,
    });
    for (const l of roomLogs) {
      const duration = secondsBetween(l.enteredAt, l.leftAt);
      const isPhase = l.kind === "PHASE" && duration !== null;
      const lengthMs = isPhase ? Date.parse(l.leftAt!) - Date.parse(l.enteredAt) : 0;
      const pausedInMs = isPhase ? Math.min(lengthMs, pausedMs(l.enteredAt, l.leftAt!)) : 0;
      out.phase_log.push({
        room_code: room.code,
        kind: l.kind.toLowerCase(),
        phase: l.phase,
        round: l.round,
        entered_at: l.enteredAt,
        left_at: l.leftAt,
        duration_s: duration,
        active_s: isPhase ? (lengthMs - pausedInMs) / 1000 : null,
        paused_s: isPhase ? pausedInMs / 1000 : null,
        reason: l.reason,
        actor_code: code(l.actorId),
      });
    }
    for (const m of chat.filter((x) => x.roomId === room.id && code(x.userId))) {
      out.chat.push({ room_code: room.code, participant_code: code(m.userId), round: m.round, phase: m.phase, text: m.text, is_masked: m.isMasked, at: m.createdAt });
    }
    for (const person of people) {
      const role = roleOf(person.seat);
      const row: Obj = {
        participant_code: code(person.userId),
        room_code: room.code,
        scenario_slug: scenario.slug,
        scenario_title: scenario.title,
        scenario_locale: scenario.locale,
        seat: person.seat,
        role_index: role.index,
        role_name: role.name,
        is_test: room.isTest,
        started_at: room.startedAt,
        finished_at: room.finishedAt,
        completed: room.phase === "FINISHED",
      };
      for (let n = 1; n <= wideRounds; n++) {
        const c = choices.find((x) => x.roomId === room.id && x.userId === person.userId && x.round === n);
        const r = ratings.find((x) => x.roomId === room.id && x.userId === person.userId && x.round === n);
        const missing = !c || c.isMissing || c.choice === null;
        row[`r${n}_choice`] = c?.choice ?? null;
        row[`r${n}_choice_label`] = label(room.scenarioId, n, c?.choice ?? null);
        row[`r${n}_confidence`] = c?.confidence ?? null;
        row[`r${n}_consensus`] = consensusOf(n)?.choice ?? null;
        row[`r${n}_consensus_label`] = label(room.scenarioId, n, consensusOf(n)?.choice ?? null);
        row[`r${n}_consensus_confidence`] = r?.confidence ?? null;
        row[`r${n}_time_to_choose_s`] = c && !missing ? timeToChoose(n, c.submittedAt) : null;
      }
      out.wide.push(row);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 10,000 participants.

const PARTICIPANTS = Number(process.env.EXPORT_SCALE_PARTICIPANTS) || 10_000;

/** The server's resident memory now and its peak so far (kB), from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/** Seeds `participants` people in finished rooms of three (the last room takes what is left), straight into the database. */
async function seed(client: pg.Client, participants: number): Promise<{ rooms: number; rounds: number }> {
  const scenario = (await client.query(`SELECT s.id, (SELECT count(*)::int FROM "ScenarioRound" r WHERE r."scenarioId" = s.id) AS rounds FROM "Scenario" s WHERE s.source = 'BUILTIN' AND s.locale = 'en' ORDER BY s.slug LIMIT 1`)).rows[0] as {
    id: string;
    rounds: number;
  };
  const rooms = Math.ceil(participants / 3);
  const R = scenario.rounds;
  const uid = (i: string) => `'00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0')`;
  const rid = (i: string) => `'00000000-0000-4000-9000-' || lpad(to_hex(${i}), 12, '0')`;
  // Room i starts at t0 + i minutes; round n's phases take a minute each from start + 10n minutes.
  const start = (i: string) => `(timestamp '2026-01-05 09:00:00' + (${i}) * interval '1 minute')`;
  const at = (i: string, n: string, step: number) => `(${start(i)} + (${n}) * interval '10 minutes' + interval '${step} seconds')`;
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, nickname, "isGuest", "dataConsent", "participantCode", "updatedAt")
     SELECT ${uid("u")}, 'Seeded ' || u, true, true, 'X' || lpad(to_hex(u), 7, '0'), now() FROM generate_series(1, ${participants}) u`,
  );
  await client.query(
    `INSERT INTO "Room" (id, code, visibility, "scenarioId", phase, round, "totalRounds", "startedAt", "finishedAt", "createdAt", "updatedAt")
     SELECT ${rid("i")}, 'Z' || lpad(upper(to_hex(i)), 5, '0'), 'PRIVATE'::"RoomVisibility", '${scenario.id}', 'FINISHED'::"RoomPhase", ${R}, ${R}, ${start("i")}, ${at("i", String(R + 1), 0)}, ${start("i")} - interval '5 minutes', now()
     FROM generate_series(1, ${rooms}) i`,
  );
  // Seat s of room i holds user (i - 1) * 3 + s + 1.
  const seatsOf = `FROM generate_series(1, ${rooms}) i CROSS JOIN generate_series(0, 2) s WHERE (i - 1) * 3 + s + 1 <= ${participants}`;
  await client.query(`INSERT INTO "Seat" (id, "roomId", seat, "userId", "roleIndex", "updatedAt") SELECT gen_random_uuid()::text, ${rid("i")}, s, ${uid("(i - 1) * 3 + s + 1")}, s, now() ${seatsOf}`);
  await client.query(
    `INSERT INTO "Choice" (id, "roomId", round, "userId", seat, choice, confidence, "submittedAt")
     SELECT gen_random_uuid()::text, ${rid("i")}, n, ${uid("(i - 1) * 3 + s + 1")}, s, (i + n + s) % 2, ((i * 7 + n + s) % 5) + 1, ${at("i", "n", 20)} ${seatsOf.replace("WHERE", `CROSS JOIN generate_series(1, ${R}) n WHERE`)}`,
  );
  await client.query(
    `INSERT INTO "ConsensusConfidence" (id, "roomId", round, "userId", confidence, "submittedAt")
     SELECT gen_random_uuid()::text, ${rid("i")}, n, ${uid("(i - 1) * 3 + s + 1")}, ((i + n * 3 + s) % 5) + 1, ${at("i", "n", 200)} ${seatsOf.replace("WHERE", `CROSS JOIN generate_series(1, ${R}) n WHERE`)}`,
  );
  await client.query(
    `INSERT INTO "Consensus" (id, "roomId", round, choice, "proposedById", "reachedAt")
     SELECT gen_random_uuid()::text, ${rid("i")}, n, (i + n) % 2, ${uid("(i - 1) * 3 + 1")}, ${at("i", "n", 150)} FROM generate_series(1, ${rooms}) i CROSS JOIN generate_series(1, ${R}) n`,
  );
  const phases = ["INDIVIDUAL", "DISCUSSION", "CONSENSUS", "REVEAL"];
  await client.query(
    `INSERT INTO "PhaseLog" (id, "roomId", phase, round, "enteredAt", "leftAt", reason)
     SELECT gen_random_uuid()::text, ${rid("i")}, (ARRAY['${phases.join("','")}'])[p]::"RoomPhase", n, ${at("i", "n", 0)} + (p - 1) * interval '1 minute', ${at("i", "n", 0)} + p * interval '1 minute', 'all answered'
     FROM generate_series(1, ${rooms}) i CROSS JOIN generate_series(1, ${R}) n CROSS JOIN generate_series(1, 4) p`,
  );
  await client.query(
    `INSERT INTO "ChatMessage" (id, "roomId", "userId", round, phase, text, "createdAt")
     SELECT gen_random_uuid()::text, ${rid("i")}, ${uid("(i - 1) * 3 + s + 1")}, 1, 'DISCUSSION'::"RoomPhase", 'I think option ' || ((i + s) % 2) || ' is fairer, because of the pedestrians', ${at("i", "1", 90)} ${seatsOf}`,
  );
  await client.query("COMMIT");
  return { rooms, rounds: R };
}

describe(`an export of ${PARTICIPANTS.toLocaleString("en-US")} participants`, () => {
  let postgres: TestPostgres;
  let databaseUrl: string;
  let big: TestServer | undefined;
  let shape: { rooms: number; rounds: number };

  beforeAll(async () => {
    postgres = await ensurePostgres();
    databaseUrl = await createTestDatabase(postgres.url);
    // A first start migrates the database and loads the scenario library the rooms are seeded on.
    big = await startTestServer({ databaseUrl, env: ADMIN_ENV });
    await big.stop();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      shape = await seed(client, PARTICIPANTS);
    } finally {
      await client.end();
    }
  }, 600_000);
  afterAll(async () => {
    await big?.stop();
    await postgres?.stop();
  });

  /**
   * Downloads `query` from a freshly started server while sampling its memory, and prints the
   * file's size, the server's memory growth and the time taken (figures only: the machine is
   * shared, so nothing here is asserted about them).
   */
  async function measured(query: string): Promise<Uint8Array> {
    big = await startTestServer({ databaseUrl, env: { ...ADMIN_ENV, NODE_OPTIONS: "--inspect=127.0.0.1:0" } });
    const inspector = await inspect(big);
    const researcher = await signedInAdmin(big.url);
    // Load every module the export needs before measuring (an empty export of the same format).
    await download(researcher, `${query}&to=2000-01-01`);
    const pid = big.process.pid!;
    const before = memoryOf(pid);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), 25);
    const started = performance.now();
    try {
      const { res, bytes } = await download(researcher, query);
      const seconds = (performance.now() - started) / 1000;
      const after = memoryOf(pid);
      // A higher VmHWM (the process's own peak) is the export's, and catches what the sampler missed.
      peak = Math.max(peak, after.rss, after.hwm > before.hwm ? after.hwm : 0);
      expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
      clearInterval(sampler);
      // What the export left behind: the heap that survives a full collection afterwards.
      await inspector.collectGarbage();
      const heapAfter = await inspector.evaluate<number>("process.memoryUsage().heapUsed");
      const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
      console.log(
        `[export ${query}] ${PARTICIPANTS} participants, ${shape.rooms} rooms: file ${mb(bytes.byteLength / 1024)}, server RSS before ${mb(before.rss)}, peak ${mb(peak)}, ` +
          `growth ${mb(peak - before.rss)}, heap after a full GC ${mb(heapAfter / 1024)}, ${seconds.toFixed(1)} s`,
      );
      return bytes;
    } finally {
      clearInterval(sampler);
      inspector.close();
      await big.stop();
    }
  }

  it("writes the workbook with one wide row per participant", { timeout: 900_000 }, async () => {
    const bytes = await measured("format=xlsx");
    // Only the sheets counted here are read back.
    const wb = XLSX.read(bytes, { type: "buffer", sheets: ["wide", "choices", "rooms"], dense: true });
    const rowsOf = (name: string) => XLSX.utils.decode_range(wb.Sheets[name]!["!ref"]!).e.r;
    expect(rowsOf("wide")).toBe(PARTICIPANTS);
    expect(rowsOf("choices")).toBe(PARTICIPANTS * shape.rounds);
    expect(rowsOf("rooms")).toBe(shape.rooms);
  });

  it("writes the CSV zip with one wide row per participant", { timeout: 900_000 }, async () => {
    const bytes = await measured("format=csv");
    const files = unzipSync(bytes, { filter: (f) => ["wide.csv", "choices.csv", "phase_log.csv", "chat.csv"].includes(f.name) });
    const lines = (name: string) => strFromU8(files[name]!).split("\r\n").length - 2; // the header and the empty end
    expect(lines("wide.csv")).toBe(PARTICIPANTS);
    expect(lines("choices.csv")).toBe(PARTICIPANTS * shape.rounds);
    expect(lines("phase_log.csv")).toBe(shape.rooms * shape.rounds * 4);
    expect(lines("chat.csv")).toBe(PARTICIPANTS);
  });

  it("writes the JSON with one wide row per participant", { timeout: 900_000 }, async () => {
    const bytes = await measured("format=json");
    const body = JSON.parse(Buffer.from(bytes).toString("utf8")) as { sheets: Record<string, unknown[]> };
    expect(body.sheets.wide).toHaveLength(PARTICIPANTS);
    expect(body.sheets.consensus).toHaveLength(shape.rooms * shape.rounds);
  });

  it("leaves no temporary file behind, also when the client goes away before or during the download", { timeout: 900_000 }, async () => {
    // The server's own temporary directory, so that nobody else's files are counted.
    const tmp = mkdtempSync(path.join(os.tmpdir(), "aedg-export-tmp-"));
    big = await startTestServer({ databaseUrl, env: { ...ADMIN_ENV, TMPDIR: tmp } });
    const researcher = await signedInAdmin(big.url);
    // (tsx keeps its cache there too.)
    const isEmpty = () => expect(readdirSync(tmp).filter((name) => name.startsWith("aedg-export-"))).toEqual([]);
    try {
      await download(researcher, "format=csv");
      isEmpty();
      // Gone mid-stream: the first chunk read, then the body cancelled.
      const res = await researcher.raw("GET", "/api/research/export?format=json");
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      await eventually(isEmpty);
      // Gone while the file is being made.
      const controller = new AbortController();
      const pending = fetch(`${big.url}/api/research/export?format=csv&sheet=wide`, { headers: { cookie: researcher.cookieHeader() }, signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      await expect(pending).rejects.toThrow();
      await eventually(isEmpty, 60_000);
      // The server is well, answers the next export in full, and logged no failure.
      expect((await researcher.get("/health")).status).toBe(200);
      const again = await download(researcher, "format=csv&sheet=rooms");
      expect(parseCsv(csvText(again.bytes))).toHaveLength(shape.rooms + 1);
      isEmpty();
      expect(big.output()).not.toMatch(/request failed|unhandled/);
    } finally {
      await big.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
