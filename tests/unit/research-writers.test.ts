import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Sheet } from "@/lib/server/research/data-set";
import { toCsvZip, toJson } from "@/lib/server/research/writers";

const sheet: Sheet = {
  name: "chat",
  columns: [
    { name: "text", description: "t" },
    { name: "n", description: "n" },
    { name: "ok", description: "b" },
  ],
  rows: [
    { text: '=HYPERLINK("http://x")', n: -2, ok: true },
    { text: "+1", n: null, ok: false },
    { text: "-2", n: 3.5, ok: null },
    { text: "@x", n: 0, ok: true },
    { text: "\tTab", n: 1, ok: true },
  ],
};

describe("csv zip", () => {
  it("holds one CSV per sheet with a BOM and formula-looking text prefixed and quoted", () => {
    const files = unzipSync(toCsvZip([sheet], new Date()));
    expect(Object.keys(files)).toEqual(["chat.csv"]);
    const bytes = files["chat.csv"]!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = Buffer.from(bytes.subarray(3)).toString("utf8");
    expect(csv.split("\r\n")).toEqual(["text,n,ok", `"'=HYPERLINK(""http://x"")",-2,true`, `"'+1",,false`, `"'-2",3.5,`, `"'@x",0,true`, `"'\tTab",1,true`, ""]);
  });
});

describe("json", () => {
  it("keeps the values as they are, every column present", () => {
    const set = { generatedAt: new Date("2026-03-01T00:00:00Z"), filters: { test: "false" as const }, sheets: [sheet] };
    const out = JSON.parse(toJson(set, [sheet]));
    expect(out.generatedAt).toBe("2026-03-01T00:00:00.000Z");
    expect(out.filters).toEqual({ from: null, to: null, scenario: null, completed: null, test: "false" });
    expect(out.sheets.chat[1]).toEqual({ text: "+1", n: null, ok: false });
  });
});
