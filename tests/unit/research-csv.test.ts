import { describe, expect, it } from "vitest";
import { looksLikeFormula } from "@/lib/server/research/cells";
import { csvField, toCsv, UTF8_BOM } from "@/lib/server/research/csv";

describe("csv fields (RFC 4180, formula-safe)", () => {
  it.each([
    [null, ""],
    ["plain", "plain"],
    ["한국어 텍스트", "한국어 텍스트"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", `"'+1"`],
    ["-2", `"'-2"`],
    ["@x", `"'@x"`],
    ["\tindented", `"'\tindented"`],
    ["\rstart", `"'\rstart"`],
    ["mid=dle", "mid=dle"],
    [" =spaced", " =spaced"],
    [3, "3"],
    [-2, "-2"],
    [1.25, "1.25"],
    [Number.NaN, ""],
    [true, "true"],
    [false, "false"],
  ] as const)("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("marks exactly the texts a spreadsheet would run", () => {
    for (const t of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(looksLikeFormula(t)).toBe(true);
    for (const t of ["1", "a=1", "", " =1", "'=1"]) expect(looksLikeFormula(t)).toBe(false);
  });

  it("writes a BOM, a header and CRLF-terminated lines in column order", () => {
    const csv = toCsv(["b", "a", "missing"], [{ a: 1, b: "x,y" }, { a: "=2", b: null }]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe(`b,a,missing\r\n"x,y",1,\r\n,"'=2",\r\n`);
  });
});
