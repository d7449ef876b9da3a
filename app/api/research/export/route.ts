import { NextResponse } from "next/server";
import { readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { exportResearchData } from "@/lib/server/services/research-export";
import { researchExportQuerySchema } from "@/lib/validation/research";

// GET /api/research/export?format=xlsx|csv|json&from=&to=&scenario=&completed=&test=&sheet= – the data set as a download (researcher)
export const GET = withSession(
  async ({ req }) => {
    const file = await exportResearchData(readQuery(req, researchExportQuerySchema));
    const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
    return new NextResponse(body, {
      status: 200,
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { roles: ["RESEARCHER"] },
);
