import { json, readJson } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { draftScenario } from "@/lib/server/services/ai-draft-scenario";
import { aiDraftSchema } from "@/lib/validation/custom-game";

// POST /api/ai/scenarios – an AI-drafted scenario from a topic, validated, not saved (facilitator)
export const POST = withSession(async ({ req, user }) => json(await draftScenario(user, await readJson(req, aiDraftSchema))), { roles: ["FACILITATOR"] });
