import type { Me, RegisterInput } from "@/lib/validation/user";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { AppError, prismaErrorCode } from "../errors";
import { insertUser, toMe } from "./users";

/**
 * Creates a registered PLAYER with a bcrypt-hashed password.
 * Throws USERNAME_TAKEN (409) when the username or email is in use (case-insensitive).
 */
export async function registerUser(input: RegisterInput): Promise<Me> {
  const username = input.username.toLowerCase();
  const taken = await db().user.findFirst({
    where: { OR: [{ username }, ...(input.email ? [{ email: input.email.toLowerCase() }] : [])] },
    select: { id: true },
  });
  if (taken) throw new AppError("USERNAME_TAKEN", "That username or email is already registered.");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await insertUser({
      username,
      email: input.email?.toLowerCase() ?? null,
      passwordHash,
      nickname: input.nickname ?? input.username,
      isGuest: false,
    });
    return toMe(user);
  } catch (e) {
    if (prismaErrorCode(e) === "P2002") throw new AppError("USERNAME_TAKEN", "That username or email is already registered.");
    throw e;
  }
}
