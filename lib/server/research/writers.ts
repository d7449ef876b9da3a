import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { strToU8, Zip, ZipDeflate } from "fflate";
import * as XLSX from "xlsx";
import type { ResearchFilters, SheetName } from "@/lib/validation/research";
import type { Cell, Row } from "./cells";
import { csvHead, csvLines, toCsv } from "./csv";
import type { Sheet, SheetShape } from "./data-set";

/**
 * The three export formats. Every writer gets the same sheets and rows; only the encoding
 * differs. Rows arrive a page at a time: CSV and JSON go to files as they come (the caller
 * streams the finished file), the workbook is kept in compact form until it is written. The
 * xlsx package is used to write, never to read (SECURITY.md 40).
 */

/** Longest text a spreadsheet cell may hold. */
export const XLSX_MAX_TEXT = 32_767;

const names = (shape: SheetShape) => shape.columns.map((c) => c.name);

// ---------------------------------------------------------------------------------------------
// xlsx

type Dense = (XLSX.CellObject | undefined)[][];

/** Distinct cell values kept as one shared cell object each (the writer never changes a cell). */
const SHARED_CELLS_MAX = 65_536;

/**
 * A workbook built page by page. Each worksheet is held in the xlsx package's dense form (an
 * array of rows of cell objects, no "A1" key per cell), and cells with the same value share
 * one object, so a workbook costs little more than its cells' values until it is written.
 * Text is always a string cell (`t: "s"`, written to the shared-string table) and never has a
 * formula, so `=HYPERLINK(…)` stays the text it is (SECURITY.md 39).
 */
export class XlsxBuilder {
  private sheets = new Map<SheetName, { shape: SheetShape; rows: Dense }>();
  private shared = new Map<Cell, XLSX.CellObject>();

  constructor(shapes: readonly SheetShape[]) {
    for (const shape of shapes) this.sheets.set(shape.name, { shape, rows: [names(shape).map((n) => this.cell(n))] });
  }

  private cell(value: Cell): XLSX.CellObject | undefined {
    if (value === null || value === undefined) return undefined;
    const seen = this.shared.get(value);
    if (seen) return seen;
    let cell: XLSX.CellObject | undefined;
    if (typeof value === "number") cell = Number.isFinite(value) ? { t: "n", v: value } : undefined;
    else if (typeof value === "boolean") cell = { t: "b", v: value };
    else cell = { t: "s", v: value.length > XLSX_MAX_TEXT ? value.slice(0, XLSX_MAX_TEXT) : value };
    if (cell && this.shared.size < SHARED_CELLS_MAX) this.shared.set(value, cell);
    return cell;
  }

  /** Appends rows to a sheet; rows of a sheet the workbook does not have are ignored. */
  add(name: SheetName, rows: readonly Row[]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) return;
    const columns = names(sheet.shape);
    for (const row of rows) sheet.rows.push(columns.map((c) => this.cell(row[c] ?? null)));
  }

  /** The workbook's bytes, one worksheet per sheet in the order given. The builder is empty afterwards. */
  finish(): Buffer {
    const wb = XLSX.utils.book_new();
    for (const { shape, rows } of this.sheets.values()) {
      const columns = names(shape);
      const ws = rows as unknown as XLSX.WorkSheet;
      ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(0, columns.length - 1) } });
      ws["!cols"] = columns.map((n) => ({ wch: Math.min(40, Math.max(10, n.length + 2)) }));
      XLSX.utils.book_append_sheet(wb, ws, shape.name);
    }
    this.sheets = new Map();
    this.shared = new Map();
    // bookSST: text goes to the shared-string table as t="s" cells (not t="str", the formula-result type).
    return XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: true, compression: true }) as Buffer;
  }
}

/** An xlsx workbook, one worksheet per sheet, in order. */
export function toXlsx(sheets: readonly Sheet[]): Buffer {
  const builder = new XlsxBuilder(sheets);
  for (const sheet of sheets) builder.add(sheet.name, sheet.rows);
  return builder.finish();
}

// ---------------------------------------------------------------------------------------------
// CSV and JSON, row by row into files

/** One sheet as a CSV file (RFC 4180, UTF-8 with BOM). */
export function sheetToCsv(sheet: Sheet): string {
  return toCsv(names(sheet), sheet.rows);
}

/** One row as the JSON export writes it: every column of the sheet, in order, missing ones null. */
export function jsonRow(columns: readonly string[], row: Row): string {
  const out: Row = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return JSON.stringify(out);
}

