import type { ResearchCleanupInput } from "@/lib/validation/research";
import { db } from "../db";
import type { Prisma } from "../db/generated/client";
import { removeRecordingFiles } from "../storage/recordings";
import { TX_OPTIONS } from "./room-command";
import type { CleanupCounts } from "@/lib/domain/research-views";

export type { CleanupCounts };

/**
 * Deletes test data: every room marked as a test room and, with `before`, every ABANDONED
 * room created before that instant, with all their rows (one transaction), then the files of
 * their recordings. Answers how many rows went from each table. Users are never deleted.
 */
export async function cleanupResearchData(input: ResearchCleanupInput): Promise<{ deleted: CleanupCounts }> {
  const where: Prisma.RoomWhereInput = input.before ? { OR: [{ isTest: true }, { phase: "ABANDONED", createdAt: { lt: input.before } }] } : { isTest: true };
  const { deleted, storageKeys } = await db().$transaction(async (tx) => {
    const rooms = await tx.room.findMany({ where, select: { id: true } });
    const ids = rooms.map((r) => r.id);
    const byRoom = { where: { roomId: { in: ids } } };
    const recordings = await tx.recording.findMany({ ...byRoom, select: { storageKey: true } });
    const [seats, choices, consensuses, consensusVotes, consensusConfidences, phaseAcks, phaseLogs, chatMessages, memos, voiceSessions, aiGenerations] = await Promise.all([
      tx.seat.count(byRoom),
      tx.choice.count(byRoom),
      tx.consensus.count(byRoom),
      tx.consensusVote.count(byRoom),
      tx.consensusConfidence.count(byRoom),
      tx.phaseAck.count(byRoom),
      tx.phaseLog.count(byRoom),
      tx.chatMessage.count(byRoom),
      tx.memo.count(byRoom),
      tx.voiceSession.count(byRoom),
      tx.aiGeneration.count(byRoom),
    ]);
    // Every other row of these rooms goes with them (onDelete: Cascade).
    const removed = await tx.room.deleteMany({ where: { id: { in: ids } } });
    return {
      deleted: { rooms: removed.count, seats, choices, consensuses, consensusVotes, consensusConfidences, phaseAcks, phaseLogs, chatMessages, memos, voiceSessions, recordings: recordings.length, aiGenerations },
      storageKeys: recordings.map((r) => r.storageKey),
    };
  }, TX_OPTIONS);
  await removeRecordingFiles(storageKeys);
  return { deleted };
}
