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
