import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { fillWithBots } from "@/lib/server/services/fill-with-bots";

// POST /api/facilitator/rooms/:code/bots – fill the empty seats of a waiting room with bots (managing facilitator)
export const POST = withSession<{ code: string }>(async ({ user, params }) => json(await fillWithBots(user, roomParams(params).code), { status: 201 }), { roles: ["FACILITATOR"] });
