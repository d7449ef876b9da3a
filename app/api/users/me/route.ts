import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { updateMe } from "@/lib/server/services/update-me";
import { toMe } from "@/lib/server/services/users";
import { updateMeSchema } from "@/lib/validation/user";

// GET /api/users/me – the signed-in user
export const GET = withSession(async ({ user }) => json(toMe(user)));

// PATCH /api/users/me – change nickname or locale
export const PATCH = withSession(async ({ req, user }) => {
  const input = await readJson(req, updateMeSchema);
  return json(await updateMe(user.id, input));
});
