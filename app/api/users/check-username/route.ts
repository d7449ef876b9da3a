import { json, readQuery } from "@/lib/server/http/respond";
import { withErrors } from "@/lib/server/http/with-session";
import { checkUsername } from "@/lib/server/services/check-username";
import { checkUsernameQuerySchema } from "@/lib/validation/user";

// GET /api/users/check-username?username= – is this username free?
export const GET = withErrors(async ({ req }) => {
  const { username } = readQuery(req, checkUsernameQuerySchema);
  return json(await checkUsername(username));
});
