import type { ReactNode } from "react";
import { cn } from "../ui/cn";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell(row: Row, index: number): ReactNode;
  /** Right-aligned tabular figures. */
  numeric?: boolean;
  className?: string;
}

/**
 * A table with a caption and column headers that scrolls sideways on a narrow screen (the
 * scroll area is focusable so keyboard users can scroll it too).
 */
export function DataTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  rowHeader,
  empty,
  className,
  testId,
  dense = false,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey(row: Row, index: number): string;
  /** The key of the column that names each row (rendered as a row header). */
  rowHeader?: string;
  empty?: ReactNode;
  className?: string;
  testId?: string;
  dense?: boolean;
}) {
  const pad = dense ? "px-3 py-2" : "px-3 py-2.5 sm:px-4";
  return (
    <div className={cn("overflow-x-auto rounded-xl ring-1 ring-slate-200", className)} tabIndex={0} role="region" aria-label={typeof caption === "string" ? caption : undefined} data-testid={testId}>
      <table className="w-full min-w-max border-collapse text-left text-sm">
        <caption className={cn(captionHidden ? "sr-only" : "px-4 pt-3 pb-2 text-left text-sm font-semibold text-slate-800")}>{caption}</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cn(pad, "border-b border-slate-200 whitespace-nowrap", c.numeric && "text-right", c.className)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)} className="align-top">
                {columns.map((c) => {
                  const Cell = c.key === rowHeader ? "th" : "td";
                  return (
                    <Cell key={c.key} scope={Cell === "th" ? "row" : undefined} className={cn(pad, "text-slate-800", Cell === "th" && "font-medium", c.numeric && "text-right tabular-nums", c.className)}>
                      {c.cell(row, i)}
                    </Cell>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
