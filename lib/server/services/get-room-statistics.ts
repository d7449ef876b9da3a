import { gameStatistics, type GameStatistics, type RoundRecord } from "@/lib/domain/statistics";
import { isRoundRevealed } from "@/lib/domain/snapshot";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { findSeatedRoom } from "./get-room";

/**
 * Statistics of every revealed round of a room (players and managers of the room only);
 * a round still being played is left out, so nothing hidden leaks.
 */
export async function getRoomStatistics(code: string, user: SessionUser): Promise<GameStatistics & { code: string; phase: string }> {
  const { room } = await findSeatedRoom(code, user);
  const [rounds, choices, consensuses, confidences] = await Promise.all([
    db().scenarioRound.findMany({ where: { scenarioId: room.scenarioId }, orderBy: { number: "asc" }, include: { _count: { select: { options: true } } } }),
    db().choice.findMany({ where: { roomId: room.id } }),
    db().consensus.findMany({ where: { roomId: room.id } }),
    db().consensusConfidence.findMany({ where: { roomId: room.id } }),
  ]);
  const records: RoundRecord[] = rounds
    .filter((r) => isRoundRevealed(r.number, room))
    .map((r) => {
      const consensus = consensuses.find((c) => c.round === r.number);
      return {
        round: r.number,
        optionCount: r._count.options,
        choices: choices.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, seat: c.seat, choice: c.choice, confidence: c.confidence })),
        consensus: consensus ? { choice: consensus.choice } : null,
        consensusConfidences: confidences.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, confidence: c.confidence })),
      };
    });
  return { code: room.code, phase: room.phase, ...gameStatistics(records) };
}
