import { json, readJson } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { setReady } from "@/lib/server/services/play-room";
import { readySchema } from "@/lib/validation/room";

// POST /api/rooms/:code/ready – say you are (not) ready to start
export const POST = withSession<{ code: string }>(async ({ req, user, params }) => {
  const { code } = roomParams(params);
  const { ready } = await readJson(req, readySchema);
  return json(await setReady(code, user, ready));
});
