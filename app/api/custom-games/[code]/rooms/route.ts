import { gameCode } from "@/lib/server/http/custom-game-params";
import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { openRoomsFromGame } from "@/lib/server/services/open-rooms";
import { openRoomsSchema } from "@/lib/validation/custom-game";

// POST /api/custom-games/:code/rooms – open 1–50 rooms from the game (owner)
export const POST = withSession<{ code: string }>(async ({ req, user, params }) => {
  const code = gameCode(params);
  const input = await readJson(req, openRoomsSchema);
  const rooms = await openRoomsFromGame(user, code, input);
  return json({ rooms: rooms.map((r) => ({ code: r.code, title: r.title, visibility: r.visibility })) }, { status: 201 });
}, { roles: ["FACILITATOR"] });
