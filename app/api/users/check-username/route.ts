import { requestIp } from "@/lib/server/http/client-ip";
import { json, readQuery } from "@/lib/server/http/respond";
import { withErrors } from "@/lib/server/http/with-session";
import { consume } from "@/lib/server/rate-limit";
import { checkUsername } from "@/lib/server/services/check-username";
import { checkUsernameQuerySchema } from "@/lib/validation/user";

// GET /api/users/check-username?username= – is this username free? (limited per address)
export const GET = withErrors(async ({ req }) => {
  const { username } = readQuery(req, checkUsernameQuerySchema);
  await consume("usernameCheckAddress", requestIp(req));
  return json(await checkUsername(username));
});
