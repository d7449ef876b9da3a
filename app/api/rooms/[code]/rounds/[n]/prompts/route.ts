import { json } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getRolePrompts } from "@/lib/server/services/role-prompts";

// POST /api/rooms/:code/rounds/:n/prompts – 1–3 questions for your role in this round (AI, or rule-based when AI is off)
export const POST = withSession<{ code: string; n: string }>(async ({ user, params }) => {
  const { code, round } = roundParams(params);
  return json(await getRolePrompts(code, user, round));
});
