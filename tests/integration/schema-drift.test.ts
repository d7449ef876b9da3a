import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/server/db/migrate";
import { PrismaClient } from "@/lib/server/db/generated/client";

/**
 * The hand-written SQL migrations must build exactly the database schema.prisma describes:
 * the same tables, columns (type, nullability, defaults), enums, primary keys, unique and
 * plain indexes, and foreign keys with their ON DELETE rules.
 */

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  fields: DmmfField[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal"; fields: { name: string }[] }[];
  };
}

const dmmf: Dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8") })));
const SCALAR_UDT: Record<string, string> = { String: "text", Int: "int4", BigInt: "int8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", Float: "float8", Bytes: "bytea" };
const ON_DELETE: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };

function expected() {
  const columns = new Set<string>();
  const indexes = new Set<string>();
  const fks = new Set<string>();
  for (const m of dmmf.datamodel.models) {
    for (const f of m.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          fks.add(`${m.name}(${f.relationFromFields.join(",")}) -> ${f.type}(${f.relationToFields!.join(",")}) on delete ${ON_DELETE[onDelete]}`);
        }
        continue;
      }
      const udt = f.kind === "enum" ? f.type : SCALAR_UDT[f.type];
      // Only now() and literal defaults live in the database; uuid() is filled in by the client.
      const dbDefault = f.default !== undefined && (typeof f.default !== "object" || (f.default as { name: string }).name === "now");
      columns.add(`${m.name}.${f.name} ${udt} ${f.isRequired ? "not null" : "null"} ${dbDefault ? "default" : "no default"}`);
    }
  }
  for (const idx of dmmf.datamodel.indexes) {
    indexes.add(`${idx.model} ${idx.type === "id" ? "primary" : idx.type} (${idx.fields.map((f) => f.name).join(",")})`);
  }
  const enums = new Set(dmmf.datamodel.enums.map((e) => `${e.name}: ${e.values.map((v) => v.name).join(",")}`));
  return { columns, indexes, fks, enums };
}

