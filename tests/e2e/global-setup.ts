import { existsSync } from "node:fs";
import path from "node:path";
import { startTestServer } from "../support/server";

/**
 * Boots one real server (production build, fresh data directory) for the browser tests and
 * hands its URL to the test workers through E2E_BASE_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, "..", "..");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (`npm test` does).");
  const server = await startTestServer();
  process.env.E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
  };
}
