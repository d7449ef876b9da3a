import { z } from "zod";
import { localeSchema } from "./scenario";

// Printable text without control characters, invisible marks or bidi overrides (names and
// room titles show up in other people's screens).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const noControl = (s: string) => !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/.test(s);

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "At least 3 characters.")
  .max(32, "At most 32 characters.")
  .regex(/^[a-zA-Z0-9_.-]+$/, "Letters, digits, '.', '_' and '-' only.");

export const passwordSchema = z.string().min(8, "At least 8 characters.").max(128, "At most 128 characters.");

export const nicknameSchema = z
  .string()
  .trim()
  .min(1, "Enter a nickname.")
  .max(24, "At most 24 characters.")
  .refine(noControl, "Control characters are not allowed.");

export const registerSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  email: z.email().max(254).optional(),
  nickname: nicknameSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const guestSignInSchema = z.object({ nickname: nicknameSchema });

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
});
export type Me = z.infer<typeof meSchema>;
