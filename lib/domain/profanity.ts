/**
 * A profanity mask for chat, Korean and English. Words are matched case-insensitively and
 * also when spelled out with spaces, dots or similar separators between letters; each
 * matched character is replaced by '*'.
 */

const ENGLISH = ["fuck", "fucking", "motherfucker", "shit", "bullshit", "bitch", "asshole", "bastard", "cunt", "dick", "pussy", "slut", "whore", "fag", "faggot", "nigger", "retard", "wanker", "twat"];
const KOREAN = ["씨발", "시발", "씨빨", "ㅅㅂ", "ㅆㅂ", "병신", "븅신", "ㅂㅅ", "개새끼", "개새기", "새끼", "좆", "존나", "졸라", "지랄", "ㅈㄹ", "미친놈", "미친년", "닥쳐", "꺼져", "엿먹어", "느금마", "니애미", "애미", "썅", "창녀", "걸레"];

const SEPARATOR = "[\\s._\\-*~!@#$%^&()+=|\\\\/,'\"`]{0,2}";
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function wordPattern(word: string, isLatin: boolean): string {
  const body = [...word].map(escape).join(SEPARATOR);
  // English words only whole (so "class" or "Dickens" stay); Korean has no spaces inside words to rely on.
  return isLatin ? `(?<![a-z])${body}(?![a-z])` : body;
}

const PATTERN = new RegExp(
  [...ENGLISH.sort((a, b) => b.length - a.length).map((w) => wordPattern(w, true)), ...KOREAN.sort((a, b) => b.length - a.length).map((w) => wordPattern(w, false))].join("|"),
  "giu",
);

/** The text with profanity masked, and whether anything was. */
export function maskProfanity(text: string): { text: string; masked: boolean } {
  let masked = false;
  const out = text.replace(PATTERN, (m) => {
    masked = true;
    return m.replace(/[^\s._\-~!@#$%^&()+=|\\/,'"`]/gu, "*");
  });
  return { text: out, masked };
}
