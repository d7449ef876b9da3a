import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { setPublished } from "@/lib/server/services/custom-games";
import { publishSchema } from "@/lib/validation/custom-game";

// PUT /api/custom-games/:code/publish – list the game for everyone, or take it back (owner)
export const PUT = withSession<{ code: string }>(async ({ req, user, params }) => {
  const code = gameCode(params);
  const { isPublished } = await readJson(req, publishSchema);
  return json(await setPublished(user, code, isPublished));
}, { roles: ["FACILITATOR"] });
