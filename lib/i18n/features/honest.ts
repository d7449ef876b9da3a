// Strings of honest recording and honest timing (issue 17, items 8–10): whether a round is
// recorded, active and paused time, and confidence compared over the same players.
// Korean must have exactly the English keys.
export const honestEn = {
  "summary.roundConfidenceOf": "Mean confidence {before} → {after} ({shift}), over the {n} of {total} players who rated both.",
  "research.timeline.paused": "Paused",
  "research.chart.timeline.summaryPaused": "{n} phases, {total} played, and {paused} paused waiting for a player.",
  "facilitator.log.paused": "Paused",
  "facilitator.log.pausedFor": "paused for {time}",
  "facilitator.log.stillPaused": "still paused",
  "facilitator.log.lastedPaused": "played {time}, paused {paused}",
  "facilitator.log.reason.waiting_for_player": "Waited for a player to come back or a seat to be filled",
  "voice.rec.off": "Not recorded: not everyone in the room agreed to voice recording. The voice chat works as usual.",
  "voice.rec.offSelf": "Not recorded: you haven't agreed to voice recording. The voice chat works as usual.",
} as const;

export const honestKo: { readonly [K in keyof typeof honestEn]: string } = {
  "summary.roundConfidenceOf": "평균 확신도 {before} → {after} ({shift}). 전체 {total}명 중 두 번 모두 답한 {n}명 기준입니다.",
  "research.timeline.paused": "일시 정지",
  "research.chart.timeline.summaryPaused": "단계 {n}개, 진행 {total}, 참가자를 기다리며 일시 정지 {paused}.",
  "facilitator.log.paused": "일시 정지",
  "facilitator.log.pausedFor": "{time} 동안 일시 정지",
  "facilitator.log.stillPaused": "일시 정지 중",
  "facilitator.log.lastedPaused": "{time} 진행, {paused} 일시 정지",
  "facilitator.log.reason.waiting_for_player": "참가자가 돌아오거나 빈자리가 채워지기를 기다림",
  "voice.rec.off": "녹음하지 않습니다. 방에 있는 모든 참가자가 음성 녹음에 동의하지는 않았습니다. 음성 대화는 그대로 이용할 수 있습니다.",
  "voice.rec.offSelf": "녹음하지 않습니다. 음성 녹음에 동의하지 않으셨습니다. 음성 대화는 그대로 이용할 수 있습니다.",
};
