import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { iceConfigFor } from "@/lib/server/services/ice-config";

// GET /api/webrtc/ice-config – STUN/TURN servers for the voice mesh, TURN credentials short-lived
export const GET = withSession(async ({ user }) => json(iceConfigFor(user.id)));
