import { z } from "zod";

/**
 * `GET /api/users/:id/stats`: a player's own record over every game they took part in. The
 * id is a user id, or `me` for the signed-in user.
 */

export const userStatsParamSchema = z
  .string()
  .trim()
  .max(64)
  .refine((s) => s === "me" || z.uuid().safeParse(s).success, "A user id, or me.");

/** The route takes no query parameters. */
export const userStatsQuerySchema = z.strictObject({});

/** How often the player's individual choice was the group's consensus. */
const agreementSchema = z.object({
  /** Rounds with both an individual choice and a consensus. */
  compared: z.number().int().min(0),
  /** Of those, the rounds in which the two were the same option. */
  agreed: z.number().int().min(0),
  /** agreed / compared (0–1, two decimals); null when nothing could be compared. */
  rate: z.number().min(0).max(1).nullable(),
});

/** Mean confidence (1–5) before the discussion (individual) and after it (in the consensus). */
const confidenceSchema = z.object({
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** Mean of after − before, over rounds with both. */
  shift: z.number().nullable(),
});

export const userStatsSchema = z.object({
  userId: z.string(),
  /** Games that reached their first round with the player in them. */
  gamesPlayed: z.number().int().min(0),
  /** Of those, games played to the end. */
  gamesFinished: z.number().int().min(0),
  /** Rounds revealed in those games in which the player gave an individual choice. */
  rounds: z.number().int().min(0),
  agreement: agreementSchema,
  confidence: confidenceSchema,
  /** The same per round number (round 1 of every game together, and so on), for the round numbers the player answered in. */
  byRound: z.array(z.object({ round: z.number().int().min(1), rounds: z.number().int().min(0), agreement: agreementSchema, confidence: confidenceSchema })),
  /** Each scenario played, most played first. */
  scenarios: z.array(z.object({ slug: z.string().nullable(), title: z.string(), locale: z.string(), games: z.number().int().min(1), finished: z.number().int().min(0) })),
});
export type UserStats = z.infer<typeof userStatsSchema>;
export type UserStatsAgreement = z.infer<typeof agreementSchema>;
export type UserStatsConfidence = z.infer<typeof confidenceSchema>;
