import type { Me, UpdateMeInput } from "@/lib/validation/user";
import { db } from "../db";
import { toMe } from "./users";

/** Changes the caller's nickname and/or locale. */
export async function updateMe(userId: string, input: UpdateMeInput): Promise<Me> {
  const user = await db().user.update({
    where: { id: userId },
    data: { ...(input.nickname !== undefined && { nickname: input.nickname }), ...(input.locale !== undefined && { locale: input.locale }) },
  });
  return toMe(user);
}
