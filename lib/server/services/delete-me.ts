import { isOver, isPlaying } from "@/lib/domain/game";
import type { DeleteMeInput } from "@/lib/validation/research";
import { db, type Tx } from "../db";
import { logger } from "../logger";
import { emitRoomState } from "../realtime/emitter";
import { removeRecordingFiles } from "../storage/recordings";
import { readSnapshot, TX_OPTIONS } from "./room-command";
import { forgetRooms } from "./room-cache";
import { lockRoom } from "./room-state";
import { tickRoom } from "./room-timers";
import { revokeSessions } from "./revoke-sessions";

/** The nickname an account keeps after deletion without withdrawal. */
export const DELETED_NICKNAME = "deleted";

type SeatWithRoom = { id: string; room: { id: string; code: string; phase: Parameters<typeof isOver>[0] } };

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
 * Either way the person's seats in rooms still running are freed (the room pauses for a
 * newcomer, as after a released seat) and they stop hosting them. All database changes run
 * in one transaction (rooms locked as room commands lock them); afterwards their sessions are
 * revoked, their sockets closed and the affected rooms re-broadcast. Never throws for a user
 * who is already gone.
 */
const ANSWERED_IN_RUNNING_ROOMS_SQL = `
  SELECT r."id", r."code", r."phase"::text AS "phase" FROM "Room" r
  WHERE r."phase" NOT IN ('FINISHED', 'ABANDONED')
    AND (EXISTS (SELECT 1 FROM "Choice" c WHERE c."roomId" = r."id" AND c."userId" = $1)
      OR EXISTS (SELECT 1 FROM "ConsensusConfidence" f WHERE f."roomId" = r."id" AND f."userId" = $1))`;

export async function deleteMe(userId: string, { withdrawData }: DeleteMeInput): Promise<void> {
  const { storageKeys, liveRooms } = await db().$transaction(async (tx) => {
    const seats: SeatWithRoom[] = await tx.seat.findMany({ where: { userId }, select: { id: true, room: { select: { id: true, code: true, phase: true } } } });
    // Running rooms they left earlier still show their answers in the results (gone, on withdrawal).
    const answered = await tx.$queryRawUnsafe<SeatWithRoom["room"][]>(ANSWERED_IN_RUNNING_ROOMS_SQL, userId);
    const rooms = new Map([...seats.map((s) => s.room), ...answered].map((r) => [r.code, r]));
    // Same lock order as room commands: the room row first, one room at a time by code.
    for (const code of [...rooms.keys()].sort()) await lockRoom(tx, code);
    const live = [...rooms.values()].filter((r) => !isOver(r.phase));
    // Hosting passes to the lowest seat still taken by someone else (as when a host leaves), else
    // to nobody. Worked out first: deleting the user (withdrawal) clears hostId through its key.
    const hosted = live.length
      ? await tx.room.findMany({ where: { id: { in: live.map((r) => r.id) }, hostId: userId }, select: { id: true, seats: { where: { userId: { notIn: [userId] } }, orderBy: { seat: "asc" }, select: { userId: true } } } })
      : [];
    const keys = withdrawData ? await withdrawRows(tx, userId, seats) : await anonymise(tx, userId, seats);
    if (live.length) {
      for (const room of hosted) await tx.room.update({ where: { id: room.id }, data: { hostId: room.seats[0]?.userId ?? null } });
      // The seats changed outside a room command: a new version, so clients take the re-broadcast.
      await tx.room.updateMany({ where: { id: { in: live.map((r) => r.id) } }, data: { version: { increment: 1 } } });
    }
    return { storageKeys: keys, liveRooms: live };
  }, TX_OPTIONS);

  // Those rooms changed outside a room command: nothing this instance holds about them is current.
  forgetRooms(liveRooms.map((r) => r.code));
  await removeRecordingFiles(storageKeys);
  await revokeSessions(userId);
  for (const room of liveRooms) {
    try {
      emitRoomState(await readSnapshot(room.id));
      if (isPlaying(room.phase)) await tickRoom(room.code);
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, code: room.code }, "could not re-broadcast a room after an account deletion");
    }
  }
}

/** The seat a leaving person held: emptied; after the game started, marked as withdrawn when their data went too. */
async function freeSeats(tx: Tx, seats: SeatWithRoom[], opts: { onlyLive: boolean; markWithdrawn: boolean }): Promise<void> {
  for (const s of seats) {
    const over = isOver(s.room.phase);
    if (opts.onlyLive && over) continue;
    const waiting = s.room.phase === "WAITING";
    await tx.seat.update({
      where: { id: s.id },
      data: {
        userId: null,
        ready: false,
        connected: false,
        disconnectedAt: null,
        isWithdrawn: opts.markWithdrawn && !waiting,
        ...(waiting && { roleIndex: null }),
      },
    });
  }
}

/** Deletes every row of the person; returns the storage keys of their recordings. */
async function withdrawRows(tx: Tx, userId: string, seats: SeatWithRoom[]): Promise<string[]> {
  const recordings = await tx.recording.findMany({ where: { userId }, select: { storageKey: true } });
  await freeSeats(tx, seats, { onlyLive: false, markWithdrawn: true });
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

/** Turns the account into an anonymous husk that keeps its research rows; no files to remove. */
async function anonymise(tx: Tx, userId: string, seats: SeatWithRoom[]): Promise<string[]> {
  await freeSeats(tx, seats, { onlyLive: true, markWithdrawn: false });
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
