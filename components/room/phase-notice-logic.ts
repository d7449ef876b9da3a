import type { RoomSnapshot } from "@/lib/domain/snapshot";

/**
 * What the players are told when someone moved their room on by hand (unit-tested in
 * tests/unit/facilitator-fixes.test.ts): the room's phaseChangedBy, seen by anyone but the one
 * who did it. Someone seated is named as the host; anyone else is the facilitator (a
 * facilitator or admin acting from the monitor or the room page).
 */
export interface PhaseNotice {
  /** The phase entry it is about: a dismissed notice stays dismissed for that entry only. */
  id: string;
  action: "skip" | "end";
  by: "facilitator" | "host";
  /** The host's nickname (by: "host"). */
  name: string | null;
}

export function phaseNotice(room: Pick<RoomSnapshot, "code" | "phase" | "round" | "phaseStartedAt" | "phaseChangedBy" | "seats">, myId: string): PhaseNotice | null {
  const change = room.phaseChangedBy;
  if (!change || change.userId === myId) return null;
  const seat = room.seats.find((s) => s.userId === change.userId);
  return {
    id: `${room.code}:${room.phase}:${room.round}:${room.phaseStartedAt ?? ""}`,
    action: change.action,
    by: seat ? "host" : "facilitator",
    name: seat ? (seat.nickname ?? "?") : null,
  };
}
