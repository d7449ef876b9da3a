import { json, noContent, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { deleteMe } from "@/lib/server/services/delete-me";
import { updateMe } from "@/lib/server/services/update-me";
import { toMe } from "@/lib/server/services/users";
import { deleteMeSchema } from "@/lib/validation/research";
import { updateMeSchema } from "@/lib/validation/user";

// GET /api/users/me – the signed-in user
export const GET = withSession(async ({ user }) => json(toMe(user)));

// PATCH /api/users/me – change nickname or locale
export const PATCH = withSession(async ({ req, user }) => {
  const input = await readJson(req, updateMeSchema);
  return json(await updateMe(user.id, input));
});

// DELETE /api/users/me – delete the account; with withdrawData, every research row of the person too
export const DELETE = withSession(async ({ req, user }) => {
  await deleteMe(user.id, await readJson(req, deleteMeSchema));
  return noContent();
});
