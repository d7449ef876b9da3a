import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { confirmRole } from "@/lib/server/services/play-room";

// POST /api/rooms/:code/roles/confirm – "I have read my role"
export const POST = withSession<{ code: string }>(async ({ user, params }) => json(await confirmRole(roomParams(params).code, user)));
