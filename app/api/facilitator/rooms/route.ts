import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { listMonitoredRooms } from "@/lib/server/services/monitor-rooms";

// GET /api/facilitator/rooms – the live monitor's rooms: every active room you opened (facilitator)
export const GET = withSession(async ({ user }) => json({ rooms: await listMonitoredRooms(user) }), { roles: ["FACILITATOR"] });
