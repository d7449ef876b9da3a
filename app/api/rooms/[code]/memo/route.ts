import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getMemo } from "@/lib/server/services/memo";

// GET /api/rooms/:code/memo – your private notes for this room (saved with the memo:save socket event)
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getMemo(roomParams(params).code, user)));
