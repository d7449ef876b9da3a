import { json, parseWith, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { getResearchRoom } from "@/lib/server/services/research-room";
import { emptyQuerySchema, researchRoomRefSchema } from "@/lib/validation/research";

// GET /api/research/rooms/:id – one room (by id or code) with rounds, statistics, timeline, chat (researcher)
export const GET = withSession<{ id: string }>(
  async ({ req, params }) => {
    readQuery(req, emptyQuerySchema);
    return json(await getResearchRoom(parseWith(researchRoomRefSchema, params.id)));
  },
  { roles: ["RESEARCHER"] },
);
