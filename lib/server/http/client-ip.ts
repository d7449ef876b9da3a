import type { IncomingMessage } from "node:http";

/** Header server.ts sets on every request to the client's address (any value sent by a client is replaced). */
export const CLIENT_IP_HEADER = "x-aedg-client-ip";

/**
 * The client's address: the first X-Forwarded-For hop when TRUST_PROXY is set (behind nginx
 * or a load balancer), else the socket's peer address.
 */
export function clientIpOf(req: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "true"): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** The address server.ts recorded for a route handler's request. */
export function requestIp(req: { headers: Headers }): string {
  return req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** Headers through which a proxy tells where a request came from and what it was addressed to. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Without TRUST_PROXY, drops the forwarding headers a client sent: nobody vouches for them.
 * Next then fills X-Forwarded-Host, -Proto and -For from the Host header and the connection,
 * so next-auth's redirects (which follow X-Forwarded-Host when NEXTAUTH_URL is unset), the
 * Origin checks and the socket handshake see the address the client really used.
 */
export function dropUntrustedForwarding(req: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "true"): void {
  if (trustProxy) return;
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
}
