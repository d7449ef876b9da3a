import { looksLikeFormula, type Cell, type Row } from "./cells";

/**
 * CSV as RFC 4180 has it (comma separated, CRLF line ends, fields with a comma, quote, CR
 * or LF quoted and inner quotes doubled), written for Excel: UTF-8 with a byte-order mark,
 * and any text a spreadsheet would run as a formula prefixed with `'` and quoted.
 */

export const UTF8_BOM = "\uFEFF";

/** One field. Numbers and booleans are written bare; text is quoted when it has to be, or when it looked like a formula. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const isFormula = looksLikeFormula(value);
  const text = isFormula ? `'${value}` : value;
  return isFormula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The start of a file: the BOM and the header line of the column names. */
export function csvHead(columns: readonly string[]): string {
  return `${UTF8_BOM}${columns.map(csvField).join(",")}\r\n`;
}

/** The lines of some rows, each ending with CRLF, fields in column order. */
export function csvLines(columns: readonly string[], rows: readonly Row[]): string {
  let out = "";
  for (const row of rows) out += `${columns.map((c) => csvField(row[c] ?? null)).join(",")}\r\n`;
  return out;
}

/** A whole file: the BOM, a header line of the column names, then one line per row (each line ends with CRLF). */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return csvHead(columns) + csvLines(columns, rows);
}
