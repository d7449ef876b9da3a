import { json, readJson, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { createRoom } from "@/lib/server/services/create-room";
import { listPublicRooms } from "@/lib/server/services/list-rooms";
import { createRoomSchema, listRoomsQuerySchema } from "@/lib/validation/room";

// POST /api/rooms – open a room on a scenario (the caller becomes its host; with takeSeat, a player sits down too)
export const POST = withSession(async ({ req, user }) => {
  const input = await readJson(req, createRoomSchema);
  return json(await createRoom(user, input), { status: 201 });
});

// GET /api/rooms?status=waiting – public rooms with a free seat
export const GET = withSession(async ({ req }) => {
  readQuery(req, listRoomsQuerySchema);
  return json({ rooms: await listPublicRooms() });
});
