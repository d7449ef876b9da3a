import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { updateCustomGame } from "@/lib/server/services/custom-games";
import { updateRolesSchema } from "@/lib/validation/custom-game";

// PUT /api/custom-games/:code/roles – the three roles with public and private briefs (owner)
export const PUT = withSession<{ code: string }>(async ({ req, user, params }) => {
  const code = gameCode(params);
  const { roles } = await readJson(req, updateRolesSchema);
  return json(await updateCustomGame(user, code, (c) => ({ ...c, roles })));
}, { roles: ["FACILITATOR"] });
