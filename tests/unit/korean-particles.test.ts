import { describe, expect, it } from "vitest";
import { resolveParticles } from "@/lib/i18n/korean-particles";
import { createTranslator, messages, type MessageKey } from "@/lib/i18n/messages";

describe("resolveParticles", () => {
  it.each<[string, string]>([
    // Hangul: final consonant, none, ㄹ
    ["보고서을(를) 삭제", "보고서를 삭제"],
    ["계획을(를) 삭제", "계획을 삭제"],
    ["민아이(가) 들어왔습니다", "민아가 들어왔습니다"],
    ["민준이(가) 들어왔습니다", "민준이 들어왔습니다"],
    ["서울(으)로", "서울로"],
    ["부산(으)로", "부산으로"],
    ["학교(으)로", "학교로"],
    ["사과과(와) 배", "사과와 배"],
    ["책과(와) 펜", "책과 펜"],
    ["물은(는)", "물은"],
    ["나무은(는)", "나무는"],
    // numbers read aloud: 일 이 삼 사 … 십 백
    ["라운드 1을(를)", "라운드 1을"],
    ["라운드 2을(를)", "라운드 2를"],
    ["라운드 3을(를)", "라운드 3을"],
    ["라운드 4이(가)", "라운드 4가"],
    ["라운드 10을(를)", "라운드 10을"],
    ["버전 2(으)로", "버전 2로"],
    ["버전 3(으)로", "버전 3으로"],
    ["버전 7(으)로", "버전 7로"],
    // option letters and English names
    ["선택지 A을(를)", "선택지 A를"],
    ["선택지 L을(를)", "선택지 L을"],
    ["선택지 M이(가)", "선택지 M이"],
    ["“Hospital”을(를)", "“Hospital”을"],
    ["“Team”을(를)", "“Team”을"],
    ["“Data”을(를)", "“Data”를"],
    ["gpt-4o-mini이(가) 작성했습니다", "gpt-4o-mini가 작성했습니다"],
    // quotes and brackets are read past
    ["“자율주행 딜레마”을(를) 공개했습니다", "“자율주행 딜레마”를 공개했습니다"],
    ["“병원 자원”을(를) 공개했습니다", "“병원 자원”을 공개했습니다"],
    ["(민준)이(가)", "(민준)이"],
    // several in one text, and text without any
    ["민준, 민아을(를) 기다리는 중입니다. 라운드 1이(가) 이제 라운드 2입니다.", "민준, 민아를 기다리는 중입니다. 라운드 1이 이제 라운드 2입니다."],
    ["괄호(예시)는 그대로", "괄호(예시)는 그대로"],
  ])("%s → %s", (input, expected) => {
    expect(resolveParticles(input)).toBe(expected);
  });
});

describe("Korean messages with particles", () => {
  const keys = (Object.keys(messages.ko) as MessageKey[]).filter((k) => /\}[”’"']?\s?(을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로)/.test(messages.ko[k]));

  it("some messages put a particle after a placeholder", () => {
    expect(keys.length).toBeGreaterThan(5);
  });

  it.each(["민아", "민준", "Data", "3", "A"])("none shows a two-form particle once filled with %s", (value) => {
    const t = createTranslator("ko");
    for (const key of keys) {
      const names = [...messages.ko[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const text = t(key, Object.fromEntries(names.map((n) => [n, value])));
      expect([key, text]).not.toEqual([key, expect.stringMatching(/을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로/)]);
    }
  });

  it("English text is left alone", () => {
    expect(createTranslator("en")("lobby.greeting", { name: "민아" })).toBe("Hello, 민아");
  });
});
