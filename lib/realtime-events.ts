import type { LeanRoomSnapshot, RoomSnapshot } from "./domain/snapshot";
import type { RoomCommandInput } from "./validation/room";

/**
 * The Socket.IO contract (API.md "Socket.IO"): every client→server event carries an ack
 * answering `{ ok: true, data }` or `{ ok: false, error }`.
 */

export interface AckError {
  code: string;
  message: string;
  details?: unknown;
  /** The HTTP status the same refusal has on the REST API (409 for a move the phase does not allow, …). */
  status?: number;
  /** With RATE_LIMITED: how long to wait before sending again (ms). */
  retryAfterMs?: number;
}
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (response: AckResponse<T>) => void;

/**
 * How long to wait before sending an event again when the hub throttled it (RATE_LIMITED: the
 * event was dropped unread, so sending it again is always safe); null for any other answer.
 */
export function throttledFor(response: AckResponse<unknown> | null | undefined): number | null {
  return response && !response.ok && response.error.code === "RATE_LIMITED" ? (response.error.retryAfterMs ?? 1000) : null;
}

/** Times an event throttled by the hub is sent again before its refusal is taken as the answer. */
export const THROTTLED_RETRIES = 5;

/**
 * Emits `event` on a socket.io-client socket and waits for its ack; when the hub throttled it,
 * waits as told and sends it again (up to THROTTLED_RETRIES times, calling `onThrottled` each
 * time). Rejects as `emitWithAck` does when no ack comes within `timeoutMs`.
 */
