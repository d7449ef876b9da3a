import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { metrics } from "../metrics";

export const REQUEST_ID_HEADER = "x-request-id";

/**
 * Gives a request an id (kept from a proxy's X-Request-Id when it looks sane), echoes it on
 * the response, and when the response ends records its duration and logs one JSON line
 * (debug for static assets, warn for 5xx), under the route `routeLabel` names (a bounded set).
 * Never logs bodies, cookies or query strings.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, log: Logger, routeLabel: (pathname: string) => string): void {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (pathname.startsWith("/socket.io/")) return;
    const route = routeLabel(pathname);
    metrics().httpDuration.observe({ method: req.method ?? "GET", route, status: String(res.statusCode) }, seconds);
    const line = { reqId: id, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) };
    if (res.statusCode >= 500) log.warn(line, "request failed");
    else if (route === "/_next/*") log.debug(line, "request");
    else log.info(line, "request");
  });
}
