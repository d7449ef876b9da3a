import { db } from "../db";
import { AppError } from "../errors";
import { iso } from "../research/cells";
import { roomPages, ScenarioCache } from "../research/load";
import { participantsOf, wideRow } from "../research/rows";
import type { ResearchParticipant } from "@/lib/domain/research-views";

export type { ResearchParticipant };

/**
 * One participant's games, oldest first, found by participant code or user id and answered
 * under the participant code only. Someone without data consent is treated as unknown:
 * NOT_FOUND, as for a code nobody has.
 */
export async function getResearchParticipant(ref: { id: string } | { participantCode: string }): Promise<ResearchParticipant> {
  const user = await db().user.findFirst({ where: "id" in ref ? { id: ref.id } : { participantCode: ref.participantCode }, select: { id: true, participantCode: true, dataConsent: true } });
  if (!user || !user.dataConsent) throw new AppError("NOT_FOUND", "No such participant.");
  const codeOf = (id: string | null | undefined) => (id === user.id ? user.participantCode : null);
  const scenarios = new ScenarioCache();
  const games: ResearchParticipant["games"] = [];
  const where = { OR: [{ seats: { some: { userId: user.id } } }, { choices: { some: { userId: user.id } } }, { consensusConfs: { some: { userId: user.id } } }] };
  for await (const page of roomPages(where)) {
    const byId = await scenarios.get(page.map((r) => r.scenarioId));
    for (const room of page) {
      const scenario = byId.get(room.scenarioId);
      const me = scenario && participantsOf(room, scenario, codeOf)[0];
      if (!scenario || !me) continue;
      const row = wideRow(room, scenario, me, room.totalRounds);
      const cell = (n: number, key: string) => row[`r${n}_${key}`] ?? null;
      const rounds = [];
      for (let n = 1; n <= room.totalRounds; n++) {
        if (!room.choices.some((c) => c.round === n && c.userId === user.id) && !room.consensuses.some((c) => c.round === n)) continue;
        rounds.push({
          round: n,
          choice: cell(n, "choice") as number | null,
          choiceLabel: cell(n, "choice_label") as string | null,
          confidence: cell(n, "confidence") as number | null,
          consensus: cell(n, "consensus") as number | null,
          consensusLabel: cell(n, "consensus_label") as string | null,
          consensusConfidence: cell(n, "consensus_confidence") as number | null,
          timeToChooseSeconds: cell(n, "time_to_choose_s") as number | null,
        });
      }
      games.push({
        roomId: room.id,
        roomCode: room.code,
        scenario: { slug: scenario.slug, title: scenario.title, locale: scenario.locale },
        isTest: room.isTest,
        phase: room.phase,
        completed: room.phase === "FINISHED",
        seat: me.seat < 0 ? null : me.seat,
        roleName: me.roleName,
        createdAt: room.createdAt.toISOString(),
        startedAt: iso(room.startedAt),
        finishedAt: iso(room.finishedAt),
        rounds,
      });
    }
  }
  return { participantCode: user.participantCode, games };
}
