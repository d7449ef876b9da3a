import type { SessionUser } from "../auth/session";
import { isAppError } from "../errors";
import { consumeAll, giveBackAll, type LimitName } from "../rate-limit";
import { clientAddress } from "../request-client";

/**
 * Runs a look-up of a room code by an outsider (someone neither seated in the room nor
 * managing it): GET /api/rooms/:code, a subscription, taking a seat. Such look-ups are how a
 * private room's code could be guessed, so they are counted per user and per address before
 * they run (RATE_LIMITED once past the limit, whatever the code, so the answer tells nothing);
 * a look-up that led to a room gives its count back, so only codes that lead nowhere
 * (NOT_FOUND) count. `isMember`, asked only when the limit refuses, lets the room's own
 * players and managers through regardless.
 */
export async function outsiderLookup<T>(user: SessionUser, lookup: () => Promise<T>, isMember?: () => Promise<boolean>): Promise<T> {
  const ip = clientAddress();
  const limits: [LimitName, string][] = [["roomCodeUser", user.id], ...(ip ? [["roomCodeAddress", ip] as [LimitName, string]] : [])];
  try {
    await consumeAll(limits);
  } catch (e) {
    if (isMember && (await isMember())) return lookup();
    throw e;
  }
  try {
    const result = await lookup();
    await giveBackAll(limits);
    return result;
  } catch (e) {
    if (!isAppError(e) || e.code !== "NOT_FOUND") await giveBackAll(limits);
    throw e;
  }
}
