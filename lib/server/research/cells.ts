/**
 * The values of an export cell and the rule that keeps spreadsheet programs from reading
 * a text as a formula (SECURITY.md 39).
 */

/** One cell: text, number, yes/no, or empty. Dates are ISO-8601 UTC text. */
export type Cell = string | number | boolean | null;

/** A row of a sheet, keyed by column name. */
export type Row = Record<string, Cell>;

/**
 * True when a spreadsheet program would treat this text as a formula or command when the
 * file is opened: it starts with = + - @, a tab or a carriage return.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A Date as ISO-8601 UTC text; null stays null. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** Milliseconds between two instants in seconds (3 decimals); null when either is missing or the span is negative. */
export function secondsBetween(start: Date | null | undefined, end: Date | null | undefined): number | null {
  if (!start || !end) return null;
  const ms = end.getTime() - start.getTime();
  return ms < 0 ? null : Math.round(ms) / 1000;
}
