import { getLocale } from "@/lib/i18n/server";
import { json, readQuery } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getRolePrompts } from "@/lib/server/services/role-prompts";
import { aiLanguageQuerySchema } from "@/lib/validation/ai-language";

// POST /api/rooms/:code/rounds/:n/prompts?locale= – 1–3 questions for your role in this round (AI, or rule-based when AI is off), in the player's language
export const POST = withSession<{ code: string; n: string }>(async ({ req, user, params }) => {
  const { code, round } = roundParams(params);
  const { locale } = readQuery(req, aiLanguageQuerySchema);
  return json(await getRolePrompts(code, user, round, locale ?? (await getLocale())));
});
