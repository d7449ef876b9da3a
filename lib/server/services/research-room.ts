import { gameStatistics, type RoundRecord } from "@/lib/domain/statistics";
import { db } from "../db";
import { AppError } from "../errors";
import { iso, type Row } from "../research/cells";
import { participantCodes, ROOM_RECORDS_INCLUDE, ScenarioCache, userIdsOf } from "../research/load";
import { participantsOf, roomRows, roundsReached } from "../research/rows";
import type { ResearchRecording, ResearchRoomDetail, ResearchStatistics, ResearchTimelineEntry } from "@/lib/domain/research-views";

export type { ResearchRoomDetail, ResearchStatistics };


const num = (v: Row[string]) => (typeof v === "number" ? v : null);
const str = (v: Row[string]) => (typeof v === "string" ? v : null);

/**
 * One room in full for research: seats and roles, every round's individual choices and
 * confidences, consensus and consensus confidences, statistics (lib/domain/statistics), the
 * phase timeline with durations, the chat log and recording metadata. The same rules as the
 * export apply (it is built from the same rows): participant codes only; people without data
 * consent are left out of everything but the seat list's consent flag. Test rooms included.
 * Throws NOT_FOUND for an unknown room.
 */
export async function getResearchRoom(ref: { id: string } | { code: string }): Promise<ResearchRoomDetail> {
  const room = await db().room.findFirst({
    where: "id" in ref ? { id: ref.id } : { code: ref.code },
    include: ROOM_RECORDS_INCLUDE,
  });
  if (!room) throw new AppError("NOT_FOUND", "No such room.");
  const ids = userIdsOf([room]);
  const [codeOf, scenarios, consent] = await Promise.all([
    participantCodes(ids),
    new ScenarioCache().get([room.scenarioId]),
    db().user.findMany({ where: { id: { in: room.seats.flatMap((s) => (s.userId ? [s.userId] : [])) } }, select: { id: true, dataConsent: true } }),
  ]);
  const scenario = scenarios.get(room.scenarioId)!;
  const rows = roomRows(room, scenario, codeOf, 0);
  const participants = participantsOf(room, scenario, codeOf);
  const consentOf = new Map(consent.map((u) => [u.id, u.dataConsent]));

  // Rounds reached, plus any round with records (a room ended by a facilitator mid-round).
  const numbers = new Set(roundsReached(room));
  for (const c of room.choices) numbers.add(c.round);
  const rounds = [...numbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const sr = scenario.rounds.find((r) => r.number === n);
      const consensus = rows.consensus.find((c) => c.round === n);
      return {
        round: n,
        question: sr?.question ?? "",
        options: sr?.options ?? [],
        choices: rows.choices
          .filter((c) => c.round === n)
          .map((c) => ({
            participantCode: str(c.participant_code)!,
            seat: num(c.seat),
            choice: num(c.choice),
            choiceLabel: str(c.choice_label),
            confidence: num(c.confidence),
            missing: c.missing === true,
            submittedAt: str(c.submitted_at),
            timeToChooseSeconds: num(c.time_to_choose_s),
          })),
        consensus: consensus
          ? { choice: num(consensus.consensus), label: str(consensus.consensus_label), status: str(consensus.status)!, proposerCode: str(consensus.proposer_code), reachedAt: str(consensus.reached_at) }
          : null,
        consensusConfidences: rows.consensus_confidence
          .filter((c) => c.round === n)
          .map((c) => ({ participantCode: str(c.participant_code)!, confidence: num(c.consensus_confidence), missing: c.missing === true, submittedAt: str(c.submitted_at) })),
      };
    });

  const records: RoundRecord[] = rounds.map((r) => {
    const recorded = room.consensuses.find((c) => c.round === r.round);
    return {
      round: r.round,
      optionCount: r.options.length,
      choices: r.choices.map((c) => ({ userId: c.participantCode, seat: c.seat ?? -1, choice: c.choice, confidence: c.confidence })),
      consensus: recorded ? { choice: recorded.choice } : null,
      consensusConfidences: r.consensusConfidences.map((c) => ({ userId: c.participantCode, confidence: c.confidence })),
    };
  });
  const stats = gameStatistics(records);
  const statistics: ResearchStatistics = {
    ...stats,
    rounds: stats.rounds.map((r) => ({ ...r, players: r.players.map(({ userId, ...p }) => ({ participantCode: userId, ...p })) })),
  };

  return {
    id: room.id,
    code: room.code,
    scenario: { id: scenario.id, slug: scenario.slug, title: scenario.title, locale: scenario.locale, source: scenario.source },
    visibility: room.visibility === "PUBLIC" ? "public" : "private",
    isResearch: room.isResearch,
    isTest: room.isTest,
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    completed: room.phase === "FINISHED",
    createdAt: room.createdAt.toISOString(),
    startedAt: iso(room.startedAt),
    finishedAt: iso(room.finishedAt),
    seats: room.seats.map((s) => {
      const role = s.roleIndex === null ? undefined : scenario.roles.find((r) => r.position === s.roleIndex);
      return {
        seat: s.seat,
        role: role ? { index: role.position, name: role.name } : null,
        participantCode: codeOf(s.userId),
        isWithdrawn: s.isWithdrawn,
        hasDataConsent: s.userId ? (consentOf.get(s.userId) ?? false) : null,
      };
    }),
    participants: participants.map((p) => ({ participantCode: p.code, seat: p.seat < 0 ? null : p.seat, roleName: p.roleName })),
    rounds,
    statistics,
    // The export's phase_log rows: pauses as rows of their own, each phase's active and paused time.
    timeline: rows.phase_log.map((l) => ({
      kind: str(l.kind) as ResearchTimelineEntry["kind"],
      phase: str(l.phase)!,
      round: num(l.round)!,
      enteredAt: str(l.entered_at)!,
      leftAt: str(l.left_at),
      durationSeconds: num(l.duration_s),
      activeSeconds: num(l.active_s),
      pausedSeconds: num(l.paused_s),
      reason: str(l.reason)!,
      actorCode: str(l.actor_code),
    })),
    chat: rows.chat.map((m) => ({ participantCode: str(m.participant_code)!, round: num(m.round)!, phase: str(m.phase)!, text: str(m.text)!, isMasked: m.is_masked === true, at: str(m.at)! })),
    recordings: room.recordings.flatMap((r) => {
      const row = rows.transcripts.find((t) => t.recording_id === r.id);
      if (!row) return [];
      return [
        {
          id: r.id,
          participantCode: str(row.participant_code)!,
          roleName: str(row.role_name),
          round: r.round,
          mimeType: r.mimeType,
          sizeBytes: r.sizeBytes,
          durationMs: r.durationMs,
          startedAt: r.startedAt.toISOString(),
          createdAt: r.createdAt.toISOString(),
          transcript: { status: row.transcript_status as ResearchRecording["transcript"]["status"], text: str(row.transcript), language: str(row.language), note: str(row.note) },
        },
      ];
    }),
  };
}
