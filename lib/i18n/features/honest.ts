// Strings of honest recording and honest timing (issue 17, items 8–10): whether a round is
// recorded, active and paused time, and confidence compared over the same players.
// Korean must have exactly the English keys.
export const honestEn = {
  "summary.roundConfidenceOf": "Mean confidence {before} → {after} ({shift}), over the {n} of {total} players who rated both.",
} as const;

export const honestKo: { readonly [K in keyof typeof honestEn]: string } = {
  "summary.roundConfidenceOf": "평균 확신도 {before} → {after} ({shift}). 전체 {total}명 중 두 번 모두 답한 {n}명 기준입니다.",
};
