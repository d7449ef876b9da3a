import { z } from "zod";
import { localeSchema } from "./scenario";
import { textSchema } from "./text";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "At least 3 characters.")
  .max(32, "At most 32 characters.")
  .regex(/^[a-zA-Z0-9_.-]+$/, "Letters, digits, '.', '_' and '-' only.");

export const passwordSchema = z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters.");

/** Shown on other people's screens: no invisible or direction-changing characters either. */
export const nicknameSchema = textSchema({ kind: "name", max: 24, tooShort: "Enter a nickname.", tooLong: "At most 24 characters." });

export const registerSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  email: z.email().max(254).optional(),
  nickname: nicknameSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  username: textSchema({ max: 64 }),
  password: z.string().min(1).max(128),
});

export const guestSignInSchema = z.object({ nickname: nicknameSchema });

// Any string: a malformed name is answered "not available" with the reason (lib/server/services/check-username.ts).
export const checkUsernameQuerySchema = z.strictObject({ username: z.string().max(64) });

export const updateMeSchema = z
  .strictObject({ nickname: nicknameSchema.optional(), locale: localeSchema.optional() })
  .refine((v) => v.nickname !== undefined || v.locale !== undefined, "Nothing to update.");
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const consentSchema = z.strictObject({ dataConsent: z.boolean(), voiceConsent: z.boolean() });
export type ConsentInput = z.infer<typeof consentSchema>;

export const ROLES = ["PLAYER", "FACILITATOR", "RESEARCHER", "ADMIN"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** What a client learns about itself (`GET /api/users/me`). */
export const meSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  nickname: z.string(),
  role: roleSchema,
  isGuest: z.boolean(),
  dataConsent: z.boolean(),
  voiceConsent: z.boolean(),
  locale: localeSchema.nullable(),
  /** The pseudonymous code the research exports use for this person: what a researcher needs to withdraw their data later. */
  participantCode: z.string(),
});
export type Me = z.infer<typeof meSchema>;
