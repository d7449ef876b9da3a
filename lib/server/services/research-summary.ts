import { db } from "../db";
import type { ResearchSummary } from "@/lib/domain/research-views";

export type { ResearchSummary };

const PHASES = ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "REVEAL", "FINISHED", "ABANDONED"] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
export const ACTIVITY_DAYS = 14;

/**
 * Counts for the research dashboard. Test rooms are counted apart (`rooms.test`) and left out
 * of every other room figure; accounts deleted without withdrawing their data count as guests.
 * Nothing in it identifies a person.
 */
export async function getResearchSummary(now = new Date()): Promise<ResearchSummary> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (ACTIVITY_DAYS - 1) * DAY_MS);
  const prisma = db();
  const [registered, guests, byPhase, test, withdrawals, recordings, people, created, finished, recent] = await Promise.all([
    prisma.user.count({ where: { isGuest: false } }),
    prisma.user.count({ where: { isGuest: true } }),
    prisma.room.groupBy({ by: ["phase"], where: { isTest: false }, _count: { _all: true } }),
    prisma.room.count({ where: { isTest: true } }),
    prisma.withdrawal.count(),
    prisma.recording.count(),
    prisma.$queryRaw<{ total: number; consenting: number }[]>`
      SELECT COUNT(*)::int AS "total", COUNT(*) FILTER (WHERE u."dataConsent")::int AS "consenting"
      FROM (SELECT "userId" FROM "Seat" WHERE "userId" IS NOT NULL UNION SELECT "userId" FROM "Choice") AS p
      JOIN "User" u ON u."id" = p."userId"`,
    prisma.room.findMany({ where: { isTest: false, createdAt: { gte: since } }, select: { createdAt: true } }),
    prisma.room.findMany({ where: { isTest: false, phase: "FINISHED", finishedAt: { gte: since } }, select: { finishedAt: true } }),
    prisma.room.findMany({
      where: { isTest: false, phase: "FINISHED" },
      orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
      take: 10,
      select: { code: true, finishedAt: true, scenario: { select: { slug: true, title: true, locale: true } } },
    }),
  ]);

  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as ResearchSummary["rooms"]["byPhase"];
  for (const g of byPhase) phases[g.phase] = g._count._all;
  const days = Array.from({ length: ACTIVITY_DAYS }, (_, i) => ({ date: new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10), created: 0, finished: 0 }));
  const dayOf = (d: Date) => days[Math.floor((d.getTime() - since.getTime()) / DAY_MS)];
  for (const r of created) {
    const day = dayOf(r.createdAt);
    if (day) day.created++;
  }
  for (const r of finished) {
    const day = r.finishedAt ? dayOf(r.finishedAt) : undefined;
    if (day) day.finished++;
  }

  return {
    users: { registered, guests },
    rooms: { total: Object.values(phases).reduce((a, b) => a + b, 0), byPhase: phases, test },
    completedGames: phases.FINISHED,
    participants: people[0]?.total ?? 0,
    participantsWithConsent: people[0]?.consenting ?? 0,
    withdrawals,
    recordings,
    activity: {
      roomsPerDay: days,
      recentFinished: recent.map((r) => ({ code: r.code, scenario: r.scenario, finishedAt: r.finishedAt?.toISOString() ?? null })),
    },
  };
}
