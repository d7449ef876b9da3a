import { SHEET_NAMES, type ResearchFilters, type SheetName } from "@/lib/validation/research";
import { db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { Row } from "./cells";
import { participantCodes, roomPages, roomWhere, ScenarioCache, userIdsOf } from "./load";
import { roomRows } from "./rows";
import { columnsOf, type Column } from "./sheets";

/** A sheet filled from the rooms (every sheet but README). */
export type DataSheetName = Exclude<SheetName, "README">;

/** The sheets filled from the rooms, in workbook order. */
export const DATA_SHEETS: readonly DataSheetName[] = SHEET_NAMES.filter((n): n is DataSheetName => n !== "README");

/** A sheet's name and columns (in order). */
export interface SheetShape {
  name: SheetName;
  columns: Column[];
}

/** One sheet of an export with its rows (keyed by column name). */
export interface Sheet extends SheetShape {
  rows: Row[];
}

/** The rows of some rooms, per data sheet. */
export type SheetRows = Record<DataSheetName, Row[]>;

/**
 * What an export writes, known before any room is read: when it was made, the filters, and
 * every sheet's columns. The wide sheet has one block per round, as many as the longest
 * scenario among the rooms the filters select.
 */
export interface ExportPlan {
  generatedAt: Date;
  filters: ResearchFilters;
  where: Prisma.RoomWhereInput;
  /** Round blocks in the wide sheet. */
  wideRounds: number;
  shapes: SheetShape[];
}

/** The README rows: one per column of every sheet given (README's own included). */
export function readmeRows(sheets: readonly SheetShape[]): Row[] {
  return sheets.flatMap((s) => s.columns.map((c) => ({ sheet: s.name, column: c.name, description: c.description })));
}

/** Plans the export of the rooms `filters` select. */
export async function planExport(filters: ResearchFilters, now = new Date()): Promise<ExportPlan> {
  const where = roomWhere(filters);
  const max = await db().room.aggregate({ where, _max: { totalRounds: true } });
  const wideRounds = max._max.totalRounds ?? 0;
  return { generatedAt: now, filters, where, wideRounds, shapes: SHEET_NAMES.map((name) => ({ name, columns: columnsOf(name, wideRounds) })) };
}

/**
 * The data rows of the planned rooms, one database page of rooms at a time (oldest first), so
 * that a caller writing them out never holds more than a page. Only people with data consent
 * appear, under their participant code; a room appears even when some or all of its players
 * do not. Stops with the signal's reason when `signal` aborts.
 */
export async function* dataPages(plan: ExportPlan, signal?: AbortSignal): AsyncGenerator<SheetRows> {
  const scenarios = new ScenarioCache();
  for await (const page of roomPages(plan.where)) {
    signal?.throwIfAborted();
    const [codeOf, byId] = await Promise.all([participantCodes(userIdsOf(page)), scenarios.get(page.map((r) => r.scenarioId))]);
    const out = Object.fromEntries(DATA_SHEETS.map((name) => [name, [] as Row[]])) as SheetRows;
    for (const room of page) {
      const scenario = byId.get(room.scenarioId);
      if (!scenario) continue;
      const rows = roomRows(room, scenario, codeOf, plan.wideRounds);
      for (const name of DATA_SHEETS) for (const row of rows[name]) out[name].push(row);
    }
    yield out;
  }
}

/**
 * The sheets a request writes, in workbook order: every sheet, or with `only` that sheet
 * alone, plus (when `withReadme`, as a workbook has) the README rows that describe it. The
 * README sheet carries its rows; the others are filled from `dataPages`.
 */
export function sheetsToWrite(plan: ExportPlan, only: SheetName | undefined, withReadme: boolean): (SheetShape & { rows?: Row[] })[] {
  const readme = plan.shapes.find((s) => s.name === "README")!;
  const all = readmeRows(plan.shapes);
  if (!only || only === "README") return plan.shapes.filter((s) => !only || s.name === only).map((s) => (s.name === "README" ? { ...s, rows: all } : s));
  const picked = plan.shapes.find((s) => s.name === only)!;
  if (!withReadme) return [picked];
  return [picked, { ...readme, rows: all.filter((r) => r.sheet === only || r.sheet === "README") }];
}
