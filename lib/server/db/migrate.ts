import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The two things the runner needs from a driver: run a script, and query rows. */
export interface SqlRunner {
  /** Runs one or more statements (no parameters). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChangedError extends Error {
  constructor(readonly migration: string) {
    super(`Migration ${migration} was changed after it was applied. Restore the file, or add a new migration instead of editing an applied one.`);
    this.name = "MigrationChangedError";
  }
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const LOCK_KEY = 7_270_736_901;

/** Reads `<dir>/<name>/migration.sql` in name order. */
export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies every migration not yet applied, each in its own transaction, and records it
 * with its checksum. Refuses (MigrationChangedError) when an applied migration's file
 * changed. Holds an advisory lock so that instances starting together apply each once.
 * Returns the names it applied.
 */
export async function migrate(runner: SqlRunner, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await runner.exec(
    `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`,
  );
  await runner.query(`SELECT pg_advisory_lock($1)`, [LOCK_KEY]);
  try {
    const rows = await runner.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_app_migrations"`);
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const m of migrations) {
      const known = applied.get(m.name);
      if (known !== undefined && known !== m.checksum) throw new MigrationChangedError(m.name);
    }
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await runner.exec("BEGIN");
      try {
        await runner.exec(m.sql);
        await runner.query(`INSERT INTO "_app_migrations" ("name", "checksum") VALUES ($1, $2)`, [m.name, m.checksum]);
        await runner.exec("COMMIT");
      } catch (e) {
        await runner.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await runner.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]);
  }
}
