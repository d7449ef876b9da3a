// Strings of the admin screens. Keys start with "admin."; Korean must have exactly the English keys.
export const adminEn = {
  "admin.title": "Admin",
} as const;

export const adminKo: { readonly [K in keyof typeof adminEn]: string } = {
  "admin.title": "관리자",
};
