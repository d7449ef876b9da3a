import { json, parseWith, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { getResearchParticipant } from "@/lib/server/services/research-participant";
import { emptyQuerySchema, researchUserRefSchema } from "@/lib/validation/research";

// GET /api/research/users/:id – one participant's games, by participant code or user id (researcher)
export const GET = withSession<{ id: string }>(
  async ({ req, params }) => {
    readQuery(req, emptyQuerySchema);
    return json(await getResearchParticipant(parseWith(researchUserRefSchema, params.id)));
  },
  { roles: ["RESEARCHER"] },
);