/** Rows of one sheet appended to a file, a page at a time: CSV lines, or JSON rows separated by commas. */
export class SheetFile {
  private isEmpty = true;

  private constructor(
    private readonly file: FileHandle,
    private readonly columns: string[],
    private readonly format: "csv" | "json",
  ) {}

  /** Creates (truncates) the file; a CSV file starts with its BOM and header line. */
  static async create(path: string, shape: SheetShape, format: "csv" | "json"): Promise<SheetFile> {
    const file = await open(path, "w");
    const columns = names(shape);
    if (format === "csv") await file.write(csvHead(columns));
    return new SheetFile(file, columns, format);
  }

  async append(rows: readonly Row[]): Promise<void> {
    if (!rows.length) return;
    let text: string;
    if (this.format === "csv") text = csvLines(this.columns, rows);
    else {
      text = (this.isEmpty ? "" : ",") + rows.map((r) => jsonRow(this.columns, r)).join(",");
      this.isEmpty = false;
    }
    await this.file.write(text);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

/** The filters as the JSON export states them (`to` is exclusive). */
export function describeFilters(f: ResearchFilters) {
  return { from: f.from?.toISOString() ?? null, to: f.to?.toISOString() ?? null, scenario: f.scenario ?? null, completed: f.completed ?? null, test: f.test };
}

/**
 * The JSON export, `{ generatedAt, filters, sheets: { <name>: [rows…] } }`, as the pieces
 * that surround each sheet's rows: `parts[i]` comes before sheet i's rows, the last one after
 * them all. Joined with the rows this is exactly JSON.stringify of the whole object.
 */
export function jsonFrame(generatedAt: Date, filters: ResearchFilters, sheets: readonly SheetName[]): string[] {
  const head = `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"filters":${JSON.stringify(describeFilters(filters))},"sheets":{`;
  return [...sheets.map((name, i) => `${i === 0 ? head : "],"}${JSON.stringify(name)}:[`), sheets.length ? "]}}" : `${head}}}`];
}

/** The JSON export of sheets held in memory. */
export function toJson(set: { generatedAt: Date; filters: ResearchFilters }, sheets: readonly Sheet[]): string {
  const frame = jsonFrame(set.generatedAt, set.filters, sheets.map((s) => s.name));
  return sheets.map((s, i) => frame[i] + s.rows.map((r) => jsonRow(names(s), r)).join(",")).join("") + frame.at(-1);
}

// ---------------------------------------------------------------------------------------------
// zip

/** A zip archive written as it goes; `onData` receives the archive's bytes in order, synchronously. */
class ZipStream {
  private readonly zip: Zip;

  constructor(onData: (chunk: Uint8Array) => void) {
    this.zip = new Zip((err, chunk) => {
      if (err) throw err;
      onData(chunk);
    });
  }

  /** Starts the next file; push its bytes in order, the last push with `final`. */
  file(name: string, mtime: Date): ZipDeflate {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    this.zip.add(entry);
    return entry;
  }

  end(): void {
    this.zip.end();
  }
}

const READ_CHUNK = 256 * 1024;

/**
 * Zips files from disk into `out`, one entry per file in the order given, reading and
 * compressing a chunk at a time (nothing is held whole in memory).
 */
export async function zipFiles(entries: readonly { name: string; path: string }[], mtime: Date, out: FileHandle): Promise<void> {
  let pending: Uint8Array[] = [];
  const zip = new ZipStream((chunk) => pending.push(chunk));
  const flush = async () => {
    const chunks = pending;
    pending = [];
    for (const c of chunks) await out.write(c);
  };
  const buffer = new Uint8Array(READ_CHUNK);
  for (const { name, path } of entries) {
    const entry = zip.file(name, mtime);
    const file = await open(path, "r");
    try {
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        // The deflater keeps no reference to a pushed chunk once push returns: the buffer is reused.
        entry.push(buffer.subarray(0, bytesRead), bytesRead === 0);
        await flush();
        if (bytesRead === 0) break;
      }
    } finally {
      await file.close();
    }
  }
  zip.end();
  await flush();
}

/** A zip with one `<sheet>.csv` per sheet, from sheets held in memory. */
export function toCsvZip(sheets: readonly Sheet[], generatedAt: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new ZipStream((chunk) => chunks.push(chunk));
  for (const sheet of sheets) zip.file(`${sheet.name}.csv`, generatedAt).push(strToU8(sheetToCsv(sheet)), true);
  zip.end();
  return Buffer.concat(chunks);
}
