import { metricsText } from "@/lib/server/services/metrics-text";

export const dynamic = "force-dynamic";

// GET /metrics – Prometheus text format. With METRICS_TOKEN set, only for "Authorization: Bearer <token>".
export async function GET(req: Request) {
  const token = process.env.METRICS_TOKEN;
  if (token && req.headers.get("authorization") !== `Bearer ${token}`) {
    return Response.json({ error: { code: "UNAUTHORIZED", message: "A metrics token is required." } }, { status: 401 });
  }
  const { contentType, body } = await metricsText();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
