import { json, parseWith, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { setUserRole } from "@/lib/server/services/admin-users";
import { setRoleSchema } from "@/lib/validation/admin";
import { z } from "zod";

// PUT /api/admin/users/:id/role – grant or revoke a role; the user's old sessions stop working (admin)
export const PUT = withSession<{ id: string }>(async ({ req, user, params }) => {
  const id = parseWith(z.uuid(), params.id);
  const { role } = await readJson(req, setRoleSchema);
  return json(await setUserRole(user, id, role));
}, { roles: ["ADMIN"] });
