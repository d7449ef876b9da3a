import type { ConsentInput, Me } from "@/lib/validation/user";
import { db } from "../db";
import { toMe } from "./users";

/** Records the caller's data and voice-recording consent, with the time it was given or changed. */
export async function updateConsent(userId: string, input: ConsentInput): Promise<Me> {
  const user = await db().user.update({
    where: { id: userId },
    data: { dataConsent: input.dataConsent, voiceConsent: input.voiceConsent, consentAt: new Date() },
  });
  return toMe(user);
}
