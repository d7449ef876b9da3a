import { create } from "zustand";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { ChatMessagePayload } from "@/lib/realtime-events";
import type { MyRole } from "../room-api";

/**
 * Loading the room itself: "not-found" when the server answers 404 (no such room, or not ours to
 * see); "full" / "full-started" when every seat is taken (409 ROOM_FULL / GAME_STARTED).
 */
export type RoomLoadStatus = "idle" | "loading" | "ready" | "not-found" | "full" | "full-started" | "error";
/**
 * The realtime link: "reconnecting" after it dropped while Socket.IO retries; "disconnected" when
 * it gave up or was closed; "refused" when the server turned it away because the user has too
 * many connections open (TOO_MANY_CONNECTIONS).
 */
export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "disconnected" | "refused";

export const MAX_CHAT_MESSAGES = 200;

export interface RoomState {
  code: string | null;
  status: RoomLoadStatus;
  snapshot: RoomSnapshot | null;
  /** Server clock minus this browser's clock (ms), from the latest snapshot's serverTime. */
  clockOffsetMs: number;
  connection: ConnectionStatus;
  /** Chat messages, oldest first: the room's recent history and what arrived since. */
  messages: ChatMessagePayload[];
  /** Users typing a chat message right now. */
  typing: string[];
  /** The caller's role with its private brief, once dealt and fetched. */
  myRole: MyRole | null;
  /** Raised by retry(): the sync starts over (loads and subscribes again). */
  attempt: number;

  /** Starts over for another room (or the same one, freshly). */
  reset(code: string): void;
  setStatus(status: RoomLoadStatus): void;
  /** Loads and follows the room afresh (after the server refused it: full, say). */
  retry(): void;
  /** Keeps `snapshot` when it is newer than the one held; returns whether it was. */
  receiveSnapshot(snapshot: RoomSnapshot, receivedAt?: number): boolean;
  setPresence(userId: string, connected: boolean): void;
  setConnection(connection: ConnectionStatus): void;
  addMessage(message: ChatMessagePayload): void;
  /** Merges earlier messages (the history fetched on entering or after a reconnect). */
  addMessages(messages: ChatMessagePayload[]): void;
  setTyping(userId: string, isTyping: boolean): void;
  setMyRole(role: MyRole | null): void;
}

/**
 * Whether `next` should replace `current`: the first snapshot of a room, or a higher version
 * of the same room. Snapshots come from REST answers and socket pushes in any order; only the
 * highest version seen counts.
 */
export function isNewerSnapshot(current: Pick<RoomSnapshot, "code" | "version"> | null, next: Pick<RoomSnapshot, "code" | "version">): boolean {
  if (!current) return true;
  if (current.code !== next.code) return false;
  return next.version > current.version;
}

/** Server time minus local time, from a snapshot's serverTime read at `receivedAt` (0 when unreadable). */
export function clockOffset(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** `messages` with `message` added once (by id), in time order, keeping the newest `max`. */
export function appendMessage(messages: ChatMessagePayload[], message: ChatMessagePayload, max = MAX_CHAT_MESSAGES): ChatMessagePayload[] {
  if (messages.some((m) => m.id === message.id)) return messages;
  const next = [...messages, message].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return next.length > max ? next.slice(next.length - max) : next;
}

const initial = { code: null, status: "idle", snapshot: null, clockOffsetMs: 0, connection: "idle", messages: [], typing: [], myRole: null, attempt: 0 } as const;

/** The room being viewed: its latest snapshot, the realtime link's status, chat and typing. Fed by <RoomSync>. */
export const useRoomStore = create<RoomState>()((set, get) => ({
  ...initial,
  messages: [],
  typing: [],
  reset(code) {
    set({ ...initial, messages: [], typing: [], code, status: "loading", connection: get().connection, attempt: get().attempt });
  },
  setStatus(status) {
    set({ status });
  },
  retry() {
    set({ status: "loading", attempt: get().attempt + 1 });
  },
  receiveSnapshot(snapshot, receivedAt = Date.now()) {
    const { code, snapshot: current } = get();
    if (code !== null && snapshot.code !== code) return false;
    if (!isNewerSnapshot(current, snapshot)) return false;
    set({ snapshot, status: "ready", clockOffsetMs: clockOffset(snapshot.serverTime, receivedAt) });
    return true;
  },
  setPresence(userId, connected) {
    const { snapshot } = get();
    if (!snapshot || !snapshot.seats.some((s) => s.userId === userId && s.connected !== connected)) return;
    // Same version: the room:state that follows carries the authoritative seats.
    set({ snapshot: { ...snapshot, seats: snapshot.seats.map((s) => (s.userId === userId ? { ...s, connected } : s)) } });
  },
  setConnection(connection) {
    if (get().connection !== connection) set({ connection });
  },
  addMessage(message) {
    const { messages, typing } = get();
    const next = appendMessage(messages, message);
    if (next !== messages) set({ messages: next, typing: typing.filter((u) => u !== message.userId) });
  },
  addMessages(list) {
    const { messages } = get();
    const next = list.reduce((acc, m) => appendMessage(acc, m), messages);
    if (next !== messages) set({ messages: next });
  },
  setTyping(userId, isTyping) {
    const { typing } = get();
    const has = typing.includes(userId);
    if (isTyping && !has) set({ typing: [...typing, userId] });
    else if (!isTyping && has) set({ typing: typing.filter((u) => u !== userId) });
  },
  setMyRole(myRole) {
    set({ myRole });
  },
}));
