import { json } from "@/lib/server/http/respond";
import { getHealth } from "@/lib/server/services/get-health";

export const dynamic = "force-dynamic";

// GET /health – status, database (and Redis) reachability, uptime, socket connections (503 while the database, or a configured Redis, is down)
export async function GET() {
  const health = await getHealth();
  return json(health, { status: health.status === "ok" ? 200 : 503 });
}
