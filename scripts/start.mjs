// `npm start`: builds the app if there is no production build yet, then runs server.ts
// in production mode in this process.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

process.env.NODE_ENV = "production";
if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build found: running `next build` first (this takes a minute or two)…");
  const r = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { register } = await import("tsx/esm/api");
register();
await import("../server.ts");
