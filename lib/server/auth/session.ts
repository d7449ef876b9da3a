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

/** The signed-in user for a raw Cookie header (socket handshakes). */
export async function userFromCookieHeader(cookieHeader: string | undefined): Promise<SessionUser | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader) as Record<string, string>;
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: process.env.NEXTAUTH_SECRET });
  return userFromToken(token);
}
