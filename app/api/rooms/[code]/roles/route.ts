import { json, readJson } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getMyRole } from "@/lib/server/services/get-my-role";
import { assignRoles } from "@/lib/server/services/play-room";
import { assignRolesSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/roles – deal the roles, at random or by hand (host)
export const POST = withSession<{ code: string }>(async ({ req, user, params }) => {
  const { code } = roomParams(params);
  const { mode, assignments } = await readJson(req, assignRolesSchema);
  return json(await assignRoles(code, user, mode, assignments));
});

// GET /api/rooms/:code/roles – your role with its private brief; the others' public briefs
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getMyRole(roomParams(params).code, user)));
