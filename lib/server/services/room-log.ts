import { phaseTimes } from "@/lib/domain/phase-time";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { phaseLogOf } from "../research/rows";
import { canManageRoom } from "./room-access";

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

/**
 * A room's phase log, oldest first (managers of the room): every phase, why it began, who caused
 * it and how long it was played and paused; each pause (the one going on too) and freed seat as
 * an entry of its own.
 */
export async function getRoomLog(code: string, user: SessionUser): Promise<RoomLogEntry[]> {
  const room = await db().room.findUnique({ where: { code } });
  if (!room || !canManageRoom(user, room)) throw new AppError("NOT_FOUND", "No room with that code.");
  const rows = await db().phaseLog.findMany({ where: { roomId: room.id }, orderBy: [{ enteredAt: "asc" }, { id: "asc" }], include: { actor: { select: { id: true, nickname: true } } } });
  const log = phaseLogOf({ ...room, phaseLogs: rows });
  const times = phaseTimes(log.map((l) => ({ kind: l.kind, enteredAt: l.enteredAt.getTime(), leftAt: l.leftAt?.getTime() ?? null })));
  return log.map((r, i) => ({
    kind: r.kind.toLowerCase() as RoomLogEntry["kind"],
    phase: r.phase,
    round: r.round,
    reason: r.reason,
    enteredAt: r.enteredAt.toISOString(),
    leftAt: r.leftAt?.toISOString() ?? null,
    activeMs: times[i]!.activeMs,
    pausedMs: times[i]!.pausedMs,
    actor: "actor" in r ? r.actor : null,
  }));
}
