import { rm } from "node:fs/promises";
import { json, parseWith } from "@/lib/server/http/respond";
import { receiveUpload } from "@/lib/server/http/receive-upload";
import { withSession } from "@/lib/server/http/with-session";
import { AppError } from "@/lib/server/errors";
import { consume } from "@/lib/server/rate-limit";
import { recordingLimits, takeUploadSlot, uploadRecording } from "@/lib/server/services/recordings";
import { incomingDir } from "@/lib/server/storage/recordings";
import { recordingFieldsSchema } from "@/lib/validation/voice";

// POST /api/voice/recordings – multipart: file, roomCode, round, startedAt, durationMs (a seated player, with everyone's consent)
export const POST = withSession(async ({ req, user }) => {
  // Counted before the body is read: a flood of uploads costs us no buffering.
  await consume("uploadUser", user.id);
  const release = takeUploadSlot(user.id);
  try {
    // Read as it arrives: the audio goes to a file on the disk, then is streamed to storage.
    const { fields, file } = await receiveUpload(req, { fileField: "file", maxBytes: recordingLimits().maxBytes, dir: incomingDir() });
    try {
      if (!file) throw new AppError("VALIDATION_ERROR", "The audio goes in the `file` field.");
      const parsed = parseWith(recordingFieldsSchema, fields);
      return json(await uploadRecording(user, parsed, file), { status: 201 });
    } finally {
      if (file) await rm(file.path, { force: true });
    }
  } finally {
    release();
  }
});