async function actual(pg: PGlite) {
  const skip = "'_app_migrations'";
  const cols = await pg.query<{ t: string; c: string; udt: string; nullable: string; def: string | null }>(
    `SELECT table_name t, column_name c, udt_name udt, is_nullable nullable, column_default def
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> ${skip}`,
  );
  const columns = new Set(cols.rows.map((r) => `${r.t}.${r.c} ${r.udt} ${r.nullable === "NO" ? "not null" : "null"} ${r.def === null ? "no default" : "default"}`));

  const idx = await pg.query<{ t: string; cols: string; uniq: boolean; prim: boolean }>(
    `SELECT t.relname t, i.indisunique uniq, i.indisprimary prim,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) cols
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> ${skip}`,
  );
  const indexes = new Set(idx.rows.map((r) => `${r.t} ${r.prim ? "primary" : r.uniq ? "unique" : "normal"} (${r.cols})`));

  const fk = await pg.query<{ t: string; cols: string; rt: string; rcols: string; del: string }>(
    `SELECT c.conrelid::regclass::text t, rt.relname rt, c.confdeltype del,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) cols,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) rcols
       FROM pg_constraint c JOIN pg_class rt ON rt.oid = c.confrelid WHERE c.contype = 'f'`,
  );
  const fks = new Set(fk.rows.map((r) => `${r.t.replace(/"/g, "")}(${r.cols}) -> ${r.rt}(${r.rcols}) on delete ${r.del}`));

  const en = await pg.query<{ name: string; vals: string }>(
    `SELECT t.typname name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) vals
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  const enums = new Set(en.rows.map((r) => `${r.name}: ${r.vals}`));
  return { columns, indexes, fks, enums };
}

const sorted = (s: Set<string>) => [...s].sort();

describe("SQL migrations match schema.prisma", () => {
  let pg: PGlite;
  let prisma: PrismaClient;

  beforeAll(async () => {
    pg = new PGlite();
    await pg.waitReady;
    await migrate({ exec: async (sql) => void (await pg.exec(sql)), query: async (sql, p) => (await pg.query<any>(sql, p)).rows }, readMigrations());
    prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await pg?.close();
  });

  it("has every table and column, with the same types, nullability and defaults", async () => {
    expect(sorted((await actual(pg)).columns)).toEqual(sorted(expected().columns));
  });

  it("has the same primary keys, unique constraints and indexes", async () => {
    expect(sorted((await actual(pg)).indexes)).toEqual(sorted(expected().indexes));
  });

  it("has the same foreign keys and ON DELETE rules", async () => {
    expect(sorted((await actual(pg)).fks)).toEqual(sorted(expected().fks));
  });

  it("has the same enums", async () => {
    expect(sorted((await actual(pg)).enums)).toEqual(sorted(expected().enums));
  });

  it("reads and writes every model through the generated client", async () => {
    const now = new Date("2026-01-02T03:04:05.678Z");
    const user = await prisma.user.create({ data: { nickname: "Ann", participantCode: "PTEST001", username: "ann", email: "a@example.org", passwordHash: "h", locale: "ko", consentAt: now, lastSeenAt: now } });
    const scenario = await prisma.scenario.create({
      data: {
        slug: "s",
        locale: "en",
        title: "T",
        opening: "O",
        createdById: user.id,
        roles: { create: [0, 1, 2].map((position) => ({ position, name: `R${position}`, brief: "b", privateBrief: "p" })) },
        rounds: { create: [{ number: 1, question: "Q", options: { create: [{ index: 0, label: "A" }, { index: 1, label: "B", description: "d" }] } }] },
      },
    });
    const game = await prisma.customGame.create({ data: { code: "G12345", ownerId: user.id, scenarioId: scenario.id } });
    await prisma.scenario.update({ where: { id: scenario.id }, data: { customGameId: game.id } });
    const room = await prisma.room.create({
      data: { code: "ABC234", scenarioId: scenario.id, customGameId: game.id, createdById: user.id, hostId: user.id, totalRounds: 1, deadline: now, pausedAt: now, settings: { discussionSeconds: 300 }, startedAt: now, finishedAt: now },
    });
    const roomId = room.id;
    const userId = user.id;
    await prisma.seat.create({ data: { roomId, seat: 0, userId, roleIndex: 1, disconnectedAt: now } });
    await prisma.choice.create({ data: { roomId, round: 1, userId, seat: 0, choice: 1, confidence: 4 } });
    await prisma.consensus.create({ data: { roomId, round: 1, choice: 1, proposedById: userId } });
    await prisma.consensusVote.create({ data: { roomId, round: 1, userId, choice: 1 } });
    await prisma.consensusConfidence.create({ data: { roomId, round: 1, userId, confidence: 5 } });
    await prisma.phaseAck.create({ data: { roomId, round: 1, phase: "DISCUSSION", userId } });
    await prisma.phaseLog.create({ data: { roomId, phase: "INDIVIDUAL", round: 1, reason: "start", actorId: userId, leftAt: now } });
    await prisma.chatMessage.create({ data: { roomId, userId, round: 1, phase: "DISCUSSION", text: "hi", isMasked: false } });
    await prisma.memo.create({ data: { roomId, userId, text: "note" } });
    await prisma.voiceSession.create({ data: { roomId, userId, leftAt: now } });
    const recording = await prisma.recording.create({ data: { roomId, userId, round: 1, storageKey: "k", mimeType: "audio/webm", sizeBytes: 10, durationMs: 1000, startedAt: now } });
    await prisma.transcript.create({ data: { recordingId: recording.id, status: "DONE", text: "hello", language: "en", model: "m", attempts: 1 } });
    await prisma.aiGeneration.create({ data: { kind: "FEEDBACK", status: "OK", userId, roomId, round: 1, model: "m", promptVersion: "v1", input: { a: 1 }, output: { b: [1, 2] }, latencyMs: 5, promptTokens: 1, completionTokens: 2 } });
    await prisma.processedOperation.create({ data: { userId, opId: "op-1", scope: "test", status: 200, response: { ok: true } } });
    await prisma.withdrawal.create({ data: {} });

    const delegates: Record<string, { findMany(): Promise<Record<string, unknown>[]> }> = prisma as never;
    for (const model of dmmf.datamodel.models) {
      const key = model.name[0]!.toLowerCase() + model.name.slice(1);
      const rows = await delegates[key]!.findMany();
      expect(rows.length, `${model.name} rows`).toBeGreaterThan(0);
      const scalarNames = model.fields.filter((f) => f.kind !== "object").map((f) => f.name).sort();
      expect(Object.keys(rows[0]!).sort(), `${model.name} fields`).toEqual(scalarNames);
    }
    const back = await prisma.room.findUniqueOrThrow({ where: { id: roomId }, include: { scenario: { include: { rounds: { include: { options: true } } } } } });
    expect(back.settings).toEqual({ discussionSeconds: 300 });
    expect(back.deadline?.toISOString()).toBe(now.toISOString());
    expect(back.scenario.rounds[0]!.options.map((o) => o.label).sort()).toEqual(["A", "B"]);

    // Cascades: deleting the user removes their own rows, leaves the room with an empty seat.
    await prisma.user.delete({ where: { id: userId } });
    expect(await prisma.choice.count()).toBe(0);
    const seat = await prisma.seat.findFirstOrThrow({ where: { roomId } });
    expect(seat.userId).toBeNull();
  });
});
