import type { Phase } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { GameStatistics } from "@/lib/domain/statistics";
import { isVersionOnly, type ChatMessagePayload, type RoomStateMessage, type RoomVersionMessage } from "@/lib/realtime-events";
import type { RoomCommandInput } from "@/lib/validation/room";
import { apiFetch, isApiError } from "./api";
import { connectedSocket, emitAck } from "./socket";
import { useRoomStore } from "./stores/room";

/** Typed calls for the room routes (API.md "Rooms and play"). */

export interface ScenarioSummary {
  id: string;
  slug: string | null;
  locale: string;
  title: string;
  summary: string;
  source: "BUILTIN" | "CUSTOM" | "AI";
  rounds: number;
  roles: string[];
}

export interface RoomListing {
  code: string;
  title: string | null;
  scenario: { id: string; title: string; locale: string };
  seatsTaken: number;
  players: string[];
  createdAt: string;
}

export interface MyRole {
  seat: number;
  role: { position: number; name: string; brief: string; privateBrief: string } | null;
  others: { seat: number; userId: string | null; role: { position: number; name: string; brief: string } | null }[];
}

export type RoomStatistics = GameStatistics & { code: string; phase: Phase };

export interface CreateRoomBody {
  visibility: "public" | "private";
  scenarioId?: string;
  title?: string;
  settings?: { roleAssignment?: "random" | "manual" };
  /** Sit down as the host at once (a facilitator or admin is never seated). */
  takeSeat?: boolean;
}

const room = (code: string) => `/api/rooms/${encodeURIComponent(code)}`;
const round = (code: string, n: number) => `${room(code)}/rounds/${n}`;

/** Built-in and published scenarios, in one language when `locale` is given. */
export const listScenarios = (locale: string | null, signal?: AbortSignal) =>
  apiFetch<{ scenarios: ScenarioSummary[] }>(locale ? `/api/scenarios?locale=${encodeURIComponent(locale)}` : "/api/scenarios", { signal }).then((r) => r.scenarios);
export const listRooms = (signal?: AbortSignal) => apiFetch<{ rooms: RoomListing[] }>("/api/rooms", { signal }).then((r) => r.rooms);
export const createRoom = (body: CreateRoomBody) => apiFetch<RoomSnapshot>("/api/rooms", { method: "POST", body });
export const getRoom = (code: string, signal?: AbortSignal) => apiFetch<RoomSnapshot>(room(code), { signal });
/** Takes a seat: over the open socket (`room:command` "join"), or the REST route when it is not connected. */
export function joinRoom(code: string): Promise<RoomSnapshot> {
  const socket = connectedSocket();
  if (socket) return emitAck(socket, "room:command", { type: "join", code, reply: "version" }).then(snapshotOf);
  return apiFetch<{ seat: number | null; snapshot: RoomSnapshot }>(`${room(code)}/join`, { method: "POST", body: {} }).then((r) => r.snapshot);
}
/** Takes a seat; already having one counts as success (answers the current snapshot then). */
export async function takeSeat(code: string): Promise<RoomSnapshot> {
  try {
    return await joinRoom(code);
  } catch (e) {
    if (isApiError(e, "ALREADY_SEATED")) return getRoom(code);
    throw e;
  }
}
export const leaveRoom = (code: string) => apiFetch<void>(`${room(code)}/leave`, { method: "POST", body: {} });
export const setReady = (code: string, ready: boolean) => move({ type: "ready", code, ready }, `${room(code)}/ready`, { ready });
export const assignRoles = (code: string, mode: "random" | "manual", assignments?: { seat: number; roleIndex: number }[]) =>
  apiFetch<RoomSnapshot>(`${room(code)}/roles`, { method: "POST", body: assignments ? { mode, assignments } : { mode } });
export const getMyRole = (code: string, signal?: AbortSignal) => apiFetch<MyRole>(`${room(code)}/roles`, { signal });
export const confirmRole = (code: string) => move({ type: "confirmRole", code }, `${room(code)}/roles/confirm`, {});
export const getStatistics = (code: string, signal?: AbortSignal) => apiFetch<RoomStatistics>(`${room(code)}/statistics`, { signal });
export const getMemo = (code: string, signal?: AbortSignal) => apiFetch<{ text: string; updatedAt: string | null }>(`${room(code)}/memo`, { signal });
export const getChat = (code: string, signal?: AbortSignal) => apiFetch<{ messages: ChatMessagePayload[] }>(`${room(code)}/chat`, { signal }).then((r) => r.messages);
/** "I'm here": answers "Are you still there?" (over the socket when it is connected). */
export const checkIn = (code: string) => move({ type: "checkIn", code }, `${room(code)}/check-in`, {});
export const releaseSeat = (code: string, seat: number) => apiFetch<RoomSnapshot>(`${room(code)}/seats/${seat}/release`, { method: "POST", body: {} });

