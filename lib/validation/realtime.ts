import { z } from "zod";
import { isCode } from "@/lib/domain/codes";

export const ROOM_CODE_LENGTH = 6;

export const roomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isCode(c, ROOM_CODE_LENGTH), "A room code is 6 letters and digits.");

export const roomRefSchema = z.strictObject({ code: roomCodeSchema });
export const chatSendSchema = z.strictObject({ code: roomCodeSchema, text: z.string().trim().min(1).max(500) });
export const chatTypingSchema = z.strictObject({ code: roomCodeSchema, isTyping: z.boolean() });
export const memoSaveSchema = z.strictObject({ code: roomCodeSchema, text: z.string().max(5000) });
export const voiceSignalSchema = z.strictObject({
  code: roomCodeSchema,
  to: z.string().uuid(),
  data: z.record(z.string(), z.unknown()),
});
export const voiceStateSchema = z.strictObject({ code: roomCodeSchema, muted: z.boolean(), speaking: z.boolean() });
export const presenceStatusSchema = z.strictObject({ status: z.enum(["active", "idle", "away"]) });
