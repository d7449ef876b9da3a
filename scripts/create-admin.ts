// npm run create-admin -- <username>  (password from ADMIN_PASSWORD, or asked for on the terminal)
// Creates an ADMIN account, or promotes an existing user. There are no default credentials.
import { createInterface } from "node:readline/promises";
import { ensureAdmin } from "../lib/server/services/ensure-admin";
import { withDb } from "./cli-db";

async function main() {
  const username = process.argv[2] ?? process.env.ADMIN_USERNAME;
  if (!username) throw new Error("Usage: npm run create-admin -- <username>   (password from ADMIN_PASSWORD or typed in)");
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new Error("Set ADMIN_PASSWORD, or run this in a terminal to type the password.");
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Password (at least 8 characters): ");
    rl.close();
  }
  await withDb(async () => {
    const r = await ensureAdmin(username, password!, { resetPassword: true });
    console.log(r.created ? `created admin ${username}` : `${username} is now an admin${r.promoted ? "" : " (password reset)"}`);
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
