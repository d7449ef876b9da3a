import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, MigrationChangedError, readMigrations, type Migration, type SqlRunner } from "@/lib/server/db/migrate";

const runnerFor = (pg: PGlite): SqlRunner => ({
  exec: async (sql) => void (await pg.exec(sql)),
  query: async (sql, params) => (await pg.query<any>(sql, params)).rows,
});
const m = (name: string, sql: string): Migration => ({ name, sql, checksum: `sum-of-${sql}` });

describe("migration runner", () => {
  let pg: PGlite | undefined;
  afterEach(async () => {
    await pg?.close();
    pg = undefined;
  });

  it("applies the project's migrations once and records them", async () => {
    pg = new PGlite();
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(runnerFor(pg), all)).toEqual(all.map((x) => x.name));
    expect(await migrate(runnerFor(pg), all)).toEqual([]);
    const rows = await pg.query<{ name: string }>(`SELECT name FROM "_app_migrations" ORDER BY name`);
    expect(rows.rows.map((r) => r.name)).toEqual(all.map((x) => x.name));
  });

  it("refuses to start when an applied migration's file changed", async () => {
    pg = new PGlite();
    await migrate(runnerFor(pg), [m("001_a", "CREATE TABLE a (id int)")]);
    await expect(migrate(runnerFor(pg), [m("001_a", "CREATE TABLE a (id bigint)")])).rejects.toBeInstanceOf(MigrationChangedError);
  });

  it("applies only new migrations, in name order", async () => {
    pg = new PGlite();
    await migrate(runnerFor(pg), [m("001_a", "CREATE TABLE a (id int)")]);
    const applied = await migrate(runnerFor(pg), [m("001_a", "CREATE TABLE a (id int)"), m("003_c", "ALTER TABLE b ADD COLUMN x int"), m("002_b", "CREATE TABLE b (id int)")].sort((x, y) => x.name.localeCompare(y.name)));
    expect(applied).toEqual(["002_b", "003_c"]);
  });

  it("rolls a failed migration back whole and does not record it", async () => {
    pg = new PGlite();
    await expect(migrate(runnerFor(pg), [m("001_bad", "CREATE TABLE ok (id int); CREATE TABLE broken (id nosuchtype)")])).rejects.toThrow(/001_bad/);
    const tables = await pg.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'ok'`);
    expect(tables.rows).toHaveLength(0);
    const recorded = await pg.query(`SELECT 1 FROM "_app_migrations"`);
    expect(recorded.rows).toHaveLength(0);
  });
});
