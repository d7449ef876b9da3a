import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { forget, recall, remember } from "../remember";
import { DB_KEY, type DbHandle } from "./index";
import { migrate, readMigrations, type SqlRunner } from "./migrate";

export interface OpenDbOptions {
  /** PostgreSQL server URL; without it an embedded PGlite database is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files (`<dataDir>/pglite`). */
  dataDir: string;
  log: Logger;
  migrationsDir?: string;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Opens the database, applies pending migrations and makes the client reachable through
 * `db()`. Opening twice in one process returns the first handle.
 */
export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  const existing = recall<Promise<DbHandle>>(`${DB_KEY}:opening`);
  if (existing) return existing;
  const opening = remember(`${DB_KEY}:opening`, () => open(opts));
  try {
    const handle = await opening;
    remember(DB_KEY, () => handle);
    return handle;
  } catch (e) {
    forget(`${DB_KEY}:opening`);
    throw e;
  }
}

async function open({ databaseUrl, dataDir, log, migrationsDir }: OpenDbOptions): Promise<DbHandle> {
  const { PrismaClient } = await import("./generated/client");
  const migrations = readMigrations(migrationsDir);

  if (databaseUrl) {
    const pg = (await import("pg")).default;
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const runner: SqlRunner = {
        exec: async (sql) => void (await client.query(sql)),
        query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      };
      const applied = await migrate(runner, migrations);
      if (applied.length) log.info({ applied }, "applied migrations");
    } finally {
      await client.end();
    }
    const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE || 10), connectionTimeoutMillis: 5000 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on("error", (err) => log.warn({ err: err.message }, "database pool client error"));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    log.info({ kind: "postgres", host: new URL(databaseUrl).host }, "database ready");
    const names = new PreparedNames();
    return {
      prisma,
      kind: "postgres",
      statement: async <T,>(text: string, values: unknown[]) => (await pool.query({ name: names.of(text), text, values })).rows as T[],
      ping: async (timeoutMs = 2000) => {
        await withTimeout(prisma.$queryRawUnsafe("SELECT 1"), timeoutMs, "database ping");
      },
      close: async () => {
        await prisma.$disconnect().catch(() => undefined);
        await pool.end().catch(() => undefined);
      },
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = path.join(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  const runner: SqlRunner = {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T,>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
  const applied = await migrate(runner, migrations);
  if (applied.length) log.info({ applied }, "applied migrations");
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  log.info({ kind: "pglite", dir, ms: Date.now() - started }, "database ready (embedded PGlite)");
  return {
    prisma,
    kind: "pglite",
    // PGlite runs one thing at a time: a statement here waits for any open transaction to end.
    statement: async <T,>(text: string, values: unknown[]) => (await pglite.query<T>(text, values)).rows,
    ping: async (timeoutMs = 2000) => {
      await withTimeout(pglite.query("SELECT 1"), timeoutMs, "database ping");
    },
    close: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await pglite.close().catch(() => undefined);
    },
  };
}

/**
 * Names for prepared statements, one per statement text (a digest of it), so that PostgreSQL
 * parses and plans a statement once per connection instead of on every call. The game's hot
 * statements come in a few dozen shapes; past `limit` distinct texts, the rest go unnamed
 * (parsed each time) so that no connection keeps an unbounded set of prepared statements.
 */
export class PreparedNames {
  private readonly known = new Map<string, string>();
  constructor(private readonly limit = 256) {}
  of(text: string): string | undefined {
    const name = this.known.get(text);
    if (name !== undefined || this.known.size >= this.limit) return name;
    const made = `aedg_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    this.known.set(text, made);
    return made;
  }
}

/** Closes the process's database, if open. */
export async function closeDb(): Promise<void> {
  const handle = recall<DbHandle>(DB_KEY);
  forget(DB_KEY);
  forget(`${DB_KEY}:opening`);
  await handle?.close();
}
