import { json, readJson } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { submitChoice } from "@/lib/server/services/play-room";
import { submitChoiceSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/rounds/:n/choice – your hidden individual choice and confidence
export const POST = withSession<{ code: string; n: string }>(async ({ req, user, params }) => {
  const { code, round } = roundParams(params);
  const { choice, confidence, opId } = await readJson(req, submitChoiceSchema);
  return json(await submitChoice(code, user, round, choice, confidence, { opId }));
});
