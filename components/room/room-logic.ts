import type { Phase } from "@/lib/domain/game";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";

/** Pure helpers of the room screens (unit-tested in tests/unit/room-logic.test.ts). */

/** The page a room in `phase` is played on. */
export function roomPath(code: string, phase: Phase, round: number): string {
  const base = `/rooms/${code}`;
  switch (phase) {
    case "WAITING":
      return base;
    case "ROLES":
      return `${base}/roles`;
    case "INDIVIDUAL":
    case "DISCUSSION":
    case "CONSENSUS":
    case "REVEAL":
      return `${base}/rounds/${round}`;
    case "FINISHED":
    case "ABANDONED":
      return `${base}/summary`;
  }
}

/** Whether `pathname` is already the page of this phase (ignoring a trailing slash). */
export function isOnRoomPath(pathname: string, target: string): boolean {
  return pathname.replace(/\/+$/, "") === target;
}

/**
 * Time left on the room's timer (ms, ≥ 0), or null when there is none. A paused room shows
 * the time left when it paused; otherwise the deadline is compared with the server's clock
 * (`now` + `offsetMs`), so a browser whose clock is off still counts down correctly.
 */
export function timeLeftMs(room: Pick<RoomSnapshot, "deadline" | "remainingMs" | "pausedAt">, offsetMs: number, now: number): number | null {
  if (room.pausedAt !== null) return room.remainingMs === null ? null : Math.max(0, room.remainingMs);
  if (room.deadline === null) return null;
  const end = Date.parse(room.deadline);
  if (!Number.isFinite(end)) return null;
  return Math.max(0, end - (now + offsetMs));
}

/** "4:05", "0:09", "1:02:03": whole seconds, rounded up so that 0:00 means the time is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** Seconds left at which the countdown is announced to screen readers. */
const ANNOUNCE_AT = [300, 180, 120, 60, 30, 10];

/** The announcement mark (seconds) that `ms` falls on, if any: announce once per mark. */
export function announcementMark(ms: number | null): number | null {
  if (ms === null) return null;
  const s = Math.ceil(ms / 1000);
  return ANNOUNCE_AT.find((mark) => s <= mark && s > mark - 5) ?? null;
}

/** Seated players who have not yet answered what the current phase asks. */
export function waitingFor(seats: SeatView[]): SeatView[] {
  return seats.filter((s) => s.userId !== null && !s.submitted);
}

/** Players who are away (seated but disconnected). */
export function awayPlayers(seats: SeatView[]): SeatView[] {
  return seats.filter((s) => s.userId !== null && !s.connected);
}

/** Who backs each option in the consensus phase: option index → user ids. */
export function backersByOption(room: Pick<RoomSnapshot, "consensus">): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const v of room.consensus?.votes ?? []) out.set(v.choice, [...(out.get(v.choice) ?? []), v.userId]);
  return out;
}

/** The option the user currently backs in the consensus phase, or null. */
export function myStance(room: Pick<RoomSnapshot, "consensus">, userId: string): number | null {
  return room.consensus?.votes.find((v) => v.userId === userId)?.choice ?? null;
}

/** "A", "A and B", "A, B and C" (or the Korean equivalent through `and`). */
export function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}

/** Error codes the room screens explain in their own words. */
const KNOWN_CODES = [
  "ROOM_FULL",
  "GAME_STARTED",
  "GAME_OVER",
  "WRONG_PHASE",
  "ALREADY_SUBMITTED",
  "ALREADY_SEATED",
  "ROUND_MISMATCH",
  "PAUSED",
  "NOT_SEATED",
  "NOT_FOUND",
  "NOT_ALLOWED",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONSENT_REQUIRED",
  "RATE_LIMITED",
  "SEATS_NOT_FILLED",
  "SEAT_EMPTY",
  "NO_CONSENSUS_YET",
  "CONSENSUS_REACHED",
  "INVALID_CHOICE",
  "INVALID_CONFIDENCE",
  "INVALID_ASSIGNMENT",
  "VALIDATION_ERROR",
  "DB_UNAVAILABLE",
  "TIMEOUT",
  "INTERNAL",
] as const;
export type KnownErrorCode = (typeof KNOWN_CODES)[number];

/** The message to show for a failed room action: by error code, "network" when nothing answered. */
export function errorMessageKey(e: unknown): MessageKey {
  if (!isApiError(e)) return "roomError.NETWORK";
  if ((KNOWN_CODES as readonly string[]).includes(e.code)) return `roomError.${e.code as KnownErrorCode}`;
  return e.status >= 500 ? "roomError.INTERNAL" : "roomError.UNKNOWN";
}

/** The room code in a URL segment, upper-cased ("k7m2qx" → "K7M2QX"); "" when it is not decodable. */
export function codeFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw).trim().toUpperCase();
  } catch {
    return "";
  }
}
