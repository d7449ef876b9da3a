import { parse as parseCookies } from "cookie";
import type { JWT } from "next-auth/jwt";
import { getToken } from "next-auth/jwt";
import { db } from "../db";
import type { User } from "../db/generated/client";

export type SessionUser = User;

/**
 * The user a decoded session token stands for, or null when the token is missing, its
 * user is gone, or its session version is older than the user's (signed out, role changed,
 * deleted, withdrawn).
 */
export async function userFromToken(token: JWT | null): Promise<SessionUser | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  const user = await db().user.findUnique({ where: { id: token.sub } });
  if (!user || user.sessionVersion !== token.sv) return null;
  return user;
}

/** The signed-in user of a request (route handlers), checked against the database. */
export async function getSessionUser(req: { headers: Headers }): Promise<SessionUser | null> {
  return userFromCookieHeader(req.headers.get("cookie") ?? undefined);
}

/**
 * Decoded session tokens by their encrypted text. Decoding one derives the key (HKDF) and
 * decrypts it, about a millisecond and a half of CPU on every request of a playing client;
 * the same text always decodes to the same claims, so each is decoded once. Expired ones are
 * dropped when met, and the oldest go first past the limit. Revocation does not depend on
 * this: `userFromToken` still checks the session version against the database each time.
 */
const decoded = new Map<string, JWT>();
const DECODED_MAX = 10_000;

async function decodeSessionCookies(cookies: Record<string, string>): Promise<JWT | null> {
  const key = Object.keys(cookies)
    .filter((name) => name.includes("next-auth.session-token"))
    .sort()
    .map((name) => `${name}=${cookies[name]}`)
    .join(";");
  if (!key) return null;
  const hit = decoded.get(key);
  if (hit) {
    if (typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return hit;
    decoded.delete(key);
  }
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: process.env.NEXTAUTH_SECRET });
  if (token && typeof token.exp === "number") {
    decoded.set(key, token);
    if (decoded.size > DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  }
  return token;
}

/** The signed-in user for a raw Cookie header (socket handshakes). */
export async function userFromCookieHeader(cookieHeader: string | undefined): Promise<SessionUser | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader) as Record<string, string>;
  return userFromToken(await decodeSessionCookies(cookies));
}
