import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, isCode, makeCode } from "@/lib/domain/codes";

describe("room and participant codes", () => {
  it("uses no characters that are easy to confuse", () => {
    for (const c of "01OIL") expect(CODE_ALPHABET).not.toContain(c);
  });

  it.each([1, 6, 7, 12])("makes codes of length %i from the alphabet", (n) => {
    for (let i = 0; i < 200; i++) {
      const code = makeCode(n, (k) => randomBytes(k));
      expect(code).toHaveLength(n);
      expect(isCode(code, n)).toBe(true);
    }
  });

  it("rejects bytes that would bias the distribution", () => {
    // 248 is the first byte above the largest multiple of 31 below 256: it must be skipped.
    const bytes = [255, 250, 248, 0, 1, 2, 3, 4, 5];
    const code = makeCode(3, () => Uint8Array.from(bytes));
    expect(code).toBe(CODE_ALPHABET.slice(0, 3));
  });

  it("draws every character about equally often", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const c of makeCode(6, (k) => randomBytes(k))) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(CODE_ALPHABET.length);
    const expected = (3000 * 6) / CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.25);
  });

  it.each([
    ["ABCDEF", 6, true],
    ["ABCDE", 6, false],
    ["ABCDE0", 6, false],
    ["abcdef", 6, false],
    ["ABCDEFG", 6, false],
  ])("isCode(%s, %i) = %s", (code, n, ok) => {
    expect(isCode(code, n)).toBe(ok);
  });
});
