import { aiSettings } from "@/lib/server/ai/client";
import { json } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";

// GET /api/ai/status – whether AI is on (the UI says so when it is off)
export const GET = withSession(async () => {
  const s = aiSettings();
  return json({ enabled: s.enabled, model: s.enabled ? s.model : null });
});
