// Strings of joining a room from its link or QR code. Keys start with "joinLink."; Korean must have exactly the English keys.
export const joinEn = {
  "joinLink.entry.room": "Room code",
  "joinLink.entry.title": "You're invited to play",
  "joinLink.entry.body": "Pick a nickname and you're in, no account needed. Next you choose what you share, then you take your seat.",
  "joinLink.entry.haveAccount": "Have an account?",
  "joinLink.entry.signIn": "Sign in",
  "joinLink.entry.register": "Create an account",

  "joinLink.full.startedBody": "All three seats are taken and the game has already started. Find another room in the lobby, or open one yourself.",
  "joinLink.full.checkAgain": "Check again",

  "joinLink.welcome.body": "You're signed in. Carry on where the link was taking you.",
  "joinLink.welcome.continue": "Continue",
} as const;

export const joinKo: { readonly [K in keyof typeof joinEn]: string } = {
  "joinLink.entry.room": "방 코드",
  "joinLink.entry.title": "게임에 초대받았습니다",
  "joinLink.entry.body": "닉네임만 정하면 계정 없이 바로 참여할 수 있습니다. 다음 화면에서 공유할 정보를 고른 뒤 자리에 앉습니다.",
  "joinLink.entry.haveAccount": "계정이 있으신가요?",
  "joinLink.entry.signIn": "로그인",
  "joinLink.entry.register": "회원가입",

  "joinLink.full.startedBody": "세 자리가 모두 찼고 게임도 이미 시작되었습니다. 로비에서 다른 방을 찾거나 새 방을 만들어 보세요.",
  "joinLink.full.checkAgain": "다시 확인하기",

  "joinLink.welcome.body": "이미 로그인되어 있습니다. 링크로 들어가려던 곳으로 계속 이동하세요.",
  "joinLink.welcome.continue": "계속하기",
};
