import { json, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { listScenarios } from "@/lib/server/services/list-scenarios";
import { listScenariosQuerySchema } from "@/lib/validation/scenario-query";

// GET /api/scenarios?locale= – built-in and published scenarios (summaries)
export const GET = withSession(async ({ req }) => {
  const { locale } = readQuery(req, listScenariosQuerySchema);
  return json({ scenarios: await listScenarios(locale) });
});
