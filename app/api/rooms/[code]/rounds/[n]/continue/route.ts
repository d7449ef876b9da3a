import { json, readJson } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { continueRound } from "@/lib/server/services/play-room";
import { opOnlySchema } from "@/lib/validation/room";

// POST /api/rooms/:code/rounds/:n/continue – ready for the next round after the reveal
export const POST = withSession<{ code: string; n: string }>(async ({ req, user, params }) => {
  const { code, round } = roundParams(params);
  const { opId } = await readJson(req, opOnlySchema);
  return json(await continueRound(code, user, round, { opId }));
});
