import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { updateConsent } from "@/lib/server/services/update-consent";
import { consentSchema } from "@/lib/validation/user";

// PUT /api/users/me/consent – give or change data and voice-recording consent
export const PUT = withSession(async ({ req, user }) => {
  const input = await readJson(req, consentSchema);
  return json(await updateConsent(user.id, input));
});
