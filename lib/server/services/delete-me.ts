import { isOver } from "@/lib/domain/game";
import type { DeleteMeInput } from "@/lib/validation/research";
import { db, type Tx } from "../db";
import { logger } from "../logger";
import { emitRoomState } from "../realtime/emitter";
import { removeRecordingFiles } from "../storage/recordings";
import { publishCommitted, readSnapshot, roomCommandInTransaction, TX_OPTIONS, type CommandInTransaction } from "./room-command";
import { forgetRooms } from "./room-cache";
import { lockRoom } from "./room-state";
import { revokeSessions } from "./revoke-sessions";

/** The nickname an account keeps after deletion without withdrawal. */
export const DELETED_NICKNAME = "deleted";

type SeatWithRoom = { id: string; room: { id: string; code: string; phase: Parameters<typeof isOver>[0] } };

/**
 * The rooms an account deletion changes: those where the person has a seat, and the running
 * ones they host or whose current state holds something of theirs (an answer, a vote, an
 * acknowledgement: gone on withdrawal).
 */
const AFFECTED_ROOMS_SQL = `
  SELECT r."id", r."code" FROM "Room" r
  WHERE EXISTS (SELECT 1 FROM "Seat" s WHERE s."roomId" = r."id" AND s."userId" = $1)
    OR (r."phase" NOT IN ('FINISHED', 'ABANDONED') AND (r."hostId" = $1
      OR EXISTS (SELECT 1 FROM "Choice" c WHERE c."roomId" = r."id" AND c."userId" = $1)
      OR EXISTS (SELECT 1 FROM "ConsensusVote" v WHERE v."roomId" = r."id" AND v."userId" = $1)
      OR EXISTS (SELECT 1 FROM "ConsensusConfidence" f WHERE f."roomId" = r."id" AND f."userId" = $1)
      OR EXISTS (SELECT 1 FROM "PhaseAck" a WHERE a."roomId" = r."id" AND a."userId" = $1)))`;

/**
 * Deletes the caller's account (`DELETE /api/users/me`), in one of two ways:
 *
 * - `withdrawData: true` (withdrawal, SECURITY.md 38): every row the person left is deleted —
 *   choices, consensus votes and confidences, chat messages, memos, phase acks, voice sessions,
 *   recordings (rows, and after the commit their files under `<DATA_DIR>/recordings/`; a
 *   missing file is fine), AI generations, processed operations — then the user row itself.
 *   Other players' rooms stay consistent: the person's seat is emptied and marked
 *   `isWithdrawn` (in a room that has started; in a waiting room it is simply freed), a
 *   consensus they proposed keeps its choice with no proposer, phase-log entries they caused
 *   lose their actor. One `Withdrawal` row records that a withdrawal happened, never by whom.
 * - `withdrawData: false` (delete the account, keep the research data): choices and the
 *   other research rows cascade when a user row is deleted, so the account is anonymised
 *   instead of deleted. username, email and password hash become null, nickname "deleted",
 *   isGuest true, role PLAYER, locale null, and the session version moves on: no credentials
 *   lead to it and guest sign-in always makes a new user, so nobody can ever sign in as it
 *   again. Its rows stay under the same participant code (and the consent it had). Its private
 *   memos and stored command answers are deleted (not research data).
 *
 * Either way the person's seats in rooms still running are given up through the room engine,
 * as a leave with the reason `withdrew` or `deleted` (version raised, phase log
 * `seat_withdrew:<seat>` / `seat_deleted:<seat>`, hosting handed over, the room paused for a
 * newcomer), so the other players see the seat empty at once. All database changes run in one
 * transaction (rooms locked in code order, as room commands lock them); afterwards the
 * person's sessions are revoked, their sockets closed, and every room that changed is
 * broadcast with a new version. Never throws for a user who is already gone.
 */
