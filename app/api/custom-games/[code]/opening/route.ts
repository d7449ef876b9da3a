import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { updateCustomGame } from "@/lib/server/services/custom-games";
import { updateOpeningSchema } from "@/lib/validation/custom-game";

// PUT /api/custom-games/:code/opening – title, summary and opening text (owner)
export const PUT = withSession<{ code: string }>(async ({ req, user, params }) => {
  const code = gameCode(params);
  const { title, summary, opening } = await readJson(req, updateOpeningSchema);
  return json(await updateCustomGame(user, code, (c) => ({ ...c, title, opening, summary: summary ?? c.summary })));
}, { roles: ["FACILITATOR"] });
