import { closeDb, openDb } from "../lib/server/db/open";
import { readEnv } from "../lib/server/env";
import { logger } from "../lib/server/logger";

/**
 * Opens the database the server would use (DATABASE_URL, else PGlite under DATA_DIR), runs
 * `fn`, and closes it. PGlite allows one process at a time: stop the server first.
 */
export async function withDb(fn: () => Promise<void>): Promise<void> {
  const env = readEnv();
  await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, log: logger() });
  try {
    await fn();
  } finally {
    await closeDb();
  }
}
