import { createHmac } from "node:crypto";

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export interface IceConfig {
  iceServers: IceServer[];
  /** Seconds the TURN credentials stay valid (clients refresh before then). */
  ttl: number;
}

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** What is configured: STUN_URLS, TURN_URLS + TURN_SECRET (coturn's `use-auth-secret`), TURN_TTL_SECONDS. */
export function iceSettings() {
  return {
    stun: list(process.env.STUN_URLS),
    turn: list(process.env.TURN_URLS),
    hasSecret: !!process.env.TURN_SECRET,
    ttl: Math.max(60, Number(process.env.TURN_TTL_SECONDS) || 3600),
  };
}

/**
 * coturn's REST-API credentials: username "<expiry unix seconds>:<userId>",
 * credential base64(HMAC-SHA1(secret, username)). Pure; the secret never leaves the server.
 */
export function turnCredentials(secret: string, userId: string, nowMs: number, ttlSeconds: number): { username: string; credential: string } {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${userId}`;
  return { username, credential: createHmac("sha1", secret).update(username).digest("base64") };
}

/** The ICE servers for one user: STUN as configured, TURN with fresh short-lived credentials. Nothing configured → none (LAN/loopback). */
export function iceConfigFor(userId: string, nowMs = Date.now()): IceConfig {
  const s = iceSettings();
  const iceServers: IceServer[] = [];
  if (s.stun.length) iceServers.push({ urls: s.stun });
  if (s.turn.length && s.hasSecret) iceServers.push({ urls: s.turn, ...turnCredentials(process.env.TURN_SECRET!, userId, nowMs, s.ttl) });
  return { iceServers, ttl: s.ttl };
}