export async function emitWithAckWaitingOutThrottle<T>(socket: { timeout(ms: number): unknown }, event: string, payload: unknown, timeoutMs: number, onThrottled?: () => void): Promise<AckResponse<T>> {
  for (let attempt = 0; ; attempt++) {
    // The typed overloads of emitWithAck do not survive a generic event name.
    const timed = socket.timeout(timeoutMs) as { emitWithAck(event: string, payload: unknown): Promise<AckResponse<T>> };
    const response = await timed.emitWithAck(event, payload);
    const wait = throttledFor(response);
    if (wait === null || attempt >= THROTTLED_RETRIES) return response;
    onThrottled?.();
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Room snapshot as broadcast by `room:state` (lib/domain/snapshot.ts). */
export type RoomStateMessage = RoomSnapshot;

/**
 * The answer to a `room:command` sent with `reply: "version"` by a socket subscribed to the
 * room: the room's version after the move. The move's `room:state` (when it changed anything)
 * reached the socket before this answer, so the snapshot is not sent twice.
 */
export interface RoomVersionMessage {
  code: string;
  version: number;
}

/** Whether a `room:command`'s answer is the version alone (see RoomVersionMessage), not the snapshot. */
export const isVersionOnly = (answer: RoomStateMessage | RoomVersionMessage): answer is RoomVersionMessage => !("seats" in answer);

export interface ChatMessagePayload {
  id: string;
  userId: string;
  nickname: string;
  text: string;
  at: string;
}

export interface ClientToServerEvents {
  /**
   * Follow a room: its full snapshot answers. With `lean: true` the socket's later states come as
   * `room:lean-state` (without the scenario's fixed text) instead of `room:state`; subscribing
   * again without it switches back.
   */
  "room:subscribe": (payload: { code: string; lean?: boolean }, ack: Ack<RoomStateMessage | { code: string }>) => void;
  "room:unsubscribe": (payload: { code: string }, ack: Ack<null>) => void;
  /** A game move (API.md "Rooms and play" as one event); answers the room's snapshot after it (or, asked for, its version). */
  "room:command": (payload: RoomCommandInput, ack: Ack<RoomStateMessage | RoomVersionMessage>) => void;
  "chat:send": (payload: { code: string; text: string }, ack: Ack<ChatMessagePayload>) => void;
  "chat:typing": (payload: { code: string; isTyping: boolean }, ack: Ack<null>) => void;
  "memo:save": (payload: { code: string; text: string }, ack: Ack<{ savedAt: string }>) => void;
  "voice:join": (payload: { code: string }, ack: Ack<{ peers: string[] }>) => void;
  "voice:signal": (payload: { code: string; to: string; data: Record<string, unknown> }, ack: Ack<null>) => void;
  "voice:state": (payload: { code: string; muted: boolean; speaking: boolean }, ack: Ack<null>) => void;
  "voice:leave": (payload: { code: string }, ack: Ack<null>) => void;
  "presence:status": (payload: { status: "active" | "idle" | "away" }, ack: Ack<null>) => void;
  /** Facilitators: follow every room they opened (admins: every room). Ack data: the active rooms now. */
  "monitor:subscribe": (payload: Record<string, never>, ack: Ack<RoomStateMessage[]>) => void;
  "monitor:unsubscribe": (payload: Record<string, never>, ack: Ack<null>) => void;
}

export interface ServerToClientEvents {
  "room:state": (snapshot: RoomStateMessage) => void;
  /** To a socket subscribed with `lean: true`, instead of room:state (lib/domain/snapshot.ts: LeanRoomSnapshot). */
  "room:lean-state": (snapshot: LeanRoomSnapshot) => void;
  "room:presence": (payload: { userId: string; connected: boolean }) => void;
  "chat:message": (payload: ChatMessagePayload) => void;
  "chat:typing": (payload: { userId: string; isTyping: boolean }) => void;
  "voice:peers": (payload: { peers: string[] }) => void;
  "voice:peer-joined": (payload: { userId: string }) => void;
  "voice:peer-left": (payload: { userId: string }) => void;
  "voice:signal": (payload: { from: string; data: Record<string, unknown> }) => void;
  "voice:state": (payload: { userId: string; muted: boolean; speaking: boolean }) => void;
  /** To a facilitator's monitor: the new snapshot of a room they opened. */
  "monitor:room": (snapshot: RoomStateMessage) => void;
  /**
   * This socket no longer follows the room: its seat was freed, or (someone without a seat) the
   * room filled or ended. Subscribing again answers what the user may see of it now, or NOT_FOUND.
   */
  "room:unsubscribed": (payload: { code: string }) => void;
}

export interface SocketData {
  userId: string;
  nickname: string;
  role: string;
  status?: "active" | "idle" | "away";
}

/**
 * A room's channels. Its members — seated players and those who manage the room — are in
 * roomChannel (states, chat, presence, typing), the lean ones in roomLeanChannel too. Someone
 * who may take a free seat follows it in watchChannel, which gets only the lobby view of its
 * states (lobbyView), the lean ones in watchLeanChannel too; watchUserChannel names one user's
 * such sockets, so that taking a seat can move them in (on every instance) without a lookup.
 */
export const roomChannel = (code: string) => `room:${code}`;
/** The sockets of a room's channel that take lean states (they are in roomChannel too). */
export const roomLeanChannel = (code: string) => `lean:${code}`;
export const watchChannel = (code: string) => `watch:${code}`;
export const watchLeanChannel = (code: string) => `watch-lean:${code}`;
/** One user's sockets following a room without a seat, by the kind of states they asked for. */
export const watchUserChannel = (code: string, userId: string, lean: boolean) => `${lean ? "watch-lean" : "watch"}:${code}:${userId}`;
/** Every channel through which a socket of `userId` can follow room `code` (its voice mesh aside). */
export const followChannels = (code: string, userId: string) => [
  roomChannel(code),
  roomLeanChannel(code),
  watchChannel(code),
  watchLeanChannel(code),
  watchUserChannel(code, userId, false),
  watchUserChannel(code, userId, true),
];
export const userChannel = (userId: string) => `user:${userId}`;
/** A facilitator's monitor channel; admins use monitorChannel("all"). */
/** Everyone in a room's voice mesh, and one user's sockets in it. */
export const voiceChannel = (code: string) => `voice:${code}`;
export const voiceUserChannel = (code: string, userId: string) => `voice:${code}:${userId}`;
export const monitorChannel = (userId: string) => `monitor:${userId}`;
