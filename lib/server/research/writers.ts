import { strToU8, zipSync } from "fflate";
import * as XLSX from "xlsx";
import type { ResearchFilters } from "@/lib/validation/research";
import type { Cell, Row } from "./cells";
import { toCsv } from "./csv";
import type { DataSet, Sheet } from "./data-set";

/**
 * The three export formats of one data set. Every writer gets the same sheets and rows;
 * only the encoding differs. The xlsx package is used to write, never to read (SECURITY.md 40).
 */

/** Longest text a spreadsheet cell may hold. */
export const XLSX_MAX_TEXT = 32_767;

/**
 * One worksheet cell. Text is always a string cell (`t: "s"`, written to the shared-string
 * table) and never has a formula, so `=HYPERLINK(…)` stays the text it is (SECURITY.md 39).
 */
function xlsxCell(value: Cell): XLSX.CellObject | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? { t: "n", v: value } : undefined;
  if (typeof value === "boolean") return { t: "b", v: value };
  return { t: "s", v: value.length > XLSX_MAX_TEXT ? value.slice(0, XLSX_MAX_TEXT) : value };
}

function worksheet(sheet: Sheet): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const names = sheet.columns.map((c) => c.name);
  names.forEach((name, c) => (ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: "s", v: name }));
  sheet.rows.forEach((row: Row, i) => {
    names.forEach((name, c) => {
      const cell = xlsxCell(row[name] ?? null);
      if (cell) ws[XLSX.utils.encode_cell({ r: i + 1, c })] = cell;
    });
  });
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: sheet.rows.length, c: Math.max(0, names.length - 1) } });
  ws["!cols"] = names.map((n) => ({ wch: Math.min(40, Math.max(10, n.length + 2)) }));
  return ws;
}

/** An xlsx workbook, one worksheet per sheet, in order. */
export function toXlsx(sheets: Sheet[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) XLSX.utils.book_append_sheet(wb, worksheet(sheet), sheet.name);
  // bookSST: text goes to the shared-string table as t="s" cells (not t="str", the formula-result type).
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: true, compression: true }) as Buffer;
}

/** One sheet as a CSV file (RFC 4180, UTF-8 with BOM). */
export function sheetToCsv(sheet: Sheet): string {
  return toCsv(
    sheet.columns.map((c) => c.name),
    sheet.rows,
  );
}

/** A zip with one `<sheet>.csv` per sheet. */
export function toCsvZip(sheets: Sheet[], generatedAt: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const sheet of sheets) files[`${sheet.name}.csv`] = [strToU8(sheetToCsv(sheet)), { mtime: generatedAt }];
  return zipSync(files, { level: 6 });
}

/** The filters as the JSON export states them (`to` is exclusive). */
export function describeFilters(f: ResearchFilters) {
  return { from: f.from?.toISOString() ?? null, to: f.to?.toISOString() ?? null, scenario: f.scenario ?? null, completed: f.completed ?? null, test: f.test };
}

/** `{ generatedAt, filters, sheets: { <name>: [rows…] } }`. */
export function toJson(set: DataSet, sheets: Sheet[]): string {
  const out: Record<string, Row[]> = {};
  for (const s of sheets) out[s.name] = s.rows.map((row) => Object.fromEntries(s.columns.map((c) => [c.name, row[c.name] ?? null])));
  return JSON.stringify({ generatedAt: set.generatedAt.toISOString(), filters: describeFilters(set.filters), sheets: out });
}
