import { isOver, isPlaying } from "@/lib/domain/game";
import { activeSince, PAUSE_REASON } from "@/lib/domain/phase-time";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";

/**
 * Pure helpers of the live monitor (unit-tested in tests/unit/facilitator-monitor.test.ts):
 * merging snapshots that arrive by REST and socket in any order, ordering rooms, time in
 * phase, and what needs the facilitator's attention.
 */

export type RoomMap = Readonly<Record<string, RoomSnapshot>>;

/** `rooms` with `snapshot` in it, unless an equal or newer version of that room is already held. */
export function mergeSnapshot(rooms: RoomMap, snapshot: RoomSnapshot): RoomMap {
  const current = rooms[snapshot.code];
  if (current && current.version >= snapshot.version) return rooms;
  return { ...rooms, [snapshot.code]: snapshot };
}

/**
 * The rooms after a full list from the server (page load, (re)subscribe): every listed room
 * (the newer of held and listed), plus held rooms that are over (the list only has active
 * ones, and a room that just ended should stay in view). A held active room missing from the
 * list is gone.
 */
export function mergeList(rooms: RoomMap, list: RoomSnapshot[]): RoomMap {
  const out: Record<string, RoomSnapshot> = {};
  for (const room of Object.values(rooms)) if (isOver(room.phase)) out[room.code] = room;
  for (const snapshot of list) {
    const held = rooms[snapshot.code];
    out[snapshot.code] = held && held.version > snapshot.version ? held : snapshot;
  }
  return out;
}

export const roomName = (room: Pick<RoomSnapshot, "title" | "scenario">) => room.title ?? room.scenario.title;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Active rooms first, then by name ("Class · 2" before "Class · 10"), then by code: a steady order that does not jump as rooms change. */
export function sortRooms(rooms: RoomSnapshot[]): RoomSnapshot[] {
  return [...rooms].sort((a, b) => Number(isOver(a.phase)) - Number(isOver(b.phase)) || collator.compare(roomName(a), roomName(b)) || a.code.localeCompare(b.code));
}

/**
 * How long the room has been in its phase without its pauses (ms, on the server's clock): the
 * time players had, not the time the room waited for someone. Null when unknown.
 */
export function timeInPhaseMs(room: Pick<RoomSnapshot, "phaseStartedAt" | "phasePausedMs" | "pausedAt">, offsetMs: number, now: number): number | null {
  if (!room.phaseStartedAt) return null;
  const start = Date.parse(room.phaseStartedAt);
  if (!Number.isFinite(start)) return null;
  const pausedAt = room.pausedAt ? Date.parse(room.pausedAt) : null;
  return activeSince(start, room.phasePausedMs ?? 0, pausedAt !== null && Number.isFinite(pausedAt) ? pausedAt : null, now + offsetMs);
}

export type SeatProgress = "empty" | "done" | "waiting" | "none";

/** Whether a seat has answered what the phase asks ("none": the phase asks nothing). */
export function seatProgress(phase: RoomSnapshot["phase"], seat: Pick<SeatView, "userId" | "submitted">): SeatProgress {
  if (!seat.userId) return "empty";
  if (phase !== "WAITING" && !isPlaying(phase)) return "none";
  return seat.submitted ? "done" : "waiting";
}

/** Seated players the phase still waits for. */
export function waitingSeats(room: Pick<RoomSnapshot, "phase" | "seats">): SeatView[] {
  return room.seats.filter((s) => seatProgress(room.phase, s) === "waiting");
}

export type Attention = "paused" | "away" | "overdue" | null;

/** How long past its deadline a phase may run before it counts as stuck (the server moves it on by itself). */
export const OVERDUE_GRACE_MS = 15_000;

/** The most pressing reason the facilitator may need to step in, or null. */
export function attention(room: Pick<RoomSnapshot, "phase" | "pausedAt" | "seats" | "deadline">, offsetMs: number, now: number): Attention {
  if (isOver(room.phase)) return null;
  if (room.pausedAt) return "paused";
  if (room.seats.some((s) => s.userId && !s.connected)) return "away";
  if (room.deadline && now > 0 && now + offsetMs - Date.parse(room.deadline) > OVERDUE_GRACE_MS) return "overdue";
  return null;
}

const REASONS: Partial<Record<string, MessageKey>> = {
  created: "facilitator.log.reason.created",
  all_ready: "facilitator.log.reason.all_ready",
  all_confirmed: "facilitator.log.reason.all_confirmed",
  all_submitted: "facilitator.log.reason.all_submitted",
  all_voted_to_end: "facilitator.log.reason.all_voted_to_end",
  host_dealt: "facilitator.log.reason.host_dealt",
  host_assigned: "facilitator.log.reason.host_assigned",
  timer: "facilitator.log.reason.timer",
  room_empty: "facilitator.log.reason.room_empty",
  nobody_present: "facilitator.log.reason.nobody_present",
  [PAUSE_REASON]: "facilitator.log.reason.waiting_for_player",
};

/**
 * Why a phase began, in the UI's words: the game's own reason codes are translated, a skip
 * ("advanced: <note>") keeps its note, and any other text (an ending's note) is shown as written.
 */
export function describeReason(reason: string): { key: MessageKey; values?: Record<string, string> } | { text: string } {
  const known = REASONS[reason];
  if (known) return { key: known };
  const skipped = /^advanced:\s*(.*)$/s.exec(reason);
  if (skipped) return { key: "facilitator.log.reason.advanced", values: { note: skipped[1]!.trim() } };
  return { text: reason };
}
