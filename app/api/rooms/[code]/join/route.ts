import { json, readJson } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { joinRoom } from "@/lib/server/services/play-room";
import { updateMe } from "@/lib/server/services/update-me";
import { joinRoomSchema } from "@/lib/validation/room";

// POST /api/rooms/:code/join – take a seat
export const POST = withSession<{ code: string }>(async ({ req, user, params }) => {
  const { code } = roomParams(params);
  const { nickname } = await readJson(req, joinRoomSchema);
  if (nickname && nickname !== user.nickname) user.nickname = (await updateMe(user.id, { nickname })).nickname;
  const snapshot = await joinRoom(code, user);
  const seat = snapshot.seats.find((s) => s.userId === user.id)?.seat ?? null;
  return json({ seat, snapshot });
});
