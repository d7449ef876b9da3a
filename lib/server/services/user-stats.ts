import { isRoundRevealed } from "@/lib/domain/snapshot";
import { gameStatistics, type RoundRecord } from "@/lib/domain/statistics";
import type { UserStats, UserStatsAgreement, UserStatsConfidence } from "@/lib/validation/user-stats";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

export type { UserStats };

const mayReadOthers = (viewer: SessionUser) => viewer.role === "RESEARCHER" || viewer.role === "ADMIN";

/**
 * A player's record over every game that reached its first round with them in it: games
 * played and finished, rounds answered, how often their individual choice was the group's
 * consensus (overall and per round number), and their confidence before and after the
 * discussion. Only revealed rounds count, as on the statistics route, so nothing still hidden
 * shows. `ref` is a user id or "me". The player may read their own; researchers and admins
 * anyone's who gave data consent. Throws NOT_FOUND otherwise, as for an id nobody has.
 */
export async function getUserStats(ref: string, viewer: SessionUser): Promise<UserStats> {
  const userId = ref === "me" ? viewer.id : ref;
  if (userId !== viewer.id) {
    const target = mayReadOthers(viewer) ? await db().user.findUnique({ where: { id: userId }, select: { dataConsent: true } }) : null;
    if (!target?.dataConsent) throw new AppError("NOT_FOUND", "No such player.");
  }

  const rooms = await db().room.findMany({
    where: {
      round: { gte: 1 },
      OR: [{ seats: { some: { userId } } }, { choices: { some: { userId } } }, { consensusConfs: { some: { userId } } }],
    },
    select: {
      phase: true,
      round: true,
      scenarioId: true,
      scenario: { select: { slug: true, title: true, locale: true, rounds: { select: { number: true, _count: { select: { options: true } } } } } },
      choices: { where: { userId }, select: { round: true, seat: true, choice: true, confidence: true } },
      consensuses: { select: { round: true, choice: true } },
      consensusConfs: { where: { userId }, select: { round: true, confidence: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

  const records: RoundRecord[] = [];
  const scenarios = new Map<string, UserStats["scenarios"][number]>();
  for (const room of rooms) {
    const s = scenarios.get(room.scenarioId) ?? { slug: room.scenario.slug, title: room.scenario.title, locale: room.scenario.locale, games: 0, finished: 0 };
    s.games++;
    if (room.phase === "FINISHED") s.finished++;
    scenarios.set(room.scenarioId, s);
    for (const r of room.scenario.rounds) {
      if (!isRoundRevealed(r.number, room)) continue;
      const consensus = room.consensuses.find((c) => c.round === r.number);
      records.push({
        round: r.number,
        optionCount: r._count.options,
        choices: room.choices.filter((c) => c.round === r.number).map((c) => ({ userId, seat: c.seat, choice: c.choice, confidence: c.confidence })),
        consensus: consensus ? { choice: consensus.choice } : null,
        consensusConfidences: room.consensusConfs.filter((c) => c.round === r.number).map((c) => ({ userId, confidence: c.confidence })),
      });
    }
  }

  // Round numbers the player answered something in (a round skipped by everyone says nothing about them).
  const answered = records.filter((r) => r.choices.some((c) => c.choice !== null) || r.consensusConfidences.some((c) => c.confidence !== null));
  const numbers = [...new Set(answered.map((r) => r.round))].sort((a, b) => a - b);
  return {
    userId,
    gamesPlayed: rooms.length,
    gamesFinished: rooms.filter((r) => r.phase === "FINISHED").length,
    ...summarize(records),
    byRound: numbers.map((round) => ({ round, ...summarize(records.filter((r) => r.round === round)) })),
    scenarios: [...scenarios.values()].sort((a, b) => b.games - a.games || a.title.localeCompare(b.title)),
  };
}

/** Rounds answered, agreement and confidence over some of the player's rounds. */
function summarize(records: RoundRecord[]): { rounds: number; agreement: UserStatsAgreement; confidence: UserStatsConfidence } {
  const stats = gameStatistics(records);
  const mine = stats.rounds.flatMap((r) => r.players);
  const compared = mine.filter((p) => p.agreedWithConsensus !== null);
  return {
    rounds: mine.filter((p) => p.choice !== null).length,
    agreement: { compared: compared.length, agreed: compared.filter((p) => p.agreedWithConsensus).length, rate: stats.totals.agreementRate },
    confidence: { before: stats.totals.meanConfidence, after: stats.totals.meanConsensusConfidence, shift: stats.totals.meanConfidenceShift },
  };
}
