import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { Row } from "@/lib/server/research/cells";
import type { Sheet, SheetShape } from "@/lib/server/research/data-set";
import { cellText, columnLetters, XLSX_MAX_TEXT, XlsxFile } from "@/lib/server/research/xlsx-stream";

/** The streaming workbook writer, read back with the xlsx package (fine in a test; the product never reads a workbook). */

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Writes `sheets` the way the export does (rows a page at a time, sheets interleaved) and returns the file's bytes. */
async function workbook(sheets: readonly Sheet[], page = 1000): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "xlsx-stream-test-"));
  dirs.push(dir);
  const book = await XlsxFile.create(dir, sheets);
  try {
    const longest = Math.max(...sheets.map((s) => s.rows.length));
    for (let i = 0; i < longest; i += page) for (const s of sheets) await book.append(s.name, s.rows.slice(i, i + page));
    const out = await open(path.join(dir, "out.xlsx"), "w");
    try {
      await book.finish(out, new Date("2026-03-01T09:00:00Z"));
    } finally {
      await out.close();
    }
  } finally {
    await book.close();
  }
  return new Uint8Array(await readFile(path.join(dir, "out.xlsx")));
}

type Value = string | number | boolean | null;

/** Every sheet as a grid of typed values (null: no cell), checking that no cell has a formula or another type. */
function readBack(bytes: Uint8Array): { names: string[]; grids: Record<string, Value[][]> } {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellDates: false, cellNF: false, cellText: false });
  const grids: Record<string, Value[][]> = {};
  const wrong: string[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws["!ref"]!);
    const grid: Value[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: Value[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell && (cell.f !== undefined || !["s", "n", "b"].includes(cell.t))) wrong.push(`${name}!${XLSX.utils.encode_cell({ r, c })}`);
        row.push(cell ? (cell.v as Value) : null);
      }
      grid.push(row);
    }
    grids[name] = grid;
  }
  expect(wrong, "cells with a formula or another type").toEqual([]);
  return { names: wb.SheetNames, grids };
}

const shape = (name: SheetShape["name"], ...columns: string[]): SheetShape => ({ name, columns: columns.map((c) => ({ name: c, description: c })) });
const grid = (s: Sheet, value: (v: Row[string] | undefined) => Value = (v) => v ?? null): Value[][] => [s.columns.map((c) => c.name), ...s.rows.map((r) => s.columns.map((c) => value(r[c.name])))];

const chat: Sheet = {
  ...shape("chat", "text", "n", "ok"),
  rows: [
    { text: '=HYPERLINK("http://x")', n: -2, ok: true },
    { text: "+1", n: null, ok: false },
    { text: "-2", n: 3.5, ok: null },
    { text: "@x", n: 0, ok: true },
    { text: "\tTab", n: 1, ok: true },
  ],
};

