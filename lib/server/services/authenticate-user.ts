import { verifyPassword } from "../auth/password";
import { db } from "../db";
import type { User } from "../db/generated/client";

/**
 * The registered user with this username and password, or null. An unknown user and a
 * wrong password take the same time and give the same answer.
 */
export async function authenticateUser(username: string, password: string): Promise<User | null> {
  const user = await db().user.findUnique({ where: { username: username.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash);
  return ok && user && !user.isGuest ? user : null;
}
