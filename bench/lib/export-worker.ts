// Child process of bench/export.ts: writes `rows` choice rows in one format and prints what it
// took as JSON. One process per measurement, so that the peak resident set is this write's own.
//   tsx bench/lib/export-worker.ts xlsx|csv|csvzip <rows> <file>
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Row } from "@/lib/server/research/cells";
import { csvField, UTF8_BOM } from "@/lib/server/research/csv";
import type { Sheet } from "@/lib/server/research/data-set";
import { columnsOf } from "@/lib/server/research/sheets";
import { SheetFile, zipFiles } from "@/lib/server/research/writers";
import { XlsxFile } from "@/lib/server/research/xlsx-stream";
import { memoryOf } from "./report";

const [format, rowsArg, file] = process.argv.slice(2);
if (!format || !["xlsx", "csv", "csvzip"].includes(format) || !file) throw new Error("usage: export-worker.ts xlsx|csv|csvzip <rows> <file>");
const count = Number(rowsArg);
/** Rows per page, as the product's export gets them from the database (about that many per page of rooms). */
const PAGE = 1000;

/** Choice rows as a real export has them: codes, roles, labels (some Korean), times. */
function choiceRows(n: number): Row[] {
  const roles = ["Safety engineer", "City transport director", "Pedestrian safety alliance", "다원모빌리티 안전 엔지니어", "해온시 교통정책국장", "보행자안전시민연대 대표"];
  const labels = ["Minimise expected harm, counting everyone equally", "Protect the people outside the car first", "Protect the passenger who trusted the car", "모든 사람을 똑같이 계산해 예상 피해 최소화"];
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const code = (i: number, len: number) => Array.from({ length: len }, (_, k) => alphabet[(i * 7 + k * 13 + Math.floor(i / (k + 1))) % alphabet.length]).join("");
  const start = Date.UTC(2026, 2, 1);
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const room = Math.floor(i / 15);
    const seat = Math.floor(i / 5) % 3;
    const missing = i % 97 === 0;
    const choice = (i * 31 + room) % 4;
    out.push({
      room_code: code(room, 6),
      participant_code: `P${code(room * 3 + seat, 7)}`,
      seat,
      role_name: roles[(room + seat) % roles.length]!,
      round: (i % 5) + 1,
      choice: missing ? null : choice,
      choice_label: missing ? null : labels[choice]!,
      confidence: missing ? null : 1 + ((i * 17) % 5),
      missing,
      submitted_at: new Date(start + i * 9_000).toISOString(),
      time_to_choose_s: missing ? null : ((i * 7919) % 90_000) / 1000,
    });
  }
  return out;
}

async function csvStream(sheet: Sheet, path: string) {
  const names = sheet.columns.map((c) => c.name);
  const stream = createWriteStream(path);
  let chunk = UTF8_BOM + names.map(csvField).join(",") + "\r\n";
  for (const row of sheet.rows) {
    chunk += names.map((n) => csvField(row[n] ?? null)).join(",") + "\r\n";
    if (chunk.length > 64 * 1024) {
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  stream.end(chunk);
  await once(stream, "finish");
}

/** The product's CSV download: the sheet's CSV file written a page of rows at a time, then zipped from disk. */
async function productCsvZip(sheet: Sheet, file: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-export-csv-"));
  try {
    const csv = path.join(dir, `${sheet.name}.csv`);
    const out = await SheetFile.create(csv, sheet, "csv");
    for (let i = 0; i < sheet.rows.length; i += PAGE) await out.append(sheet.rows.slice(i, i + PAGE));
    await out.close();
    const zip = await open(file, "w");
    await zipFiles([{ name: `${sheet.name}.csv`, path: csv }], new Date(), zip);
    await zip.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The product's workbook download: worksheets spooled a page of rows at a time, then joined into the file (XlsxFile). */
async function productXlsx(sheet: Sheet, file: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-export-xlsx-"));
  try {
    const book = await XlsxFile.create(dir, [sheet]);
    try {
      for (let i = 0; i < sheet.rows.length; i += PAGE) await book.append(sheet.name, sheet.rows.slice(i, i + PAGE));
      const out = await open(file, "w");
      try {
        await book.finish(out, new Date());
      } finally {
        await out.close();
      }
    } finally {
      await book.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const sheet: Sheet = { name: "choices", columns: columnsOf("choices", 0), rows: choiceRows(count) };
  global.gc?.();
  // Reset the peak to what is resident now (Linux: writing 5 to clear_refs resets VmHWM).
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // older kernels: the peak then includes building the rows
  }
  const before = memoryOf();
  const t0 = performance.now();
  if (format === "xlsx") await productXlsx(sheet, file!);
  else if (format === "csvzip") await productCsvZip(sheet, file!);
  else await csvStream(sheet, file!);
  const ms = performance.now() - t0;
  const after = memoryOf();
  console.log(JSON.stringify({ format, rows: count, ms, rssBefore: before.rss, peak: Math.max(after.hwm, after.rss), bytes: statSync(file!).size }));
}

void main();
