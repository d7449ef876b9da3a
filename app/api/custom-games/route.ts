import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { createCustomGame, listCustomGames } from "@/lib/server/services/custom-games";
import { customGameSchema } from "@/lib/validation/custom-game";

const facilitators = { roles: ["FACILITATOR"] as const };

// POST /api/custom-games – write a new custom game (facilitator)
export const POST = withSession(async ({ req, user }) => json(await createCustomGame(user, await readJson(req, customGameSchema)), { status: 201 }), facilitators);

// GET /api/custom-games – your custom games (facilitator)
export const GET = withSession(async ({ user }) => json({ games: await listCustomGames(user) }), facilitators);
