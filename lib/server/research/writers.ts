import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { strToU8, Zip, ZipDeflate } from "fflate";
import type { ResearchFilters, SheetName } from "@/lib/validation/research";
import type { Row } from "./cells";
import { csvHead, csvLines, toCsv } from "./csv";
import type { Sheet, SheetShape } from "./data-set";

/**
 * The CSV and JSON export formats (the workbook is xlsx-stream.ts). Every writer gets the same
 * sheets and rows; only the encoding differs. Rows arrive a page at a time and go to files as
 * they come; the caller streams the finished file.
 */

const names = (shape: SheetShape) => shape.columns.map((c) => c.name);

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
