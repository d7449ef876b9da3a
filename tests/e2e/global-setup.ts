import { existsSync } from "node:fs";
import path from "node:path";
import { startTestServer } from "../support/server";

/** The admin account the e2e server creates at start (tests make facilitators/researchers with it). */
export const E2E_ADMIN = { username: "e2eadmin", password: "e2e-admin-password" };

/**
 * Boots one real server (production build, fresh data directory) for the browser tests and
 * hands its URL to the test workers through E2E_BASE_URL (and the admin account through
 * E2E_ADMIN_USERNAME / E2E_ADMIN_PASSWORD). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, "..", "..");
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (`npm test` does).");
  const server = await startTestServer({ env: { ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password } });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_ADMIN_USERNAME = E2E_ADMIN.username;
  process.env.E2E_ADMIN_PASSWORD = E2E_ADMIN.password;
  process.env.E2E_DATA_DIR = server.dataDir;
  return async () => {
    await server.stop();
  };
}
