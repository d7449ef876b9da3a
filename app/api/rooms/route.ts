import { requestIp } from "@/lib/server/http/client-ip";
import { json, readJson, readQuery } from "@/lib/server/http/respond";
import { hasRole, withSession } from "@/lib/server/http/with-session";
import { consumeAll } from "@/lib/server/rate-limit";
import { createRoom } from "@/lib/server/services/create-room";
import { listPublicRooms } from "@/lib/server/services/list-rooms";
import { createRoomSchema, listRoomsQuerySchema } from "@/lib/validation/room";

// POST /api/rooms – open a room on a scenario (the caller becomes its host; with takeSeat, a
// player sits down too); players are limited per user and per address, staff open as many as a
// class needs
export const POST = withSession(async ({ req, user }) => {
  const input = await readJson(req, createRoomSchema);
  if (!hasRole(user, ["FACILITATOR", "RESEARCHER"])) {
    await consumeAll([
      ["roomUser", user.id],
      ["roomAddress", requestIp(req)],
    ]);
  }
  return json(await createRoom(user, input), { status: 201 });
});

// GET /api/rooms?status=waiting – public rooms with a free seat
export const GET = withSession(async ({ req }) => {
  readQuery(req, listRoomsQuerySchema);
  return json({ rooms: await listPublicRooms() });
});
