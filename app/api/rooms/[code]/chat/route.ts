import { json } from "@/lib/server/http/respond";
import { roomParams } from "@/lib/server/http/room-params";
import { withSession } from "@/lib/server/http/with-session";
import { listChat } from "@/lib/server/services/send-chat";

// GET /api/rooms/:code/chat – the room's chat so far (last 200 messages, oldest first)
export const GET = withSession<{ code: string }>(async ({ user, params }) => json({ messages: await listChat(roomParams(params).code, user) }));
