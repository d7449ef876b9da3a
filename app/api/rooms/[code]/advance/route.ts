import { json, readJson } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { advanceRoom } from "@/lib/server/services/play-room";
import { advanceRoomSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/advance – end the current phase now, or with `end: true` the whole room (host/facilitator)
export const POST = withSession<{ code: string }>(async ({ req, user, params }) => {
  const { code } = roomParams(params);
  const { reason, end, opId } = await readJson(req, advanceRoomSchema);
  return json(await advanceRoom(code, user, reason, end ?? false, { opId }));
});
