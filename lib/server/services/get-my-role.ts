import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { findSeatedRoom } from "./get-room";

export interface MyRole {
  seat: number;
  role: { position: number; name: string; brief: string; privateBrief: string } | null;
  others: { seat: number; userId: string | null; role: { position: number; name: string; brief: string } | null }[];
}

/** The caller's own role with its private brief, and the public briefs of the other seats. */
export async function getMyRole(code: string, user: SessionUser): Promise<MyRole> {
  const { room, seat } = await findSeatedRoom(code, user);
  if (!seat) throw new AppError("NOT_SEATED");
  if (room.phase === "WAITING") throw new AppError("WRONG_PHASE", "Roles are dealt when all three players are ready.");
  const roles = await db().scenarioRole.findMany({ where: { scenarioId: room.scenarioId }, orderBy: { position: "asc" } });
  const roleAt = (i: number | null) => (i === null ? undefined : roles.find((r) => r.position === i));
  const mine = roleAt(seat.roleIndex);
  return {
    seat: seat.seat,
    role: mine ? { position: mine.position, name: mine.name, brief: mine.brief, privateBrief: mine.privateBrief } : null,
    others: room.seats
      .filter((s) => s.seat !== seat.seat)
      .sort((a, b) => a.seat - b.seat)
      .map((s) => {
        const r = roleAt(s.roleIndex);
        return { seat: s.seat, userId: s.userId, role: r ? { position: r.position, name: r.name, brief: r.brief } : null };
      }),
  };
}
