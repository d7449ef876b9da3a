// Strings of the research screens. Keys start with "research."; Korean must have exactly the English keys.
export const researchEn = {
  "research.title": "Research",
} as const;

export const researchKo: { readonly [K in keyof typeof researchEn]: string } = {
  "research.title": "연구",
};
