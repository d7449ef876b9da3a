import { json } from "@/lib/server/http/respond";
import { openApiDocument } from "@/lib/server/openapi/document";

// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas
export async function GET() {
  return json(openApiDocument());
}
