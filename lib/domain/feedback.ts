import type { GameStatistics } from "./statistics";

/**
 * Feedback written from the numbers alone, for when AI is off or fails: how often the group
 * agreed, how often minds changed, and how confidence moved, for the group and each role.
 */
export interface RuleFeedback {
  group: string;
  roles: { position: number; name: string; text: string }[];
}

export function ruleBasedFeedback(stats: GameStatistics, roles: { position: number; name: string; seat: number }[], locale: "ko" | "en"): RuleFeedback {
  const t = stats.totals;
  const ko = locale === "ko";
  const unanimous = stats.rounds.filter((r) => r.consensusReached && r.players.length > 0 && r.players.every((p) => p.agreedWithConsensus === true)).length;
  const changed = stats.rounds.filter((r) => r.players.some((p) => p.agreedWithConsensus === false)).length;
  const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
  const num = (x: number | null) => (x === null ? "–" : x.toFixed(1));
  const group = ko
    ? `${t.rounds}개 라운드 중 ${t.consensusReached}개 라운드에서 합의에 이르렀습니다. ` +
      `${unanimous}개 라운드는 처음부터 모두 같은 선택을 했고, ${changed}개 라운드에서는 누군가 논의를 거치며 입장을 바꿨습니다. ` +
      `개인 선택이 최종 합의와 같았던 비율은 ${pct(t.agreementRate)}이고, 평균 확신도는 개인 선택 ${num(t.meanConfidence)}에서 합의 ${num(t.meanConsensusConfidence)}(으)로 움직였습니다.`
    : `The group reached consensus in ${t.consensusReached} of ${t.rounds} rounds. ` +
      `In ${unanimous} rounds everyone already chose the same option; in ${changed} rounds someone moved during the discussion. ` +
      `Individual choices matched the final consensus ${pct(t.agreementRate)} of the time, and average confidence went from ${num(t.meanConfidence)} (individual) to ${num(t.meanConsensusConfidence)} (consensus).`;
  const perRole = roles.map((role) => {
    const mine = stats.rounds.flatMap((r) => r.players.filter((p) => p.seat === role.seat));
    const comparable = mine.filter((p) => p.agreedWithConsensus !== null);
    const agreed = comparable.filter((p) => p.agreedWithConsensus).length;
    const shifts = mine.map((p) => p.confidenceShift).filter((x): x is number => x !== null);
    const shift = shifts.length ? shifts.reduce((a, b) => a + b, 0) / shifts.length : null;
    const text = ko
      ? `${role.name}: ${comparable.length}개 라운드 중 ${agreed}개 라운드에서 개인 선택이 그룹의 합의와 같았습니다.` +
        (shift === null ? "" : ` 합의 후 확신도는 평균 ${shift >= 0 ? "+" : ""}${shift.toFixed(1)} 변했습니다.`)
      : `${role.name}: the individual choice matched the group's consensus in ${agreed} of ${comparable.length} rounds.` +
        (shift === null ? "" : ` Confidence after the consensus changed by ${shift >= 0 ? "+" : ""}${shift.toFixed(1)} on average.`);
    return { position: role.position, name: role.name, text };
  });
  return { group, roles: perRole };
}
