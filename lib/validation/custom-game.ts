import { z } from "zod";
import { roomSettingsSchema } from "./room";
import { textSchema } from "./text";
import { localeSchema, scenarioContentSchema, scenarioRoleSchema, scenarioRoundSchema, SCENARIO_LIMITS } from "./scenario";

/** A whole custom game: the scenario content plus its language. Drives the form, the API and the AI draft check. */
export const customGameSchema = scenarioContentSchema.extend({ locale: localeSchema });
export type CustomGameInput = z.input<typeof customGameSchema>;

export const customGameCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^G[A-HJ-NP-Z2-9]{6}$/, "A custom game code is G followed by 6 letters and digits.");

export const updateOpeningSchema = z.strictObject({
  title: scenarioContentSchema.shape.title,
  summary: scenarioContentSchema.shape.summary.optional(),
  opening: scenarioContentSchema.shape.opening,
});
export const updateRolesSchema = z.strictObject({ roles: z.array(scenarioRoleSchema).length(3) });
export const updateDilemmaSchema = z.strictObject({
  rounds: z.array(scenarioRoundSchema).min(SCENARIO_LIMITS.minRounds).max(SCENARIO_LIMITS.maxRounds),
});
export const publishSchema = z.strictObject({ isPublished: z.boolean() });

export const openRoomsSchema = z.strictObject({
  count: z.number().int().min(1).max(50).default(1),
  visibility: z.enum(["public", "private"]).default("private"),
  titlePrefix: textSchema({ max: 60 }).optional(),
  settings: roomSettingsSchema.optional(),
  isResearch: z.boolean().optional(),
  isTest: z.boolean().optional(),
});
export type OpenRoomsInput = z.input<typeof openRoomsSchema>;

/** `POST /api/scenarios/:id/duplicate` takes an empty JSON object (a JSON body, so no plain form can post it). */
export const duplicateScenarioSchema = z.strictObject({});

export const aiDraftSchema = z.strictObject({
  topic: textSchema({ kind: "lines", min: 3, max: 500 }),
  locale: localeSchema,
  rounds: z.number().int().min(SCENARIO_LIMITS.minRounds).max(SCENARIO_LIMITS.maxRounds).default(5),
});
export type AiDraftInput = z.input<typeof aiDraftSchema>;
