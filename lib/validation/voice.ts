import { z } from "zod";
import { roomCodeSchema } from "./realtime";

/** The text fields of a recording upload (multipart/form-data; the audio is the `file` field). */
export const recordingFieldsSchema = z.strictObject({
  roomCode: roomCodeSchema,
  round: z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(1).max(10)),
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: z.string().regex(/^\d{1,8}$/).transform(Number).pipe(z.number().int().min(0).max(4 * 60 * 60 * 1000)),
});
export type RecordingFields = z.infer<typeof recordingFieldsSchema>;
