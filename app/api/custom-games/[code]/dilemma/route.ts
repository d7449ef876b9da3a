import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { updateCustomGame } from "@/lib/server/services/custom-games";
import { updateDilemmaSchema } from "@/lib/validation/custom-game";

// PUT /api/custom-games/:code/dilemma – the rounds: a question and 2–4 options each (owner)
export const PUT = withSession<{ code: string }>(async ({ req, user, params }) => {
  const code = gameCode(params);
  const { rounds } = await readJson(req, updateDilemmaSchema);
  return json(await updateCustomGame(user, code, (c) => ({ ...c, rounds })));
}, { roles: ["FACILITATOR"] });
