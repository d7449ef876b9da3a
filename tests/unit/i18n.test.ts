import { describe, expect, it } from "vitest";
import { LOCALES, resolveLocale, type Locale } from "@/lib/i18n/locale";
import { createTranslator, messages, type MessageKey } from "@/lib/i18n/messages";

describe("resolveLocale", () => {
  it.each<[string, string | undefined, string | null, Locale]>([
    ["nothing known → English", undefined, null, "en"],
    ["empty header → English", undefined, "", "en"],
    ["cookie ko", "ko", null, "ko"],
    ["cookie en", "en", null, "en"],
    ["cookie wins over the browser", "en", "ko-KR,ko;q=0.9", "en"],
    ["cookie ko wins over an English browser", "ko", "en-US,en;q=0.9", "ko"],
    ["cookie is trimmed and case-insensitive", " KO ", "en", "ko"],
    ["unknown cookie falls back to the browser", "fr", "ko", "ko"],
    ["empty cookie falls back to the browser", "", "ko-KR", "ko"],
    ["Korean browser", undefined, "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"],
    ["English browser", undefined, "en-US,en;q=0.9", "en"],
    ["region subtag is ignored", undefined, "ko-KR", "ko"],
    ["tag is case-insensitive", undefined, "KO-kr", "ko"],
    ["first supported language by order", undefined, "fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.7", "ko"],
    ["q-values beat order", undefined, "en;q=0.5,ko;q=0.9", "ko"],
    ["missing q means 1", undefined, "en;q=0.8,ko", "ko"],
    ["equal q keeps header order", undefined, "en;q=0.8,ko;q=0.8", "en"],
    ["q=0 means not acceptable", undefined, "ko;q=0,en;q=0.1", "en"],
    ["only unsupported languages → English", undefined, "fr-FR,de;q=0.8", "en"],
    ["wildcard alone → English", undefined, "*", "en"],
    ["spaces around entries", undefined, "  fr ;q=0.9 ,  ko ; q=0.8", "ko"],
    ["malformed q drops the entry", undefined, "ko;q=abc,en;q=0.2", "en"],
    ["garbage header → English", undefined, ";;,,;q=", "en"],
  ])("%s", (_name, cookie, acceptLanguage, expected) => {
    expect(resolveLocale(cookie, acceptLanguage)).toBe(expected);
  });
});

describe("messages", () => {
  const enKeys = Object.keys(messages.en) as MessageKey[];

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    const keys = Object.keys(messages[locale]);
    expect(enKeys.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !(enKeys as string[]).includes(k))).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = Object.entries(messages[locale])
      .filter(([, value]) => value.trim() === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)("%s uses the same {placeholders} as English", (locale) => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of enKeys) expect([key, placeholders(messages[locale][key])]).toEqual([key, placeholders(messages.en[key])]);
  });
});

describe("createTranslator", () => {
  it.each<[Locale, MessageKey, Record<string, string | number> | undefined, string]>([
    ["en", "lobby.greeting", { name: "Mina" }, "Hello, Mina"],
    ["ko", "lobby.greeting", { name: "민아" }, "안녕하세요, 민아님"],
    ["en", "join.submit", undefined, "Join"],
    ["en", "lobby.greeting", {}, "Hello, {name}"],
    ["en", "lobby.greeting", { name: "$& {name}" }, "Hello, $& {name}"],
  ])("%s %s", (locale, key, values, expected) => {
    expect(createTranslator(locale)(key, values)).toBe(expected);
  });
});
