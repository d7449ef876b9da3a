import { getLocale } from "@/lib/i18n/server";
import { json, readQuery } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getFeedback } from "@/lib/server/services/game-feedback";
import { aiLanguageQuerySchema } from "@/lib/validation/ai-language";

// GET /api/rooms/:code/feedback?locale= – feedback for the group and each role after the game (AI or rule-based), in the player's language
export const GET = withSession<{ code: string }>(async ({ req, user, params }) => {
  const { locale } = readQuery(req, aiLanguageQuerySchema);
  return json(await getFeedback(roomParams(params).code, user, locale ?? (await getLocale())));
});
