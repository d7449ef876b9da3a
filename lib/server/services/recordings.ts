import type { Readable } from "node:stream";
import type { RecordingFields } from "@/lib/validation/voice";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { queueTranscription } from "./transcription";
import { deleteRecording, newRecordingKey, openRecording, saveRecording, sniffAudio } from "../storage/recordings";

export const recordingLimits = () => ({
  maxBytes: Number(process.env.RECORDING_MAX_BYTES) || 25 * 1024 * 1024,
  quotaBytes: Number(process.env.RECORDING_QUOTA_BYTES) || 500 * 1024 * 1024,
});

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
 * Stores one player's recording of one round. The uploader must sit in the room, the round
 * must have begun, every seated player must have given voice-recording consent, the file must
 * be WebM, Ogg or MP4 audio by its bytes (415 otherwise), and within the per-user quota (413).
 * A retry of the same upload (same round and start time) answers the first recording.
 */
export async function uploadRecording(user: SessionUser, fields: RecordingFields, bytes: Uint8Array): Promise<RecordingView> {
  const room = await db().room.findUnique({ where: { code: fields.roomCode }, include: { seats: { include: { user: { select: { voiceConsent: true } } } } } });
  // Someone not seated in the room learns nothing of it: the answer of a missing room.
  if (!room || !room.seats.some((s) => s.userId === user.id)) throw new AppError("NOT_FOUND", "No room with that code.");
  if (fields.round > room.round) throw new AppError("ROUND_MISMATCH", "That round has not begun.");
  const everyoneConsents = room.seats.every((s) => s.userId && s.user?.voiceConsent);
  if (!user.voiceConsent || !everyoneConsents) throw new AppError("CONSENT_REQUIRED", "Recording needs every player's voice-recording consent.");
  const kind = sniffAudio(bytes.subarray(0, 16));
  if (!kind) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload WebM, Ogg or MP4 audio.");
  const startedAt = new Date(fields.startedAt);
  const existing = await db().recording.findFirst({ where: { roomId: room.id, userId: user.id, round: fields.round, startedAt } });
  if (existing) return view(existing, room.code);
  const used = await db().recording.aggregate({ where: { userId: user.id }, _sum: { sizeBytes: true } });
  if ((used._sum.sizeBytes ?? 0) + bytes.byteLength > recordingLimits().quotaBytes) throw new AppError("PAYLOAD_TOO_LARGE", "Your recording quota is used up.");
  const storageKey = newRecordingKey(kind.extension);
  await saveRecording(storageKey, bytes);
  try {
    const row = await db().recording.create({
      data: { roomId: room.id, userId: user.id, round: fields.round, storageKey, mimeType: kind.mimeType, sizeBytes: bytes.byteLength, durationMs: fields.durationMs, startedAt },
    });
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
