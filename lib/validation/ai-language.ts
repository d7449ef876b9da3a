import { z } from "zod";
import { localeSchema } from "./scenario";

/**
 * `?locale=` on the AI answers a player reads (role prompts, post-game feedback): the language to
 * write them in. Without it, the request's UI language (the language switch's cookie, then the
 * browser's Accept-Language) is used — not the scenario's, so a Korean player of an English
 * scenario reads Korean.
 */
export const aiLanguageQuerySchema = z.strictObject({ locale: localeSchema.optional() });