describe("xlsx stream writer", () => {
  it("writes every text as a shared string and never a formula (checked in the XML, without XLSX.read)", async () => {
    const files = unzipSync(await workbook([chat]));
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    const strings = strFromU8(files["xl/sharedStrings.xml"]!);
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toContain('t="str"');
    expect(xml).not.toContain("inlineStr");
    for (let r = 1; r <= 6; r++) expect(xml).toMatch(new RegExp(`<c r="A${r}" t="s">`));
    expect(xml).toMatch(/<c r="B2"><v>-2<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C2" t="b"><v>1<\/v><\/c>/);
    expect(xml).not.toMatch(/r="B3"/); // null: no cell
    expect(strings).toContain('<t>=HYPERLINK("http://x")</t>');
    for (const t of ["+1", "-2", "@x"]) expect(strings).toContain(`<t>${t}</t>`);
    expect(strings).toContain('<t xml:space="preserve">\tTab</t>');
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('name="chat"');
  });

  it("keeps the types: numbers numeric, yes/no boolean, text text; null, missing and non-finite numbers are empty cells, empty text stays text", async () => {
    const s: Sheet = {
      ...shape("rooms", "a", "b", "c", "d"),
      rows: [
        { a: 0, b: -0, c: 1.5, d: 1e21 },
        { a: 2 ** 53 - 1, b: -17, c: 1e-7, d: 0.1 + 0.2 },
        { a: true, b: false, c: "", d: "0042" },
        { a: null, b: Number.NaN, c: Number.POSITIVE_INFINITY },
        { a: "2026-03-01T09:00:00.000Z", b: "1", c: "TRUE", d: "3.5" },
      ],
    };
    const { grids } = readBack(await workbook([s]));
    expect(grids.rooms).toEqual([
      ["a", "b", "c", "d"],
      [0, 0, 1.5, 1e21],
      [2 ** 53 - 1, -17, 1e-7, 0.1 + 0.2],
      [true, false, "", "0042"],
      [null, null, null, null],
      ["2026-03-01T09:00:00.000Z", "1", "TRUE", "3.5"],
    ]);
  });

  it("keeps formula-looking and awkward text as the same text", async () => {
    const texts = ['=HYPERLINK("http://x","click")', "=1+1", "+1", "-2", "@SUM(A1)", "\t=cmd", " lead", "trail ", "a & b < c > d \" ' ", "line\nbreak", "cr\r\nlf", "_x0041_ stays", "_x005F_", "한국어 😀", "&amp;"];
    const s: Sheet = { ...shape("chat", "text"), rows: texts.map((text) => ({ text })) };
    const { grids } = readBack(await workbook([s]));
    expect(grids.chat!.slice(1).map((r) => r[0])).toEqual(texts);
  });

  it("drops the characters XML cannot carry and cuts text at 32,767 characters (never half a surrogate pair)", async () => {
    const long = "x".repeat(XLSX_MAX_TEXT + 100);
    const split = `${"y".repeat(XLSX_MAX_TEXT - 1)}😀tail`;
    const s: Sheet = { ...shape("chat", "text"), rows: [{ text: "a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffeh\uffffi" }, { text: long }, { text: split }, { text: "\u0007" }] };
    expect(cellText(split)).toBe("y".repeat(XLSX_MAX_TEXT - 1));
    const files = unzipSync(await workbook([s]));
    // eslint-disable-next-line no-control-regex -- checking that none is left
    expect(strFromU8(files["xl/sharedStrings.xml"]!)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const { grids } = readBack(await workbook([s]));
    const cells = grids.chat!.slice(1).map((r) => r[0]);
    expect(cells[0]).toBe("abcdefghi");
    expect(cells[1]).toBe("x".repeat(XLSX_MAX_TEXT));
    expect(cells[2]).toBe("y".repeat(XLSX_MAX_TEXT - 1));
    expect(cells[3]).toBe("");
  });

  it("writes several sheets, in order, from interleaved pages: the same rows SheetJS reads back", { timeout: 60_000 }, async () => {
    // Enough rows for many batches, for a column of unique texts (no longer looked up) and for
    // the string index to fill up and start over (a column whose texts repeat, and do not).
    const choices: Sheet = {
      ...shape("choices", "participant_code", "choice_label", "submitted_at", "time_to_choose_s"),
      rows: Array.from({ length: 100_000 }, (_, i) => ({
        participant_code: i % 3 === 0 ? "P0000" : `P${i.toString(36).toUpperCase()}`,
        choice_label: i % 13 === 0 ? null : ["Protect the passenger", "모든 사람을 똑같이", "=minimise harm"][i % 3]!,
        submitted_at: new Date(Date.UTC(2026, 2, 1) + i * 9000).toISOString(),
        time_to_choose_s: i % 13 === 0 ? null : (i % 9000) / 100,
      })),
    };
    const rooms: Sheet = { ...shape("rooms", "room_code", "participants"), rows: Array.from({ length: 700 }, (_, i) => ({ room_code: `R${i}`, participants: i % 4 })) };
    const empty: Sheet = { ...shape("transcripts", "room_code", "transcript"), rows: [] };
    const readme: Sheet = { ...shape("README", "sheet", "column", "description"), rows: [{ sheet: "chat", column: "text", description: "The message." }] };
    const bytes = await workbook([choices, rooms, empty, readme], 500);
    const { names, grids } = readBack(bytes);
    expect(names).toEqual(["choices", "rooms", "transcripts", "README"]);
    expect(grids.choices).toEqual(grid(choices));
    expect(grids.rooms).toEqual(grid(rooms));
    expect(grids.transcripts).toEqual([["room_code", "transcript"]]);
    expect(grids.README).toEqual(grid(readme));
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(
      ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"].sort(),
    );
  });

  it("names columns as spreadsheets do", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
