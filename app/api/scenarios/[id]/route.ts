import { json, parseWith } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { getScenario } from "@/lib/server/services/get-scenario";
import { scenarioIdSchema } from "@/lib/validation/scenario-query";

// GET /api/scenarios/:id – a whole scenario: opening, roles, rounds
export const GET = withSession<{ id: string }>(async ({ user, params }) => {
  const id = parseWith(scenarioIdSchema, params.id);
  return json(await getScenario(id, user));
});
