import { SHEET_NAMES, type ResearchFilters, type SheetName } from "@/lib/validation/research";
import { db } from "../db";
import type { Row } from "./cells";
import { participantCodes, roomPages, roomWhere, ScenarioCache, userIdsOf } from "./load";
import { roomRows } from "./rows";
import { columnsOf, type Column } from "./sheets";

/** One sheet of an export: its columns (in order) and rows (keyed by column name). */
export interface Sheet {
  name: SheetName;
  columns: Column[];
  rows: Row[];
}

/** What every export format writes: the same sheets with the same rows. */
export interface DataSet {
  generatedAt: Date;
  filters: ResearchFilters;
  sheets: Sheet[];
}

/** The README rows: one per column of every sheet given (README's own included). */
export function readmeRows(sheets: { name: SheetName; columns: Column[] }[]): Row[] {
  return sheets.flatMap((s) => s.columns.map((c) => ({ sheet: s.name, column: c.name, description: c.description })));
}

/**
 * Builds the research data set for `filters`, reading rooms a page at a time. Only people
 * with data consent appear, under their participant code; a room appears even when some or
 * all of its players do not.
 */
export async function buildDataSet(filters: ResearchFilters, opts: { now?: Date } = {}): Promise<DataSet> {
  const where = roomWhere(filters);
  // The wide sheet has one block per round, as many as the longest scenario exported.
  const max = await db().room.aggregate({ where, _max: { totalRounds: true } });
  const wideRounds = max._max.totalRounds ?? 0;

  const data: Record<Exclude<SheetName, "README">, Row[]> = { wide: [], choices: [], consensus: [], consensus_confidence: [], rooms: [], phase_log: [], chat: [], transcripts: [] };
  const scenarios = new ScenarioCache();
  for await (const page of roomPages(where)) {
    const [codeOf, byId] = await Promise.all([participantCodes(userIdsOf(page)), scenarios.get(page.map((r) => r.scenarioId))]);
    for (const room of page) {
      const scenario = byId.get(room.scenarioId);
      if (!scenario) continue;
      const rows = roomRows(room, scenario, codeOf, wideRounds);
      for (const key of Object.keys(data) as (keyof typeof data)[]) data[key].push(...rows[key]);
    }
  }

  const described = SHEET_NAMES.map((name) => ({ name, columns: columnsOf(name, wideRounds) }));
  const sheets: Sheet[] = described.map(({ name, columns }) => ({ name, columns, rows: name === "README" ? readmeRows(described) : data[name] }));
  return { generatedAt: opts.now ?? new Date(), filters, sheets };
}

/**
 * The sheets to write when a single one is asked for: that sheet alone, plus (in a workbook,
 * `withReadme`) the README rows that describe it.
 */
export function selectSheets(set: DataSet, only: SheetName | undefined, withReadme: boolean): Sheet[] {
  if (!only) return set.sheets;
  const picked = set.sheets.filter((s) => s.name === only);
  if (!withReadme || only === "README") return picked;
  const readme = set.sheets.find((s) => s.name === "README")!;
  return [...picked, { ...readme, rows: readme.rows.filter((r) => r.sheet === only || r.sheet === "README") }];
}
