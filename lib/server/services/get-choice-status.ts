import type { Phase } from "@/lib/domain/game";
import type { SessionUser } from "../auth/session";
import { findVisibleRoom } from "./get-room";
import { readSnapshot } from "./room-command";

export interface ChoiceStatus {
  phase: Phase;
  round: number;
  submitted: { seat: number; userId: string; nickname: string | null }[];
  waitingFor: { seat: number; userId: string; nickname: string | null }[];
}

/** Who has and has not answered what the current phase asks (never what they answered). */
export async function getChoiceStatus(code: string, user: SessionUser): Promise<ChoiceStatus> {
  const room = await findVisibleRoom(code, user);
  const snap = await readSnapshot(room.id);
  const seated = snap.seats.filter((s) => s.userId);
  const view = (s: (typeof seated)[number]) => ({ seat: s.seat, userId: s.userId!, nickname: s.nickname });
  return {
    phase: snap.phase,
    round: snap.round,
    submitted: seated.filter((s) => s.submitted).map(view),
    waitingFor: seated.filter((s) => !s.submitted).map(view),
  };
}
