import { json, readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { countRows } from "@/lib/server/services/research-counts";
import { emptyQuerySchema } from "@/lib/validation/research";

// GET /api/research/debug/counts – row counts per table (researcher)
export const GET = withSession(
  async ({ req }) => {
    readQuery(req, emptyQuerySchema);
    return json(await countRows());
  },
  { roles: ["RESEARCHER"] },
);
