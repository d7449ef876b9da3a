import { json, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { listResearchRooms } from "@/lib/server/services/research-rooms";
import { researchRoomsQuerySchema } from "@/lib/validation/research";

// GET /api/research/rooms?from=&to=&scenario=&completed=&test=&cursor=&limit= – rooms, newest first (researcher)
export const GET = withSession(async ({ req }) => json(await listResearchRooms(readQuery(req, researchRoomsQuerySchema))), { roles: ["RESEARCHER"] });
