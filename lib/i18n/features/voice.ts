// Strings of the voice screens. Keys start with "voice."; Korean must have exactly the English keys.
export const voiceEn = {
  "voice.title": "Voice",
} as const;

export const voiceKo: { readonly [K in keyof typeof voiceEn]: string } = {
  "voice.title": "음성",
};
