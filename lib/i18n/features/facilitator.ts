// Strings of the facilitator screens. Keys start with "facilitator."; Korean must have exactly the English keys.
export const facilitatorEn = {
  "facilitator.title": "Facilitator",
} as const;

export const facilitatorKo: { readonly [K in keyof typeof facilitatorEn]: string } = {
  "facilitator.title": "진행자",
};
