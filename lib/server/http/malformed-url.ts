import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../errors";

/** Whether the request's path cannot be percent-decoded (`/api/rooms/%ZZ`, a lone surrogate's bytes). */
export function hasMalformedPath(url: string | undefined): boolean {
  const pathname = (url ?? "/").split("?")[0]!;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Answers 400 to a path that cannot be decoded, before Next sees it (Next's router throws on
 * such a path of a dynamic route and answers 500): the API's error shape under /api, plain text
 * for a page. True when it answered.
 */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!hasMalformedPath(req.url)) return false;
  const isApi = (req.url ?? "").startsWith("/api/");
  const message = "The address has malformed percent-encoding.";
  const body = isApi ? JSON.stringify(new AppError("VALIDATION_ERROR", message).toBody()) : `400 Bad Request: ${message}\n`;
  res.writeHead(400, {
    "Content-Type": isApi ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
  return true;
}
