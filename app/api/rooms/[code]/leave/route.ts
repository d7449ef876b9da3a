import { noContent } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { leaveRoom } from "@/lib/server/services/play-room";

// POST /api/rooms/:code/leave – give up the seat
export const POST = withSession<{ code: string }>(async ({ user, params }) => {
  await leaveRoom(roomParams(params).code, user);
  return noContent();
});