/**
 * A game move: over the open socket (`room:command`, no HTTP request per move), or the REST route
 * when the socket is not connected. Both answer the snapshot after the move and refuse it with
 * the same code and status; an opId means the same operation on either.
 */
function move(command: RoomCommandInput, path: string, body: Record<string, unknown>): Promise<RoomSnapshot> {
  const socket = connectedSocket();
  if (socket) return emitAck(socket, "room:command", { ...command, reply: "version" }).then(snapshotOf);
  return apiFetch<RoomSnapshot>(path, { method: "POST", body });
}

/**
 * The snapshot a `room:command` answered: itself, or (asked with `reply: "version"` by a socket
 * subscribed to the room) the one the store got pushed just before, at that version or later;
 * read afresh should the store not have it.
 */
function snapshotOf(answer: RoomStateMessage | RoomVersionMessage): RoomSnapshot | Promise<RoomSnapshot> {
  if (!isVersionOnly(answer)) return answer;
  const held = useRoomStore.getState().snapshot;
  return held && held.code === answer.code && held.version >= answer.version ? held : getRoom(answer.code);
}

// Game moves: each carries an opId so that a retry after a network failure is answered as the first try was.

export const submitChoice = (code: string, n: number, choice: number, confidence: number, opId: string) =>
  move({ type: "choice", code, round: n, choice, confidence, opId }, `${round(code, n)}/choice`, { choice, confidence, opId });
export const endDiscussion = (code: string, n: number, opId: string) => move({ type: "endDiscussion", code, round: n, opId }, `${round(code, n)}/discussion/end`, { opId });
export const backConsensus = (code: string, n: number, choice: number, opId: string) =>
  move({ type: "consensus", code, round: n, choice, opId }, `${round(code, n)}/consensus`, { choice, opId });
export const rateConsensus = (code: string, n: number, confidence: number, opId: string) =>
  move({ type: "consensusConfidence", code, round: n, confidence, opId }, `${round(code, n)}/consensus-confidence`, { confidence, opId });
export const continueRound = (code: string, n: number, opId: string) => move({ type: "continue", code, round: n, opId }, `${round(code, n)}/continue`, { opId });
export const advanceRoom = (code: string, reason: string, end: boolean, opId: string) =>
  move({ type: "advance", code, reason, end, opId }, `${room(code)}/advance`, { reason, end, opId });

/** A fresh operation id. crypto.randomUUID exists only in secure contexts (not on http://192.168…), hence the fallback. */
export function newOpId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A network failure (no answer at all, or no ack in time), as opposed to an error answer from the server. */
export function isNetworkError(e: unknown): boolean {
  if (isApiError(e)) return e.code === "TIMEOUT";
  return !(e instanceof DOMException && e.name === "AbortError");
}

/**
 * Operation ids of user actions that have not been answered yet, by action key
 * ("choice:K7M2QX:2"). An action that failed on the network keeps its id, so trying it
 * again reuses it and the server answers a duplicate as it answered the first.
 */
export class PendingOps {
  private readonly ids = new Map<string, string>();

  constructor(private readonly make: () => string = newOpId) {}

  /** The id for this action: the pending one, or a new one. */
  idFor(key: string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = this.make();
      this.ids.set(key, id);
    }
    return id;
  }

  /** The action got an answer (success or refusal): the next try is a new operation. */
  settle(key: string): void {
    this.ids.delete(key);
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  /**
   * Runs `fn(opId)`, retrying with the same id after network failures (`retries` times,
   * waiting `delayMs` × attempt in between). Settles the key on any answer from the server;
   * after a final network failure the id stays pending for a manual retry.
   */
  async run<T>(key: string, fn: (opId: string) => Promise<T>, { retries = 2, delayMs = 600 }: { retries?: number; delayMs?: number } = {}): Promise<T> {
    const opId = this.idFor(key);
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await fn(opId);
        this.settle(key);
        return result;
      } catch (e) {
        if (!isNetworkError(e)) {
          this.settle(key);
          throw e;
        }
        if (attempt >= retries) throw e;
        await new Promise((r) => setTimeout(r, delayMs * (attempt + 1)));
      }
    }
  }
}

/** The app's pending game moves. */
export const pendingOps = new PendingOps();
