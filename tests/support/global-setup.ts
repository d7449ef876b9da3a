import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** Integration tests run the production build; say so when there is none, and check that PostgreSQL answers when asked for. */
export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.warn("No production build: tests that boot the server will fail. Run `npm run build` first (`npm test` does).");
  }
  if (process.env.TEST_DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.end();
    console.log(`integration tests run against PostgreSQL at ${new URL(process.env.TEST_DATABASE_URL).host}`);
  } else {
    console.log("integration tests run against embedded PGlite (set TEST_DATABASE_URL for a PostgreSQL server)");
  }
}
