import { json, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { listUsers } from "@/lib/server/services/admin-users";
import { listUsersQuerySchema } from "@/lib/validation/admin";

// GET /api/admin/users?q=&role=&cursor=&limit= – users, page by page (admin)
export const GET = withSession(async ({ req }) => json(await listUsers(readQuery(req, listUsersQuerySchema))), { roles: ["ADMIN"] });
