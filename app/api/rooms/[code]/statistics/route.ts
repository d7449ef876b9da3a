import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getRoomStatistics } from "@/lib/server/services/get-room-statistics";

// GET /api/rooms/:code/statistics – per revealed round: choices, consensus, confidence shift
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getRoomStatistics(roomParams(params).code, user)));
