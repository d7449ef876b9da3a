import { json, readJson } from "@/lib/server/http/respond";
import { roundParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { submitConsensusConfidence } from "@/lib/server/services/play-room";
import { consensusConfidenceSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/rounds/:n/consensus-confidence – how confident you are in the group's decision
export const POST = withSession<{ code: string; n: string }>(async ({ req, user, params }) => {
  const { code, round } = roundParams(params);
  const { confidence, opId } = await readJson(req, consensusConfidenceSchema);
  return json(await submitConsensusConfidence(code, user, round, confidence, { opId }));
});
