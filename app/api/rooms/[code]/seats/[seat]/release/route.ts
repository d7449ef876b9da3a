import { json, parseWith } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { releaseSeat } from "@/lib/server/services/play-room";
import { seatParamSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/seats/:seat/release – free a seat for a newcomer (host/facilitator)
export const POST = withSession<{ code: string; seat: string }>(async ({ user, params }) => {
  const { code } = roomParams(params);
  return json(await releaseSeat(code, user, parseWith(seatParamSchema, params.seat)));
});
