import { db } from "../db";
import { disconnectUserSockets } from "../realtime/emitter";

/**
 * Makes every session cookie this user holds stop working (the session version moves on)
 * and disconnects their sockets. Used by sign-out, role changes, deletion and withdrawal.
 */
export async function revokeSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  disconnectUserSockets(userId);
}
