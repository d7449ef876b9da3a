import { io, type Socket } from "socket.io-client";
import { emitWithAckWaitingOutThrottle, type AckResponse, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime-events";
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
  try {
    response = await emitWithAckWaitingOutThrottle<AckData<E>>(socket, event, payload, timeoutMs);
  } catch {
    throw new ApiError(0, "TIMEOUT", "No answer from the server.");
  }
  // The same status as the REST answer to the same refusal (0 from an older server).
  if (!response.ok) throw new ApiError(response.error.status ?? 0, response.error.code, response.error.message, response.error.details);
  return response.data;
}
