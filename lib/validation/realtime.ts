import { z } from "zod";
import { isCode } from "@/lib/domain/codes";
import { textSchema } from "./text";

export const ROOM_CODE_LENGTH = 6;

export const roomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isCode(c, ROOM_CODE_LENGTH), "A room code is 6 letters and digits.");

export const roomRefSchema = z.strictObject({ code: roomCodeSchema });
/** room:subscribe: `lean: true` asks for room:lean-state (the snapshot without the scenario's fixed text) instead of room:state. */
export const roomSubscribeSchema = z.strictObject({ code: roomCodeSchema, lean: z.boolean().optional() });
export const chatSendSchema = z.strictObject({ code: roomCodeSchema, text: textSchema({ max: 500 }) });
export const chatTypingSchema = z.strictObject({ code: roomCodeSchema, isTyping: z.boolean() });
/** A memo keeps its white space as typed (it is saved while the player types). */
export const memoSaveSchema = z.strictObject({ code: roomCodeSchema, text: textSchema({ kind: "lines", min: 0, max: 5000, trim: false }) });
export const voiceStateSchema = z.strictObject({ code: roomCodeSchema, muted: z.boolean(), speaking: z.boolean() });
export const presenceStatusSchema = z.strictObject({ status: z.enum(["active", "idle", "away"]) });

// simple-peer's signal messages, each kept small: an SDP (offer/answer), one ICE candidate,
// or a renegotiation/transceiver request.
const sdp = z
  .string()
  .max(16_000)
  .refine((s) => s.startsWith("v=0"), "Not an SDP.");
export const voiceSignalDataSchema = z.union([
  z.strictObject({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdp }),
  z.strictObject({
    type: z.literal("candidate"),
    candidate: z.strictObject({
      candidate: z.string().max(1000),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      sdpMid: z.string().max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
  z.strictObject({ type: z.literal("renegotiate").optional(), renegotiate: z.literal(true) }),
  z.strictObject({
    type: z.literal("transceiverRequest").optional(),
    transceiverRequest: z.strictObject({ kind: z.enum(["audio", "video"]), init: z.record(z.string(), z.unknown()).optional() }),
  }),
]);
export const voiceRelaySchema = z.strictObject({ code: roomCodeSchema, to: z.uuid(), data: voiceSignalDataSchema });
