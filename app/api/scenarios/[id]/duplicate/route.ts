import { json, parseWith, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { duplicateScenario } from "@/lib/server/services/custom-games";
import { duplicateScenarioSchema } from "@/lib/validation/custom-game";
import { scenarioIdSchema } from "@/lib/validation/scenario-query";

// POST /api/scenarios/:id/duplicate – a built-in scenario as an unpublished custom game of yours (facilitator)
export const POST = withSession<{ id: string }>(async ({ req, user, params }) => {
  const id = parseWith(scenarioIdSchema, params.id);
  await readJson(req, duplicateScenarioSchema);
  return json(await duplicateScenario(user, id), { status: 201 });
}, { roles: ["FACILITATOR"] });
