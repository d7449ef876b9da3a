import { json, parseWith, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { getUserStats } from "@/lib/server/services/user-stats";
import { userStatsParamSchema, userStatsQuerySchema } from "@/lib/validation/user-stats";

// GET /api/users/:id/stats – a player's games, rounds, agreement with the consensus and confidence (themself, or a researcher)
export const GET = withSession<{ id: string }>(async ({ req, user, params }) => {
  readQuery(req, userStatsQuerySchema);
  return json(await getUserStats(parseWith(userStatsParamSchema, params.id), user));
});
