import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, noContent } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { deleteCustomGame, getCustomGame } from "@/lib/server/services/custom-games";

const facilitators = { roles: ["FACILITATOR"] as const };

// GET /api/custom-games/:code – the custom game with its whole content (owner)
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getCustomGame(user, gameCode(params))), facilitators);

// DELETE /api/custom-games/:code – delete a game no room has used (owner)
export const DELETE = withSession<{ code: string }>(async ({ user, params }) => {
  await deleteCustomGame(user, gameCode(params));
  return noContent();
}, facilitators);
