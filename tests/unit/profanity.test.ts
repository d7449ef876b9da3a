import { describe, expect, it } from "vitest";
import { maskProfanity } from "@/lib/domain/profanity";

describe("profanity mask", () => {
  it.each([
    ["what the fuck", "what the ****"],
    ["FUCK this", "**** this"],
    ["f.u.c.k off", "*.*.*.* off"],
    ["you bitch!", "you *****!"],
    ["이거 씨발 뭐야", "이거 ** 뭐야"],
    ["씨 발", "* *"],
    ["병신같은 결정", "**같은 결정"],
    ["ㅅㅂ 진짜", "** 진짜"],
  ])("masks %j", (input, expected) => {
    expect(maskProfanity(input)).toEqual({ text: expected, masked: true });
  });

  it.each(["A classic assessment of Dickens' class", "Scunthorpe hospital", "좋은 의견이에요"])("leaves %j alone", (input) => {
    expect(maskProfanity(input)).toEqual({ text: input, masked: false });
  });

  it("over-masks Korean words that contain a listed word (a known limit of word lists)", () => {
    expect(maskProfanity("시발점이 된 사건").text).toBe("**점이 된 사건");
  });

  it("keeps the length of the text", () => {
    const text = "shit happens, 존나 좋다";
    expect(maskProfanity(text).text).toHaveLength(text.length);
  });
});
