import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { roomParams } from "@/lib/server/http/room-params";
import { getRoom } from "@/lib/server/services/get-room";

// GET /api/rooms/:code – the room snapshot
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getRoom(roomParams(params).code, user)));
