import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/fake-microphone";

// Debian's Chromium; Playwright's own browser download does not work here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS],
    },
  },
});
