// Strings of rooms that end when nobody is in them, and of the check-in ("Are you still there?").
// Korean must have exactly the English keys.
export const deadroomsEn = {
  "room.checkIn.title": "Are you still there?",
  "room.checkIn.body": "You didn't say or do anything during the last phase. Let the others know you're still playing.",
  "room.checkIn.countdown": "{seconds} s left to answer",
  "room.checkIn.consequence": "If you don't answer, you'll be shown as away, and the game pauses for you after a while.",
  "room.checkIn.soon": "{seconds} seconds left to answer.",
  "room.checkIn.awayTitle": "You're shown as away",
  "room.checkIn.awayBody": "You didn't answer in time, so the others see you as away and the game may be paused for you. Let them know you're back.",
  "room.checkIn.confirm": "I'm here",
  "facilitator.log.reason.room_empty": "Nobody was left in the waiting room",
  "facilitator.log.reason.nobody_present": "Nobody was present for too long",
} as const;

export const deadroomsKo: { readonly [K in keyof typeof deadroomsEn]: string } = {
  "room.checkIn.title": "아직 계신가요?",
  "room.checkIn.body": "지난 단계 동안 아무 말도, 아무 행동도 없었습니다. 계속 참여 중이라면 다른 참가자들에게 알려 주세요.",
  "room.checkIn.countdown": "응답까지 {seconds}초",
  "room.checkIn.consequence": "응답하지 않으면 자리 비움으로 표시되고, 잠시 뒤 게임이 멈춥니다.",
  "room.checkIn.soon": "응답까지 {seconds}초 남았습니다.",
  "room.checkIn.awayTitle": "자리 비움으로 표시되었습니다",
  "room.checkIn.awayBody": "제때 응답하지 않아 다른 참가자들에게 자리 비움으로 보이며, 게임이 멈춰 있을 수 있습니다. 돌아왔다면 알려 주세요.",
  "room.checkIn.confirm": "여기 있어요",
  "facilitator.log.reason.room_empty": "대기실에 아무도 남지 않음",
  "facilitator.log.reason.nobody_present": "오랫동안 아무도 접속하지 않음",
};
