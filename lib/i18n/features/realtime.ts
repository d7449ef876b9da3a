// Strings of the realtime link (lib/client/socket.ts, the room's connection banner). Keys start
// with "realtime."; Korean must have exactly the English keys.
export const realtimeEn = {
  "realtime.tooManyConnections": "This account is open in too many tabs or windows. Close one of them, then reconnect. Meanwhile the page keeps checking the room.",
} as const;

export const realtimeKo: { readonly [K in keyof typeof realtimeEn]: string } = {
  "realtime.tooManyConnections": "이 계정이 너무 많은 탭이나 창에서 열려 있습니다. 하나를 닫은 뒤 다시 연결하세요. 그동안에도 페이지는 방 상태를 계속 확인합니다.",
};
