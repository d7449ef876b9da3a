import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getFeedback } from "@/lib/server/services/game-feedback";

// GET /api/rooms/:code/feedback – feedback for the group and each role after the game (AI or rule-based)
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getFeedback(roomParams(params).code, user)));
