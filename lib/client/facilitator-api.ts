import type { Locale } from "@/lib/i18n/locale";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { AiDraftInput, CustomGameInput, OpenRoomsInput } from "@/lib/validation/custom-game";
import type { ScenarioContentParsed } from "@/lib/validation/scenario";
import type { Role } from "@/lib/validation/user";
import { ApiError, apiFetch } from "./api";

/** Typed calls for the facilitator, AI and admin routes (API.md "Scenarios and custom games", "Admin"). */

export interface CustomGameView {
  code: string;
  isPublished: boolean;
  ownerId: string;
  scenarioId: string;
  /** Goes up when an edit had to leave the revision that rooms have played untouched. */
  revision: number;
  locale: "ko" | "en";
  content: ScenarioContentParsed;
  roomsPlayed: number;
  createdAt: string;
  updatedAt: string;
}

export interface OpenedRoom {
  code: string;
  title: string | null;
  visibility: "public" | "private";
}

export interface AiStatus {
  enabled: boolean;
  model: string | null;
}

export interface AiDraft {
  draft: CustomGameInput;
  model: string;
  generationId: string;
}

export interface RoomLogEntry {
  /** "phase": a phase the room was in; "pause": it waited for a player (inside its phase); "event": a seat freed. */
  kind: "phase" | "pause" | "event";
  phase: string;
  round: number;
  reason: string;
  enteredAt: string;
  leftAt: string | null;
  /** A phase's time without its pauses, and its paused time (ms); null while it lasts, and for pauses and events. */
  activeMs: number | null;
  pausedMs: number | null;
  actor: { id: string; nickname: string } | null;
}

export interface AdminUser {
  id: string;
  username: string | null;
  nickname: string;
  role: Role;
  isGuest: boolean;
  participantCode: string;
  createdAt: string;
}

export interface GameFeedback {
  source: "ai" | "rules";
  model: string | null;
  group: string;
  roles: { position: number; name: string; text: string }[];
}

export interface RolePrompts {
  questions: string[];
  source: "ai" | "rules";
}

const game = (code: string) => `/api/custom-games/${encodeURIComponent(code)}`;
const room = (code: string) => `/api/rooms/${encodeURIComponent(code)}`;

// Custom games
export const listGames = (signal?: AbortSignal) => apiFetch<{ games: CustomGameView[] }>("/api/custom-games", { signal }).then((r) => r.games);
export const getGame = (code: string, signal?: AbortSignal) => apiFetch<CustomGameView>(game(code), { signal });
export const createGame = (body: CustomGameInput) => apiFetch<CustomGameView>("/api/custom-games", { method: "POST", body });
export const deleteGame = (code: string) => apiFetch<void>(game(code), { method: "DELETE" });
export const saveOpening = (code: string, body: { title: string; summary?: string; opening: string }) => apiFetch<CustomGameView>(`${game(code)}/opening`, { method: "PUT", body });
export const saveRoles = (code: string, roles: CustomGameInput["roles"]) => apiFetch<CustomGameView>(`${game(code)}/roles`, { method: "PUT", body: { roles } });
export const saveDilemma = (code: string, rounds: CustomGameInput["rounds"]) => apiFetch<CustomGameView>(`${game(code)}/dilemma`, { method: "PUT", body: { rounds } });
export const setPublished = (code: string, isPublished: boolean) => apiFetch<CustomGameView>(`${game(code)}/publish`, { method: "PUT", body: { isPublished } });
export const duplicateGame = (code: string) => apiFetch<CustomGameView>(`${game(code)}/duplicate`, { method: "POST", body: {} });
export const openRooms = (code: string, body: OpenRoomsInput) => apiFetch<{ rooms: OpenedRoom[] }>(`${game(code)}/rooms`, { method: "POST", body }).then((r) => r.rooms);

// Built-in scenarios
const scenario = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

