import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "./remember";

/**
 * The address of the client a request is being served for, for the limits a service keeps per
 * address (room-code look-ups). The HTTP edge records it (withSession); where nothing did
 * (a socket event, a background job), there is none, and such limits count per user only.
 */
type RequestClient = { ip: string };

// One store for both module copies (server.ts and the route bundles): see remember.ts.
const clients = () => remember("request-client", () => new AsyncLocalStorage<RequestClient>());

/** Runs `fn` on behalf of a client at `ip`. */
export function asClient<T>(ip: string, fn: () => T): T {
  return clients().run({ ip }, fn);
}

/** The address of the client being served, if the edge recorded one. */
export function clientAddress(): string | undefined {
  return clients().getStore()?.ip;
}
