import { io, type Socket } from "socket.io-client";
import { THROTTLED_RETRIES, throttledFor, type AckResponse, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime-events";
import { ApiError } from "./api";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: { socket: AppSocket; userId: string } | null = null;

/**
 * The app's one Socket.IO connection, created on first use in the browser. The handshake
 * authenticates with the session cookie, so a socket belongs to the user it was opened for:
 * asking for another user (signed out and in again) closes it and opens a new one.
 */
export function getSocket(userId: string): AppSocket {
  if (typeof window === "undefined") throw new Error("getSocket() runs in the browser only");
  if (shared && shared.userId === userId) return shared.socket;
  shared?.socket.disconnect();
  const socket: AppSocket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
  shared = { socket, userId };
  return socket;
}

/** The app's connection when it is open right now (game moves then go over it), else null. */
export function connectedSocket(): AppSocket | null {
  return shared?.socket.connected ? shared.socket : null;
}

/** Closes the shared connection (sign-out). */
export function closeSocket(): void {
  shared?.socket.disconnect();
  shared = null;
}

type AckEvents = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]>[1] extends (r: AckResponse<infer T>) => void ? E : never;
}[keyof ClientToServerEvents];
type AckData<E extends AckEvents> = Parameters<ClientToServerEvents[E]>[1] extends (r: AckResponse<infer T>) => void ? T : never;

/**
 * Emits an event and waits for its ack. Resolves with `data`; rejects with an ApiError carrying
 * the ack's error code and status, or code "TIMEOUT" (status 0) when no ack came in time.
 */
export async function emitAck<E extends AckEvents>(socket: AppSocket, event: E, payload: Parameters<ClientToServerEvents[E]>[0], timeoutMs = 8000): Promise<AckData<E>> {
  let response: AckResponse<AckData<E>>;
  for (let attempt = 0; ; attempt++) {
    try {
      // The typed overloads of emitWithAck do not survive the generic event name.
      const timed = socket.timeout(timeoutMs);
      const emit = timed.emitWithAck as unknown as (event: string, payload: unknown) => Promise<AckResponse<AckData<E>>>;
      response = await emit.call(timed, event, payload);
    } catch {
      throw new ApiError(0, "TIMEOUT", "No answer from the server.");
    }
    // Throttled by the hub (the event was not read): wait as told and send it again.
    const wait = throttledFor(response);
    if (wait === null || attempt >= THROTTLED_RETRIES) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  // The same status as the REST answer to the same refusal (0 from an older server).
  if (!response.ok) throw new ApiError(response.error.status ?? 0, response.error.code, response.error.message, response.error.details);
  return response.data;
}
