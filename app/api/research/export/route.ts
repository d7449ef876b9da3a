import { NextResponse } from "next/server";
import { DECLARED_LENGTH_HEADER } from "@/lib/server/http/declared-length";
import { readQuery } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { exportResearchData } from "@/lib/server/services/research-export";
import { researchExportQuerySchema } from "@/lib/validation/research";

// GET /api/research/export?format=xlsx|csv|json&from=&to=&scenario=&completed=&test=&sheet= – the data set as a download (researcher)
export const GET = withSession(
  async ({ req }) => {
    const query = readQuery(req, researchExportQuerySchema);
    const file = await exportResearchData(query, { signal: req.signal }).catch((e: unknown) => {
      if (req.signal.aborted) return null;
      throw e;
    });
    // The client went away while the file was being made: nobody reads this answer (nginx's 499).
    if (!file) return new NextResponse(null, { status: 499 });
    return new NextResponse(file.body as BodyInit, {
      status: 200,
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // no-transform: sent as is (not compressed on the way), so the length holds and the download shows its progress.
        "Cache-Control": "no-store, no-transform",
        "X-Content-Type-Options": "nosniff",
        [DECLARED_LENGTH_HEADER]: String(file.size),
      },
    });
  },
  { roles: ["RESEARCHER"] },
);
