import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { cleanupResearchData } from "@/lib/server/services/research-cleanup";
import { researchCleanupSchema } from "@/lib/validation/research";

// POST /api/research/cleanup – delete test rooms (and, with `before`, older abandoned rooms); answers counts per table (researcher)
export const POST = withSession(async ({ req }) => json(await cleanupResearchData(await readJson(req, researchCleanupSchema))), { roles: ["RESEARCHER"] });
