/** The languages the UI is written in. The first is the fallback. */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Cookie that remembers the visitor's choice (set by the language switch). */
export const LOCALE_COOKIE = "locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The languages of an Accept-Language header, most preferred first (by q-value, then by
 * position); entries with q=0 or a malformed q are dropped.
 */
function preferredLanguages(acceptLanguage: string): string[] {
  return acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      let q = 1;
      for (const param of params) {
        const [name, value] = param.trim().split("=");
        if (name?.trim().toLowerCase() !== "q") continue;
        q = value !== undefined && /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(value) ? Number(value) : 0;
      }
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", q, index };
    })
    .filter((entry) => entry.language !== "" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.language);
}

/**
 * The UI language for a request: the `locale` cookie when it names a supported language,
 * else the first supported language in Accept-Language (by q-value), else English.
 */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  const fromCookie = cookieValue?.trim().toLowerCase();
  if (isLocale(fromCookie)) return fromCookie;
  if (acceptLanguage) {
    const match = preferredLanguages(acceptLanguage).find(isLocale);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
