/**
 * Korean particles that depend on the word before them: 을/를, 이/가, 은/는, 과/와, 으로/로,
 * 이나/나, 이라/라, 아/야. A message writes both forms, as Korean UI text traditionally does
 * ("{title}을(를)"), and `resolveParticles` picks the one that fits the word actually put
 * there ("보고서를", "라운드 3을", "선택지 A를", "“Trolley”를").
 */

/** The forms of each particle: [after a final consonant, after a vowel]. */
const PAIRS: Record<string, readonly [string, string]> = {
  "을(를)": ["을", "를"],
  "를(을)": ["을", "를"],
  "이(가)": ["이", "가"],
  "가(이)": ["이", "가"],
  "은(는)": ["은", "는"],
  "는(은)": ["은", "는"],
  "과(와)": ["과", "와"],
  "와(과)": ["과", "와"],
  "(으)로": ["으로", "로"],
  "(이)나": ["이나", "나"],
  "(이)라": ["이라", "라"],
  "아(야)": ["아", "야"],
};

const PATTERN = new RegExp(Object.keys(PAIRS).map((k) => k.replace(/[()]/g, "\\$&")).join("|"), "g");

/** What the word ends in when read aloud: no final consonant, ㄹ, or another final consonant. */
type Ending = "vowel" | "rieul" | "consonant";

// Korean readings of the digits (영 일 이 삼 사 오 육 칠 팔 구) and of the Latin letters' names
// (에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트).
const DIGIT: Record<string, Ending> = { "0": "consonant", "1": "rieul", "2": "vowel", "3": "consonant", "4": "vowel", "5": "vowel", "6": "consonant", "7": "rieul", "8": "rieul", "9": "vowel" };
const LETTER: Record<string, Ending> = { l: "rieul", m: "consonant", n: "consonant", r: "rieul" };

// Characters read past when looking for the word: closing quotes and brackets, and punctuation.
const TRANSPARENT = /[\s"'”’»)\]}>」』〉》.,!?…·*_~`]/;

function hangulEnding(code: number): Ending {
  const final = (code - 0xac00) % 28;
  return final === 0 ? "vowel" : final === 8 ? "rieul" : "consonant";
}

/** How a number ending in these digits is read: 10 십, 100 백, 1000 천, 10000 만 all end in a consonant. */
function numberEnding(digits: string): Ending {
  const last = digits.at(-1)!;
  if (last !== "0") return DIGIT[last]!;
  return "consonant"; // 영, 십, 백, 천, 만
}

/** English words: a rough reading good enough for names in a UI (Hospital → 호스피털, Team → 팀, Data → 데이터). */
function latinEnding(word: string): Ending {
  const w = word.toLowerCase();
  if (w.length === 1) return LETTER[w] ?? "vowel";
  if (/(ng|m|n)$/.test(w)) return "consonant";
  if (/(l|le)$/.test(w)) return "rieul";
  return "vowel";
}

/** The ending of the text just before `index` in `text`, or null when there is no word to go by. */
export function endingBefore(text: string, index: number): Ending | null {
  let i = index;
  while (i > 0 && TRANSPARENT.test(text[i - 1]!)) i--;
  if (i === 0) return null;
  const code = text.charCodeAt(i - 1);
  if (code >= 0xac00 && code <= 0xd7a3) return hangulEnding(code);
  const digits = /[0-9]+$/.exec(text.slice(0, i));
  if (digits) return numberEnding(digits[0]);
  const latin = /[A-Za-z]+$/.exec(text.slice(0, i));
  if (latin) return latinEnding(latin[0]);
  return null;
}

/**
 * Replaces every two-form particle in `text` ("을(를)", "(으)로"…) by the form that fits the word
 * before it. Where the word cannot be read (a symbol, nothing before it), the form after a
 * vowel is used, which reads naturally after most words of a foreign script.
 */
export function resolveParticles(text: string): string {
  return text.replace(PATTERN, (pair, index: number) => {
    const [afterConsonant, afterVowel] = PAIRS[pair]!;
    const ending = endingBefore(text, index);
    if (pair === "(으)로") return ending === "consonant" ? afterConsonant : afterVowel; // ㄹ takes 로: "서울로"
    return ending === "consonant" || ending === "rieul" ? afterConsonant : afterVowel;
  });
}
