// npm run bench -- export [--rows 100000] [--repeat 3] [--smoke]
//
// The research export's xlsx writer (lib/server/research/xlsx-stream.ts `XlsxFile`, the one
// GET /api/research/export uses: worksheets spooled a page of 1,000 rows at a time, then joined
// into the file) on 100,000 choice rows, against writing the same rows as a plain CSV stream
// (the product's own field quoting, csvField, written line by line to a file stream). Each measurement runs in a child process of its own (bench/lib/export-worker.ts):
// time to write the file, and peak resident-set growth during the write (VmHWM after − VmRSS
// before, the peak reset just before). The product's CSV download (each sheet's CSV file
// written a page at a time, then zipped from disk: SheetFile + zipFiles) is shown for context,
// too.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../tests/support/server";
import { Args } from "./lib/args";
import { Report } from "./lib/report";
import { median } from "./lib/stats";

type Format = "xlsx" | "csv" | "csvzip";
interface Measurement {
  ms: number;
  growthMb: number;
  fileMb: number;
}

function measure(format: Format, rows: number, dir: string): Measurement {
  const file = path.join(dir, `choices.${format === "csvzip" ? "zip" : format === "csv" ? "csv" : "xlsx"}`);
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(REPO_ROOT, "bench/lib/export-worker.ts"), format, String(rows), file], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 1024 * 1024,
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as { ms: number; rssBefore: number; peak: number; bytes: number };
  rmSync(file, { force: true });
  return { ms: r.ms, growthMb: Math.max(0, r.peak - r.rssBefore) / 1024 / 1024, fileMb: r.bytes / 1024 / 1024 };
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const smoke = args.smoke;
  const rows = args.number("rows", smoke ? 2000 : 100_000);
  const repeat = args.number("repeat", smoke ? 1 : 3);
  const report = new Report(
    "export",
    `${rows.toLocaleString("en-US")} choice rows written as xlsx by the product's streaming writer (XlsxFile, pages of 1,000 rows); median of ${repeat} runs, each in a fresh process`,
    "the same rows as a plain CSV stream (csvField per cell, a file write stream)",
    smoke,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-export-"));
  const runs: Record<Format, Measurement[]> = { xlsx: [], csv: [], csvzip: [] };
  try {
    for (let i = 0; i < repeat; i++) {
      for (const f of ["csv", "xlsx", "csvzip"] as Format[]) {
        const m = measure(f, rows, dir);
        runs[f].push(m);
        console.log(`  ${f.padEnd(11)} run ${i + 1}: ${m.ms.toFixed(0)} ms, RSS +${m.growthMb.toFixed(1)} MB, file ${m.fileMb.toFixed(2)} MB`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (f: Format, k: keyof Measurement) => median(runs[f].map((m) => m[k]));
  const xlsxMs = med("xlsx", "ms");
  const csvMs = med("csv", "ms");
  const growth = med("xlsx", "growthMb");
  report
    .add({ measure: "time to write", figure: xlsxMs, unit: "ms", baseline: csvMs, target: "≤ 3× the CSV time", met: xlsxMs <= 3 * csvMs })
    .add({ measure: "peak RSS growth while writing", figure: growth, unit: "MB", baseline: med("csv", "growthMb"), target: "≤ 200 MB", met: growth <= 200 })
    .add({ measure: "file size", figure: med("xlsx", "fileMb"), unit: "MB", baseline: med("csv", "fileMb") })
    .add({ measure: "product CSV download (CSV file a page at a time, then zipped): time", figure: med("csvzip", "ms"), unit: "ms", baseline: csvMs })
    .add({ measure: "product CSV download: peak RSS growth", figure: med("csvzip", "growthMb"), unit: "MB", baseline: med("csv", "growthMb") })
    .note("rows are built before the clock starts (the same rows for every format); building them from the database is not part of the figure");
  report.print();
}

if (process.argv[1] && /export\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
