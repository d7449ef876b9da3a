import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";

export const MIN_SECRET_LENGTH = 32;

/**
 * Makes sure NEXTAUTH_SECRET is set: a configured one must be at least 32 characters;
 * without one, a random secret is generated once, kept in `<dataDir>/nextauth-secret`
 * (mode 0600) and reused on later starts.
 */
export function ensureAuthSecret(dataDir: string, log: Logger): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new Error(`NEXTAUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (it is ${configured.length}). Generate one with: openssl rand -base64 48`);
    }
    return configured;
  }
  const file = path.join(dataDir, "nextauth-secret");
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters; delete it to generate a new one.`);
    log.info({ file }, "NEXTAUTH_SECRET not set: using the secret generated earlier");
  } else {
    mkdirSync(dataDir, { recursive: true });
    secret = randomBytes(48).toString("base64url");
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    log.warn({ file }, "NEXTAUTH_SECRET not set: generated a random secret and stored it (mode 0600). Set NEXTAUTH_SECRET in production.");
  }
  chmodSync(file, 0o600);
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
