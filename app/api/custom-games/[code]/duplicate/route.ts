import { gameCode } from "@/lib/server/http/custom-game-params";
import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { duplicateCustomGame } from "@/lib/server/services/custom-games";

// POST /api/custom-games/:code/duplicate – an unpublished copy you own
export const POST = withSession<{ code: string }>(async ({ user, params }) => json(await duplicateCustomGame(user, gameCode(params)), { status: 201 }), { roles: ["FACILITATOR"] });
