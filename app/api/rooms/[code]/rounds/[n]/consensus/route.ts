import { json, readJson } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { proposeConsensus } from "@/lib/server/services/play-room";
import { proposeConsensusSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/rounds/:n/consensus – propose an option, or agree to one
export const POST = withSession<{ code: string; n: string }>(async ({ req, user, params }) => {
  const { code, round } = roundParams(params);
  const { choice, opId } = await readJson(req, proposeConsensusSchema);
  return json(await proposeConsensus(code, user, round, choice, { opId }));
});
