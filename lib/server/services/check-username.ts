import { usernameSchema } from "@/lib/validation/user";
import { db } from "../db";

/** Whether `username` is valid and free. Never throws for a malformed name: it is simply not available. */
export async function checkUsername(username: string): Promise<{ available: boolean; reason?: string }> {
  const parsed = usernameSchema.safeParse(username);
  if (!parsed.success) return { available: false, reason: parsed.error.issues[0]?.message };
  const existing = await db().user.findUnique({ where: { username: parsed.data.toLowerCase() }, select: { id: true } });
  return existing ? { available: false, reason: "taken" } : { available: true };
}
