import { json, parseWith, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { openRoomsFromScenario } from "@/lib/server/services/open-rooms";
import { openRoomsSchema } from "@/lib/validation/custom-game";
import { scenarioIdSchema } from "@/lib/validation/scenario-query";

// POST /api/scenarios/:id/rooms – open 1–50 rooms on a built-in scenario (facilitator)
export const POST = withSession<{ id: string }>(async ({ req, user, params }) => {
  const id = parseWith(scenarioIdSchema, params.id);
  const input = await readJson(req, openRoomsSchema);
  const rooms = await openRoomsFromScenario(user, id, input);
  return json({ rooms: rooms.map((r) => ({ code: r.code, title: r.title, visibility: r.visibility })) }, { status: 201 });
}, { roles: ["FACILITATOR"] });