export async function deleteMe(userId: string, { withdrawData }: DeleteMeInput): Promise<void> {
  const { storageKeys, commands, touched } = await db().$transaction(async (tx) => {
    const affected = await tx.$queryRawUnsafe<{ id: string; code: string }[]>(AFFECTED_ROOMS_SQL, userId);
    // Same lock order as room commands: the room row first, one room at a time by code.
    const codes = affected.map((r) => r.code).sort();
    for (const code of codes) await lockRoom(tx, code);
    // Read under the locks: the rooms' phases and seats can no longer change.
    const seats: SeatWithRoom[] = await tx.seat.findMany({ where: { userId }, select: { id: true, room: { select: { id: true, code: true, phase: true } } } });
    const commands: CommandInTransaction[] = [];
    for (const seat of seats) {
      if (isOver(seat.room.phase)) continue;
      const reason = withdrawData ? "withdrew" : "deleted";
      commands.push(await roomCommandInTransaction(tx, seat.room.code, `${reason} ${seat.room.code}`, () => ({ type: "leave", userId, reason })));
    }
    const commanded = new Set(commands.map((c) => c.code));
    // A running room they host without a seat (they opened it and never sat down) passes to its lowest seat taken.
    await tx.$executeRawUnsafe(
      `UPDATE "Room" r SET "hostId" = (SELECT s."userId" FROM "Seat" s WHERE s."roomId" = r."id" AND s."userId" IS NOT NULL AND s."userId" <> $1 ORDER BY s."seat" LIMIT 1)
       WHERE r."hostId" = $1 AND r."phase" NOT IN ('FINISHED', 'ABANDONED')`,
      userId,
    );
    const over = seats.filter((s) => isOver(s.room.phase));
    const keys = withdrawData ? await withdrawRows(tx, userId, over) : await anonymise(tx, userId);
    // The other rooms changed outside a room command (answers gone, a finished room's seat
    // emptied, a nickname now "deleted"): a new version, so clients take the re-broadcast and
    // every instance reads them again.
    const touched = affected.filter((r) => !commanded.has(r.code));
    if (touched.length) await tx.room.updateMany({ where: { id: { in: touched.map((r) => r.id) } }, data: { version: { increment: 1 } } });
    return { storageKeys: keys, commands, touched };
  }, TX_OPTIONS);

  forgetRooms(touched.map((r) => r.code));
  await removeRecordingFiles(storageKeys);
  await revokeSessions(userId);
  for (const command of commands) await publishCommitted(command);
  for (const room of touched) {
    try {
      emitRoomState(await readSnapshot(room.id));
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, code: room.code }, "could not re-broadcast a room after an account deletion");
    }
  }
}

/** Deletes every row of the person; returns the storage keys of their recordings. `over`: their seats in finished rooms, emptied and marked. */
async function withdrawRows(tx: Tx, userId: string, over: SeatWithRoom[]): Promise<string[]> {
  const recordings = await tx.recording.findMany({ where: { userId }, select: { storageKey: true } });
  // The game is over there (no more moves): the seat is emptied and says why.
  if (over.length) await tx.seat.updateMany({ where: { id: { in: over.map((s) => s.id) } }, data: { userId: null, ready: false, connected: false, disconnectedAt: null, isWithdrawn: true } });
  await tx.consensus.updateMany({ where: { proposedById: userId }, data: { proposedById: null } });
  await tx.phaseLog.updateMany({ where: { actorId: userId }, data: { actorId: null } });
  const byUser = { where: { userId } };
  await tx.choice.deleteMany(byUser);
  await tx.consensusVote.deleteMany(byUser);
  await tx.consensusConfidence.deleteMany(byUser);
  await tx.chatMessage.deleteMany(byUser);
  await tx.memo.deleteMany(byUser);
  await tx.phaseAck.deleteMany(byUser);
  await tx.voiceSession.deleteMany(byUser);
  await tx.recording.deleteMany(byUser);
  await tx.aiGeneration.deleteMany(byUser);
  await tx.processedOperation.deleteMany(byUser);
  await tx.withdrawal.create({ data: {} });
  await tx.user.deleteMany({ where: { id: userId } });
  return recordings.map((r) => r.storageKey);
}

/** Turns the account into an anonymous husk that keeps its research rows (and its seats in finished rooms); no files to remove. */
async function anonymise(tx: Tx, userId: string): Promise<string[]> {
  await tx.memo.deleteMany({ where: { userId } });
  await tx.processedOperation.deleteMany({ where: { userId } });
  await tx.user.updateMany({
    where: { id: userId },
    data: {
      username: null,
      email: null,
      passwordHash: null,
      nickname: DELETED_NICKNAME,
      isGuest: true,
      role: "PLAYER",
      locale: null,
      lastSeenAt: null,
      sessionVersion: { increment: 1 },
    },
  });
  return [];
}
