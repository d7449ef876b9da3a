import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Creates an empty database on the PostgreSQL server of TEST_DATABASE_URL and returns its URL.
 * Every test server gets its own, so suites never see each other's rows.
 */
export async function createTestDatabase(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `aedg_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
