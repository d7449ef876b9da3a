import { Readable } from "node:stream";
import { z } from "zod";
import { DECLARED_LENGTH_HEADER } from "@/lib/server/http/declared-length";
import { parseWith } from "@/lib/server/http/respond";
import { withSession } from "@/lib/server/http/with-session";
import { readRecording } from "@/lib/server/services/recordings";

// GET /api/voice/recordings/:id – the audio, as an attachment (its speaker or a researcher)
export const GET = withSession<{ id: string }>(async ({ user, params }) => {
  const rec = await readRecording(user, parseWith(z.uuid(), params.id));
  return new Response(Readable.toWeb(rec.stream) as ReadableStream, {
    headers: {
      "Content-Type": rec.mimeType,
      // Sent as Content-Length (Next.js drops the header itself): players see download progress.
      [DECLARED_LENGTH_HEADER]: String(rec.size),
      "Content-Disposition": `attachment; filename="${rec.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
});
