import { z } from "zod";
import { CONFIDENCE_MAX, CONFIDENCE_MIN, SEAT_COUNT } from "@/lib/domain/game";
import { SCENARIO_LIMITS } from "./scenario";
import { textSchema } from "./text";
import { nicknameSchema } from "./user";

import { roomCodeSchema } from "./realtime";

export { roomCodeSchema };

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

/** Per-room timers and options; anything left out takes the default (lib/domain/game DEFAULT_SETTINGS). */
export const roomSettingsSchema = z.strictObject({
  rolesSeconds: seconds(2, 3600).optional(),
  individualSeconds: seconds(2, 1800).optional(),
  discussionSeconds: seconds(2, 3600).optional(),
  consensusSeconds: seconds(2, 1800).optional(),
  revealSeconds: seconds(2, 600).optional(),
  graceSeconds: seconds(2, 600).optional(),
  roleAssignment: z.enum(["random", "manual"]).optional(),
  /** A started room nobody has been present in ends after this long (server default: ROOM_ABANDON_SECONDS). */
  abandonSeconds: seconds(10, 7 * 86_400).optional(),
  /** How long a player silent through a whole phase has to answer "Are you still there?"; 0 never asks (server default: CHECK_IN_SECONDS). */
  checkInSeconds: z.union([z.literal(0), seconds(5, 3600)]).optional(),
});
export type RoomSettingsInput = z.infer<typeof roomSettingsSchema>;

export const createRoomSchema = z.strictObject({
  visibility: z.enum(["public", "private"]),
  scenarioId: z.uuid().optional(),
  customGameCode: textSchema({ max: 16 }).optional(),
  // A title shows on other people's screens: no bidi overrides or invisible marks (as names).
  title: textSchema({ kind: "name", max: 80 }).optional(),
  settings: roomSettingsSchema.optional(),
  /** Marks a room as test data (left out of research exports, removable by cleanup). */
  isTest: z.boolean().optional(),
  /** A research room: playing in it requires data consent. */
  isResearch: z.boolean().optional(),
  /** Sit down as the host at once (the lobby's "Create room"); facilitators and admins open it without a seat. */
  takeSeat: z.boolean().optional(),
});
export type CreateRoomInput = z.infer<typeof createRoomSchema>;

export const listRoomsQuerySchema = z.strictObject({ status: z.enum(["waiting"]).optional() });

/** Client-generated id of a command; a retry with the same id gets the first answer. */
export const opIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits and . _ : - only.");
const withOpId = { opId: opIdSchema.optional() };

export const joinRoomSchema = z.strictObject({ nickname: nicknameSchema.optional() });
export const readySchema = z.strictObject({ ready: z.boolean() });
export const assignRolesSchema = z.strictObject({
  mode: z.enum(["random", "manual"]),
  assignments: z
    .array(z.strictObject({ seat: z.number().int().min(0).max(SEAT_COUNT - 1), roleIndex: z.number().int().min(0).max(SEAT_COUNT - 1) }))
    .max(SEAT_COUNT)
    .optional(),
});
const choiceIndex = z.number().int().min(0).max(SCENARIO_LIMITS.maxOptions - 1);
const confidence = z.number().int().min(CONFIDENCE_MIN).max(CONFIDENCE_MAX);
export const submitChoiceSchema = z.strictObject({ choice: choiceIndex, confidence, ...withOpId });
export const opOnlySchema = z.strictObject({ ...withOpId });
export const proposeConsensusSchema = z.strictObject({ choice: choiceIndex, ...withOpId });
export const consensusConfidenceSchema = z.strictObject({ confidence, ...withOpId });
export const advanceRoomSchema = z.strictObject({ reason: textSchema({ max: 200 }), end: z.boolean().optional(), ...withOpId });

/**
 * `room:command` (Socket.IO): the same game moves as the REST routes, with the same bodies plus
 * the room's code, the move's `type` and, for a round's moves, the round. The socket's
 * session is the caller; an opId is shared with the REST route of the same move. With
 * `reply: "version"`, a socket that has the room's pushes (room:subscribe) is answered only the
 * room's code and version after the move: the `room:state` it got just before carries the rest.
 */
const roundNumber = z.number().int().min(1).max(SCENARIO_LIMITS.maxRounds);
const reply = { reply: z.literal("version").optional() };
const inRoom = { code: roomCodeSchema, ...reply };
const inRound = { code: roomCodeSchema, round: roundNumber, ...reply };
export const roomCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...inRoom, type: z.literal("join") }),
  readySchema.extend({ ...inRoom, type: z.literal("ready") }),
  z.strictObject({ ...inRoom, type: z.literal("confirmRole") }),
  submitChoiceSchema.extend({ ...inRound, type: z.literal("choice") }),
  opOnlySchema.extend({ ...inRound, type: z.literal("endDiscussion") }),
  proposeConsensusSchema.extend({ ...inRound, type: z.literal("consensus") }),
  consensusConfidenceSchema.extend({ ...inRound, type: z.literal("consensusConfidence") }),
  opOnlySchema.extend({ ...inRound, type: z.literal("continue") }),
  advanceRoomSchema.extend({ ...inRoom, type: z.literal("advance") }),
  z.strictObject({ ...inRoom, type: z.literal("checkIn") }),
]);
export type RoomCommandInput = z.input<typeof roomCommandSchema>;

const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/, "A whole number.")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
export const roundParamSchema = intParam(1, SCENARIO_LIMITS.maxRounds);
export const seatParamSchema = intParam(0, SEAT_COUNT - 1);