/** A whole scenario as GET /api/scenarios/:id answers it (its title and language are what the facilitator pages need). */
export interface ScenarioDetail {
  id: string;
  locale: string;
  title: string;
  summary: string;
  source: "BUILTIN" | "CUSTOM" | "AI";
  roles: { position: number; name: string }[];
  rounds: { number: number }[];
}

export const getScenario = (id: string, signal?: AbortSignal) => apiFetch<ScenarioDetail>(scenario(id), { signal });
/** Opens rooms on a built-in scenario, as openRooms does for a custom game. */
export const openScenarioRooms = (id: string, body: OpenRoomsInput) => apiFetch<{ rooms: OpenedRoom[] }>(`${scenario(id)}/rooms`, { method: "POST", body }).then((r) => r.rooms);
/** Copies a built-in scenario into a custom game of the caller's (unpublished). */
export const duplicateScenario = (id: string) => apiFetch<CustomGameView>(`${scenario(id)}/duplicate`, { method: "POST", body: {} });

// AI
export const getAiStatus = (signal?: AbortSignal) => apiFetch<AiStatus>("/api/ai/status", { signal });

/** A 429 answer, with the server's Retry-After (seconds) when it sent one. */
export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(429, "RATE_LIMITED", message);
    this.name = "RateLimitedError";
  }
}

/**
 * Asks the AI for a draft (not saved). Like apiFetch, but a 429 rejects with a
 * RateLimitedError carrying Retry-After, which apiFetch does not expose.
 */
export async function draftScenario(body: AiDraftInput, signal?: AbortSignal): Promise<AiDraft> {
  const res = await fetch("/api/ai/scenarios", {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as AiDraft;
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : res.statusText;
  if (res.status === 429) {
    const seconds = Number(res.headers.get("Retry-After"));
    throw new RateLimitedError(message, Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null);
  }
  throw new ApiError(res.status, typeof error?.code === "string" ? error.code : `HTTP_${res.status}`, message, error?.details);
}

// Live monitor
export const listMonitoredRooms = (signal?: AbortSignal) => apiFetch<{ rooms: RoomSnapshot[] }>("/api/facilitator/rooms", { signal }).then((r) => r.rooms);
export const getRoomLog = (code: string, signal?: AbortSignal) =>
  apiFetch<{ entries: RoomLogEntry[] }>(`/api/facilitator/rooms/${encodeURIComponent(code)}/log`, { signal }).then((r) => r.entries);
/** Seats bots in a waiting room's empty seats; answers their nicknames. */
export const fillWithBots = (code: string) => apiFetch<{ added: string[] }>(`/api/facilitator/rooms/${encodeURIComponent(code)}/bots`, { method: "POST", body: {} }).then((r) => r.added);

// Players: role prompts during the discussion, feedback after the game
/** Questions for the player's role, written in `locale` (the player's UI language). */
export const getRolePrompts = (code: string, n: number, locale: Locale) => apiFetch<RolePrompts>(`${room(code)}/rounds/${n}/prompts?locale=${locale}`, { method: "POST", body: {} });
/** Post-game feedback, written in `locale` (the reader's UI language). */
export const getFeedback = (code: string, locale: Locale, signal?: AbortSignal) => apiFetch<GameFeedback>(`${room(code)}/feedback?locale=${locale}`, { signal });

// Admin
export interface ListUsersParams {
  q?: string;
  role?: Role;
  cursor?: string;
  limit?: number;
}

/** The query string of the admin user list; empty values are left out. */
export function usersQuery({ q, role, cursor, limit }: ListUsersParams): string {
  const params = new URLSearchParams();
  if (q?.trim()) params.set("q", q.trim());
  if (role) params.set("role", role);
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const listUsers = (params: ListUsersParams, signal?: AbortSignal) => apiFetch<{ users: AdminUser[]; nextCursor: string | null }>(`/api/admin/users${usersQuery(params)}`, { signal });
export const setUserRole = (id: string, role: Role) => apiFetch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/role`, { method: "PUT", body: { role } });
