import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { guestSignInSchema, signInSchema } from "@/lib/validation/user";
import { logger } from "../logger";
import { authenticateUser } from "../services/authenticate-user";
import { createGuest } from "../services/create-guest";
import { revokeSessions } from "../services/revoke-sessions";
import { guardAuthorize } from "./sign-in-trouble";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

interface AuthUser {
  id: string;
  name: string;
  sv: number;
}

/**
 * next-auth configuration. The JWT carries only the user id, nickname and session version;
 * role and everything else are read from the database on each request (lib/server/auth/session.ts),
 * so a client cannot raise its own role and a role change takes effect at once.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username and password",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) =>
          guardAuthorize(async () => {
            const parsed = signInSchema.safeParse(credentials ?? {});
            if (!parsed.success) return null;
            const user = await authenticateUser(parsed.data.username, parsed.data.password);
            if (!user) return null;
            return { id: user.id, name: user.nickname, sv: user.sessionVersion } satisfies AuthUser;
          }),
      }),
      CredentialsProvider({
        id: "guest",
        name: "Guest",
        credentials: { nickname: { label: "Nickname", type: "text" }, locale: { label: "Locale", type: "text" } },
        authorize: (credentials) =>
          guardAuthorize(async () => {
            const parsed = guestSignInSchema.safeParse({ nickname: credentials?.nickname });
            if (!parsed.success) return null;
            const user = await createGuest(parsed.data.nickname, credentials?.locale);
            return { id: user.id, name: user.nickname, sv: user.sessionVersion } satisfies AuthUser;
          }),
      }),
    ],
    callbacks: {
      // Only whitelisted fields survive; `trigger: "update"` data from the client is ignored.
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as AuthUser;
          return { sub: u.id, name: u.name, sv: u.sv };
        }
        return { sub: token.sub, name: token.name, sv: token.sv, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      async session({ session, token }) {
        return { ...session, user: { id: token.sub, name: token.name } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await revokeSessions(token.sub);
      },
    },
    logger: {
      error: (code, metadata) => logger().warn({ code, err: metadata instanceof Error ? metadata.message : undefined }, "next-auth error"),
      warn: (code) => logger().debug({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
}
