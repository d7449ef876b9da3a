import type { Readable } from "node:stream";
import { isRecordingAllowed } from "@/lib/domain/recording";
import type { RecordingFields } from "@/lib/validation/voice";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { queueTranscription } from "./transcription";
import type { ReceivedFile } from "../http/receive-upload";
import { remember } from "../remember";
import { deleteRecording, newRecordingKey, openRecording, saveRecordingFile, sniffAudio } from "../storage/recordings";
import { TX_OPTIONS } from "./room-command";

export const recordingLimits = () => ({
  maxBytes: Number(process.env.RECORDING_MAX_BYTES) || 25 * 1024 * 1024,
  quotaBytes: Number(process.env.RECORDING_QUOTA_BYTES) || 500 * 1024 * 1024,
  /** Uploads received at the same time from one user, and in all, by this instance. */
  atOncePerUser: Number(process.env.UPLOADS_AT_ONCE_PER_USER) || 2,
  atOnce: Number(process.env.UPLOADS_AT_ONCE) || 8,
});

/** Uploads being received now, per user and in all (this process; one module copy serves the route). */
const receiving = () => remember("uploads-receiving", () => ({ total: 0, byUser: new Map<string, number>() }));

/**
 * Takes one of the upload slots: at most `atOncePerUser` uploads of one user and `atOnce` in
 * all are received at a time (each holds a connection and a file being written), so a burst
 * cannot tie up the server. RATE_LIMITED (Retry-After a few seconds; clients try again) when
 * none is free. Answers the release, to call once the upload is done, whatever happened.
 */
export function takeUploadSlot(userId: string): () => void {
  const { atOncePerUser, atOnce } = recordingLimits();
  const now = receiving();
  const mine = now.byUser.get(userId) ?? 0;
  if (mine >= atOncePerUser || now.total >= atOnce) throw new AppError("RATE_LIMITED", "Too many uploads at once. Try again in a moment.", { retryAfterSeconds: 5 });
  now.total++;
  now.byUser.set(userId, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    now.total--;
    const left = (now.byUser.get(userId) ?? 1) - 1;
    if (left > 0) now.byUser.set(userId, left);
    else now.byUser.delete(userId);
  };
}

export interface RecordingView {
  id: string;
  roomCode: string;
  round: number;
  mimeType: string;
  sizeBytes: number;
  durationMs: number;
  startedAt: string;
  createdAt: string;
}

/**
 * Stores one player's recording of one round, from the upload as received (a file on the
 * disk, streamed to storage). The uploader must sit in the room (NOT_FOUND otherwise, as for a
 * missing room), the round must have begun, the room must record (everyone seated gave
 * voice-recording consent: lib/domain/recording; CONSENT_REQUIRED otherwise), the file must be
 * WebM, Ogg or MP4 audio by its bytes (415 otherwise), and within the per-user quota (413). The
 * quota is checked again, with the user's row locked, in the transaction that adds the
 * recording, so uploads at the same time cannot together pass it. A retry of the same upload
 * (same round and start time) answers the first recording.
 */
export async function uploadRecording(user: SessionUser, fields: RecordingFields, file: ReceivedFile): Promise<RecordingView> {
  const room = await db().room.findUnique({ where: { code: fields.roomCode }, include: { seats: { include: { user: { select: { voiceConsent: true } } } } } });
  // Someone not seated in the room learns nothing of it: the answer of a missing room.
  if (!room || !room.seats.some((s) => s.userId === user.id)) throw new AppError("NOT_FOUND", "No room with that code.");
  if (fields.round > room.round) throw new AppError("ROUND_MISMATCH", "That round has not begun.");
  // The rule the room's snapshot shows players (isRecordingAllowed): a round is recorded only
  // while everyone seated agreed, so nothing recorded otherwise is kept.
  const seats = room.seats.map((s) => ({ userId: s.userId, voiceConsent: s.user?.voiceConsent ?? false }));
  if (!user.voiceConsent || !isRecordingAllowed(seats)) throw new AppError("CONSENT_REQUIRED", "Recording needs every player's voice-recording consent.");
  const kind = sniffAudio(file.head);
  if (!kind) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload WebM, Ogg or MP4 audio.");
  const startedAt = new Date(fields.startedAt);
  const same = { roomId: room.id, userId: user.id, round: fields.round, startedAt };
  const existing = await db().recording.findFirst({ where: same });
  if (existing) return view(existing, room.code);
  const quotaLeft = async (tx: Pick<ReturnType<typeof db>, "recording">) => {
    const used = await tx.recording.aggregate({ where: { userId: user.id }, _sum: { sizeBytes: true } });
    if ((used._sum.sizeBytes ?? 0) + file.size > recordingLimits().quotaBytes) throw new AppError("PAYLOAD_TOO_LARGE", "Your recording quota is used up.");
  };
  // Refused early when it is plain the file will not fit; decided below.
  await quotaLeft(db());
  const storageKey = newRecordingKey(kind.extension);
  await saveRecordingFile(storageKey, file);
  try {
    const { row, isNew } = await db().$transaction(async (tx) => {
      // One user's uploads take turns here: the sum read below includes every earlier one.
      await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, user.id);
      const first = await tx.recording.findFirst({ where: same });
      if (first) return { row: first, isNew: false };
      await quotaLeft(tx);
      const created = await tx.recording.create({
        data: { ...same, storageKey, mimeType: kind.mimeType, sizeBytes: file.size, durationMs: fields.durationMs },
      });
      return { row: created, isNew: true };
    }, TX_OPTIONS);
    if (!isNew) {
      await deleteRecording(storageKey).catch((err) => logger().warn({ err }, "could not remove a duplicate recording"));
      return view(row, room.code);
    }
    // Background work: a failure to queue is picked up later by the worker's sweep.
    await queueTranscription(row.id).catch((err: unknown) => logger().warn({ err: err instanceof Error ? err.message : err }, "could not queue a transcription"));
    return view(row, room.code);
  } catch (e) {
    await deleteRecording(storageKey).catch((err) => logger().warn({ err }, "could not remove an orphaned recording"));
    throw e;
  }
}

function view(r: { id: string; round: number; mimeType: string; sizeBytes: number; durationMs: number; startedAt: Date; createdAt: Date }, roomCode: string): RecordingView {
  return { id: r.id, roomCode, round: r.round, mimeType: r.mimeType, sizeBytes: r.sizeBytes, durationMs: r.durationMs, startedAt: r.startedAt.toISOString(), createdAt: r.createdAt.toISOString() };
}

/** A recording's audio, for its speaker or a researcher; NOT_FOUND for anyone else, as for a missing one. */
export async function readRecording(user: SessionUser, id: string): Promise<{ stream: Readable; size: number; mimeType: string; filename: string }> {
  const row = await db().recording.findUnique({ where: { id }, include: { room: { select: { code: true } } } });
  const allowed = row && (row.userId === user.id || user.role === "RESEARCHER" || user.role === "ADMIN");
  if (!row || !allowed) throw new AppError("NOT_FOUND", "No such recording.");
  const file = await openRecording(row.storageKey);
  if (!file) throw new AppError("NOT_FOUND", "The recording's file is missing.");
  const ext = row.storageKey.split(".").pop();
  return { ...file, mimeType: row.mimeType, filename: `recording-${row.room.code}-r${row.round}-${row.id.slice(0, 8)}.${ext}` };
}
