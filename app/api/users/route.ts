import { requestIp } from "@/lib/server/http/client-ip";
import { json, readJson } from "@/lib/server/http/respond";
import { consume } from "@/lib/server/rate-limit";
import { withErrors } from "@/lib/server/http/with-session";
import { registerUser } from "@/lib/server/services/register-user";
import { registerSchema } from "@/lib/validation/user";

// POST /api/users – register with a username and password (limited per address)
export const POST = withErrors(async ({ req }) => {
  await consume("registerAddress", requestIp(req));
  const input = await readJson(req, registerSchema);
  const me = await registerUser(input);
  return json({ id: me.id, username: me.username }, { status: 201 });
});
