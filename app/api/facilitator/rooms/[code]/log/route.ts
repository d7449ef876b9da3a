import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getRoomLog } from "@/lib/server/services/room-log";

// GET /api/facilitator/rooms/:code/log – the room's phase log with who did what (host or managing facilitator)
export const GET = withSession<{ code: string }>(async ({ user, params }) => json({ entries: await getRoomLog(roomParams(params).code, user) }));
