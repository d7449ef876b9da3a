import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

let configured: { source: string; origins: Set<string> } | undefined;

/** NEXTAUTH_URL's origin and APP_ORIGINS, as origins (scheme, host, port). */
function configuredOrigins(): Set<string> {
  const source = `${process.env.NEXTAUTH_URL ?? ""} ${process.env.APP_ORIGINS ?? ""}`;
  if (configured?.source !== source) {
    const origins = new Set<string>();
    for (const value of [process.env.NEXTAUTH_URL, ...(process.env.APP_ORIGINS ?? "").split(",")]) {
      const origin = originOf(value?.trim());
      if (origin) origins.add(origin.origin);
    }
    configured = { source, origins };
  }
  return configured.origins;
}

function originOf(value: string | null | undefined): URL | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The host the request was addressed to. Next sets X-Forwarded-Host from the Host header
 * unless a proxy sent one, and the server drops any a client sent unless TRUST_PROXY is set
 * (lib/server/boot.ts), so this is the proxy's public host or the Host header.
 */
function requestHost(headers: Headers): string | undefined {
  return (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase() || undefined;
}

/**
 * Refuses (FORBIDDEN) a state-changing request (POST, PUT, PATCH, DELETE) that a browser sent
 * from a page of another origin: session cookies are SameSite=Lax, and Lax cookies go along
 * with requests from other ports of the same host (same site, other origin), so a body-less
 * POST from such a page would otherwise act as the signed-in player.
 *
 * Allowed: an Origin of the server's own host (any scheme: one host and port is one server),
 * NEXTAUTH_URL's origin, or one of APP_ORIGINS. Browsers send Origin with every such request;
 * a request without one comes from a non-browser client (bots, scripts, tests, curl) and is
 * allowed, unless Sec-Fetch-Site (sent only by browsers) says it came from another origin.
 */
export function checkOrigin(req: { method: string; headers: Headers }): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const header = req.headers.get("origin");
  if (header === null) {
    const site = req.headers.get("sec-fetch-site");
    if (site === null || site === "same-origin" || site === "none") return;
    throw new AppError("FORBIDDEN", "Cross-origin request refused.");
  }
  const origin = originOf(header);
  if (origin && (origin.host === requestHost(req.headers) || configuredOrigins().has(origin.origin))) return;
  throw new AppError("FORBIDDEN", "Cross-origin request refused.");
}
