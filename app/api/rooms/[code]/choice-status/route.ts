import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { getChoiceStatus } from "@/lib/server/services/get-choice-status";

// GET /api/rooms/:code/choice-status – who has and has not answered in the current phase
export const GET = withSession<{ code: string }>(async ({ user, params }) => json(await getChoiceStatus(roomParams(params).code, user)));
