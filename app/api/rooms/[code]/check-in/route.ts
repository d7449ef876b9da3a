import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { checkIn } from "@/lib/server/services/play-room";

// POST /api/rooms/:code/check-in – "I'm here": the answer to "Are you still there?"
export const POST = withSession<{ code: string }>(async ({ user, params }) => json(await checkIn(roomParams(params).code, user)));
