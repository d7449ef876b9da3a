import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ResearchExportQuery, SheetName } from "@/lib/validation/research";
import { dataPages, planExport, sheetsToWrite, type ExportPlan, type SheetShape } from "../research/data-set";
import type { Row } from "../research/cells";
import { jsonFrame, SheetFile, zipFiles } from "../research/writers";
import { XlsxFile } from "../research/xlsx-stream";

export interface ExportFile {
  /** The file's bytes, streamed from disk when they were spooled there. */
  body: ReadableStream<Uint8Array> | Uint8Array;
  /** Its exact length in bytes (the route sends it as Content-Length). */
  size: number;
  contentType: string;
  /** Made by the server from the time only: nothing a client sent, nothing personal. */
  filename: string;
}

/** `20260301T090000Z`: a UTC timestamp safe in a file name. */
export const fileTimestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The research data set as a file: an xlsx workbook (one worksheet per sheet, README last),
 * a zip of one CSV per sheet, or JSON `{ generatedAt, filters, sheets }`. With `sheet`, that
 * sheet alone (csv: one .csv file; xlsx: with the README rows describing it). Every format
 * holds the same rows: only people with data consent, under participant codes; withdrawn
 * people have no rows left to export; test rooms only when asked for.
 *
 * Rooms are read a page at a time. Every format is written to a temporary file as the pages
 * come (the workbook's worksheets each spooled on their own, then joined) and answered as a
 * stream of that file, which is already unlinked, so nothing stays behind; the size is known
 * before the first byte is sent. Stops, leaving nothing behind, when `signal` aborts.
 */
export async function exportResearchData({ filters, format, sheet }: ResearchExportQuery, opts: { now?: Date; signal?: AbortSignal } = {}): Promise<ExportFile> {
  const now = opts.now ?? new Date();
  const plan = await planExport(filters, now);
  const base = `aedg-export-${fileTimestamp(now)}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), "aedg-export-"));
  try {
    let result: { path: string; contentType: string; filename: string };
    const sheets = sheetsToWrite(plan, sheet, format === "xlsx");
    if (format === "xlsx") {
      const out = path.join(dir, "export.xlsx");
      await withFile(out, "w", (f) => writeXlsx(plan, sheets, dir, f, opts.signal));
      return await answer({ path: out, contentType: XLSX_TYPE, filename: `${base}.xlsx` });
    }
    const files = await spoolSheets(plan, sheets, format, dir, opts.signal);
    if (format === "csv" && sheet) result = { path: files.get(sheet)!, contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
    else if (format === "csv") {
      const out = path.join(dir, "export.zip");
      await withFile(out, "w", (f) =>
        zipFiles(
          sheets.map((s) => ({ name: `${s.name}.csv`, path: files.get(s.name)! })),
          now,
          f,
        ),
      );
      result = { path: out, contentType: "application/zip", filename: `${base}.zip` };
    } else {
      const out = path.join(dir, "export.json");
      await withFile(out, "w", (f) => joinJson(plan, sheets, files, f));
      result = { path: out, contentType: "application/json; charset=utf-8", filename: `${base}.json` };
    }
    return await answer(result);
  } finally {
    // An open file outlives its name: the answer streams on from the handle.
    await rm(dir, { recursive: true, force: true });
  }
}

/** The finished file, opened: its stream and size. */
async function answer(result: { path: string; contentType: string; filename: string }): Promise<ExportFile> {
  const file = await open(/*turbopackIgnore: true*/ result.path, "r");
  const { size } = await file.stat();
  return { body: fileStream(file), size, contentType: result.contentType, filename: result.filename };
}

/** The workbook into `out`, its worksheets spooled under `dir` a page of rows at a time. */
async function writeXlsx(plan: ExportPlan, sheets: (SheetShape & { rows?: Row[] })[], dir: string, out: FileHandle, signal?: AbortSignal): Promise<void> {
  const book = await XlsxFile.create(dir, sheets);
  try {
    if (sheets.some((s) => !s.rows)) {
      for await (const page of dataPages(plan, signal)) for (const s of sheets) if (!s.rows) await book.append(s.name, page[s.name as keyof typeof page]);
    }
    for (const s of sheets) if (s.rows) await book.append(s.name, s.rows);
    signal?.throwIfAborted();
    await book.finish(out, plan.generatedAt);
  } finally {
    await book.close();
  }
}

/** Each sheet's rows in its own file under `dir` (CSV with its header, or comma-separated JSON rows). */
async function spoolSheets(plan: ExportPlan, sheets: (SheetShape & { rows?: Row[] })[], format: "csv" | "json", dir: string, signal?: AbortSignal): Promise<Map<SheetName, string>> {
  const paths = new Map(sheets.map((s) => [s.name, path.join(/*turbopackIgnore: true*/ dir, `${s.name}.${format}`)] as const));
  const files = new Map<SheetName, SheetFile>();
  try {
    for (const s of sheets) files.set(s.name, await SheetFile.create(paths.get(s.name)!, s, format));
    for (const s of sheets) if (s.rows) await files.get(s.name)!.append(s.rows);
    if (sheets.some((s) => !s.rows)) {
      for await (const page of dataPages(plan, signal)) {
        for (const s of sheets) if (!s.rows) await files.get(s.name)!.append(page[s.name as keyof typeof page]);
      }
    }
  } finally {
    for (const f of files.values()) await f.close();
  }
  return paths;
}

/** The JSON export: its frame around each sheet's spooled rows. */
async function joinJson(plan: ExportPlan, sheets: SheetShape[], files: Map<SheetName, string>, out: FileHandle): Promise<void> {
  const frame = jsonFrame(plan.generatedAt, plan.filters, sheets.map((s) => s.name));
  for (const [i, s] of sheets.entries()) {
    await out.write(frame[i]!);
    await withFile(files.get(s.name)!, "r", async (f) => {
      const buffer = new Uint8Array(STREAM_CHUNK);
      for (let n = 0; (n = (await f.read(buffer, 0, buffer.length, null)).bytesRead) > 0; ) await out.write(buffer, 0, n);
    });
  }
  await out.write(frame.at(-1)!);
}

async function withFile<T>(file: string, flags: "r" | "w", work: (f: FileHandle) => Promise<T>): Promise<T> {
  const f = await open(file, flags);
  try {
    return await work(f);
  } finally {
    await f.close();
  }
}

const STREAM_CHUNK = 64 * 1024;

/** A stream of an open file from its start; the file is closed at the end, on cancel or on error. */
function fileStream(file: FileHandle): ReadableStream<Uint8Array> {
  let isClosed = false;
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    await file.close().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(STREAM_CHUNK);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
        } else controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (e) {
        await close();
        controller.error(e);
      }
    },
    cancel: close,
  });
}
