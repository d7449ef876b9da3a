import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCleanText, stripUnsafeJson, stripUnsafeText, textSchema, type TextKind } from "@/lib/validation/text";

describe("the shared text schema", () => {
  it.each<[string, TextKind, boolean]>([
    ["Self-driving cars", "line", true],
    ["자율주행 자동차 🚗", "line", true],
    ["family 👨‍👩‍👧", "line", true],
    ["a\u0000b", "line", false],
    ["a\u0000b", "lines", false],
    ["a\u0007b", "lines", false],
    ["a\u007fb", "line", false],
    ["a\u0085b", "line", false],
    ["a\tb", "line", false],
    ["a\nb", "line", false],
    ["first\n\nsecond\tindented\r\n", "lines", true],
    ["half \ud83d of a pair", "lines", false],
    ["lone \udc00 low", "line", false],
    ["rtl\u202eeman", "line", true],
    ["rtl\u202eeman", "name", false],
    ["zero\u200bwidth", "name", false],
    ["Ann", "name", true],
  ])("%j as %s → %s", (s, kind, ok) => {
    expect(isCleanText(s, kind)).toBe(ok);
    expect(textSchema({ kind, max: 100 }).safeParse(s).success).toBe(ok);
  });

  it("trims, bounds and names what it refuses", () => {
    expect(textSchema({ max: 5 }).parse("  abc ")).toBe("abc");
    expect(textSchema({ max: 5 }).safeParse("   ").success).toBe(false);
    expect(textSchema({ min: 0, max: 5 }).parse("")).toBe("");
    expect(textSchema({ max: 5 }).safeParse("abcdef").success).toBe(false);
    expect(textSchema({ kind: "lines", min: 0, max: 10, trim: false }).parse("  a\n")).toBe("  a\n");
    const r = textSchema({ max: 10 }).safeParse("a\u0000b");
    expect(r.success || r.error.issues[0]!.message).toBe("Control characters and line breaks are not allowed.");
  });

  it("strips what it would refuse, and the result always passes (property)", () => {
    const unit = fc.oneof(fc.constantFrom("\u0000", "\u0001", "\t", "\n", "\r", "\u007f", "\u0085", "\ud800", "\udfff", "\u202e", "😀"), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(isCleanText(stripUnsafeText(s, "lines"), "lines")).toBe(true);
        expect(isCleanText(stripUnsafeText(s, "line"), "line")).toBe(true);
        expect(stripUnsafeText(s, "lines").length).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps whole characters and ordinary line breaks when stripping", () => {
    expect(stripUnsafeText("a\u0000b\u0001c\n\td😀\ud800")).toBe("abc\n\td😀");
    expect(stripUnsafeText("a\nb\tc", "line")).toBe("a b c");
    expect(stripUnsafeJson({ title: "x\u0000y", "k\u0000": ["\u0001z", 3, null, { n: "\ud800" }] })).toEqual({ title: "xy", k: ["z", 3, null, { n: "" }] });
  });
});
