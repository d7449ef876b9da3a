import { json, parseWith, readBodyLimited } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { AppError } from "@/lib/server/errors";
import { consume } from "@/lib/server/rate-limit";
import { recordingLimits, uploadRecording } from "@/lib/server/services/recordings";
import { recordingFieldsSchema } from "@/lib/validation/voice";

// POST /api/voice/recordings – multipart: file, roomCode, round, startedAt, durationMs (a seated player, with everyone's consent)
export const POST = withSession(async ({ req, user }) => {
  // Counted before the body is read: a flood of uploads costs us no buffering.
  await consume("uploadUser", user.id);
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data.");
  // Stops reading past the limit (plus room for the text fields): nothing larger is buffered.
  const body = await readBodyLimited(req, recordingLimits().maxBytes + 16 * 1024);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("VALIDATION_ERROR", "The form could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new AppError("VALIDATION_ERROR", "The audio goes in the `file` field.");
  if (file.size > recordingLimits().maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "The recording is too large.");
  const fields: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (k !== "file") fields[k] = typeof v === "string" ? v : undefined;
  const parsed = parseWith(recordingFieldsSchema, fields);
  return json(await uploadRecording(user, parsed, new Uint8Array(await file.arrayBuffer())), { status: 201 });
});
