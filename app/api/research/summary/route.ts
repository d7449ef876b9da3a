import { json, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { getResearchSummary } from "@/lib/server/services/research-summary";
import { emptyQuerySchema } from "@/lib/validation/research";

// GET /api/research/summary – counts, completion and recent activity (researcher)
export const GET = withSession(
  async ({ req }) => {
    readQuery(req, emptyQuerySchema);
    return json(await getResearchSummary());
  },
  { roles: ["RESEARCHER"] },
);
