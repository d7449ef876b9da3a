import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { iceSettings } from "@/lib/server/services/ice-config";

// GET /api/webrtc/health – what STUN/TURN is configured (never the secret)
export const GET = withSession(async () => {
  const s = iceSettings();
  return json({
    stun: { configured: s.stun.length > 0, urls: s.stun },
    turn: { configured: s.turn.length > 0 && s.hasSecret, urls: s.turn, secretSet: s.hasSecret, ttlSeconds: s.ttl },
    mode: s.turn.length && s.hasSecret ? "turn" : s.stun.length ? "stun-only" : "direct (LAN/loopback only)",
  });
});
