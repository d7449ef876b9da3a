import type { ResearchExportQuery } from "@/lib/validation/research";
import { buildDataSet, selectSheets } from "../research/data-set";
import { sheetToCsv, toCsvZip, toJson, toXlsx } from "../research/writers";

export interface ExportFile {
  body: Uint8Array | string;
  contentType: string;
  /** Made by the server from the time only: nothing a client sent, nothing personal. */
  filename: string;
}

/** `20260301T090000Z`: a UTC timestamp safe in a file name. */
export const fileTimestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");

/**
 * The research data set as a file: an xlsx workbook (one worksheet per sheet, README last),
 * a zip of one CSV per sheet, or JSON `{ generatedAt, filters, sheets }`. With `sheet`, that
 * sheet alone (csv: one .csv file; xlsx: with the README rows describing it). Every format
 * holds the same rows: only people with data consent, under participant codes; withdrawn
 * people have no rows left to export; test rooms only when asked for.
 */
export async function exportResearchData({ filters, format, sheet }: ResearchExportQuery, now = new Date()): Promise<ExportFile> {
  const set = await buildDataSet(filters, { now });
  const base = `aedg-export-${fileTimestamp(now)}`;
  switch (format) {
    case "xlsx":
      return {
        body: new Uint8Array(toXlsx(selectSheets(set, sheet, true))),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `${base}.xlsx`,
      };
    case "csv": {
      if (sheet) return { body: sheetToCsv(selectSheets(set, sheet, false)[0]!), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
      return { body: toCsvZip(set.sheets, now), contentType: "application/zip", filename: `${base}.zip` };
    }
    case "json":
      return { body: toJson(set, selectSheets(set, sheet, false)), contentType: "application/json; charset=utf-8", filename: `${base}.json` };
  }
}
