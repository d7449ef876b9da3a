import { json, readJson } from "@/lib/server/http/respond";
import { withErrors } from "@/lib/server/http/with-session";
import { registerUser } from "@/lib/server/services/register-user";
import { registerSchema } from "@/lib/validation/user";

// POST /api/users – register with a username and password
export const POST = withErrors(async ({ req }) => {
  const input = await readJson(req, registerSchema);
  const me = await registerUser(input);
  return json({ id: me.id, username: me.username }, { status: 201 });
});
