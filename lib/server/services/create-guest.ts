import type { User } from "../db/generated/client";
import { insertUser } from "./users";

/** Creates a guest user with this nickname (already validated). */
export async function createGuest(nickname: string, locale?: string): Promise<User> {
  return insertUser({ nickname, isGuest: true, locale: locale === "ko" || locale === "en" ? locale : null });
}
