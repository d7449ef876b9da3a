import { usernameSchema, passwordSchema } from "@/lib/validation/user";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { insertUser } from "./users";

/**
 * Makes sure an ADMIN with this username exists: creates it, or promotes an existing user
 * (keeping their password unless `resetPassword`). Throws on an invalid username or password.
 */
export async function ensureAdmin(username: string, password: string, opts: { resetPassword?: boolean } = {}): Promise<{ created: boolean; promoted: boolean }> {
  const name = usernameSchema.parse(username).toLowerCase();
  passwordSchema.parse(password);
  const existing = await db().user.findUnique({ where: { username: name } });
  if (!existing) {
    await insertUser({ username: name, nickname: username, passwordHash: await hashPassword(password), role: "ADMIN", isGuest: false });
    return { created: true, promoted: false };
  }
  const promoted = existing.role !== "ADMIN";
  if (promoted || opts.resetPassword) {
    await db().user.update({
      where: { id: existing.id },
      data: {
        role: "ADMIN",
        sessionVersion: { increment: 1 },
        ...(opts.resetPassword && { passwordHash: await hashPassword(password) }),
      },
    });
  }
  return { created: false, promoted };
}
