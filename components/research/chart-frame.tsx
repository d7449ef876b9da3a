"use client";

import { useId, useState, type ReactNode } from "react";
import { useT } from "../i18n-provider";
import { cn } from "../ui/cn";

/**
 * A chart with its title, a sentence that says what it shows (the text alternative), and a
 * switch to the same numbers as a table.
 */
export function ChartFrame({
  title,
  description,
  summary,
  table,
  children,
  testId,
  legend,
  className,
  headingLevel = 3,
}: {
  title: string;
  /** What the chart plots (axes, colours). */
  description?: ReactNode;
  /** The main finding in words, read by screen readers with the chart. */
  summary?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  testId?: string;
  legend?: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure aria-labelledby={`${id}-title`} className={cn("flex min-w-0 flex-col rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80 sm:p-5", className)} data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1">
          <Heading id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </Heading>
          {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
        </div>
        <button
          type="button"
          aria-pressed={showTable}
          aria-controls={`${id}-body`}
          onClick={() => setShowTable((v) => !v)}
          className={cn(
            "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-xs font-semibold ring-1 ring-inset transition-colors",
            showTable ? "bg-brand-600 text-white ring-brand-600 hover:bg-brand-700" : "text-brand-700 ring-brand-200 hover:bg-brand-50",
          )}
        >
          <TableIcon />
          {t("research.chart.table")}
        </button>
      </div>
      <div id={`${id}-body`} className="mt-3 min-w-0">
        {showTable ? (
          table
        ) : (
          <>
            {legend}
            {/* The picture repeats the summary below and the table: screen readers get those instead. */}
            <div className="min-w-0" aria-hidden="true">
              {children}
            </div>
          </>
        )}
      </div>
      {summary && (
        <figcaption id={`${id}-summary`} className="mt-3 text-sm leading-relaxed text-slate-600">
          {summary}
        </figcaption>
      )}
    </figure>
  );
}

function TableIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M2 6.5h12M2 10h12M6.5 6.5v7" />
    </svg>
  );
}

/** A row of coloured keys for a chart. */
export function ChartLegend({ items }: { items: { label: ReactNode; color: string }[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {items.map((item, i) => (
        <li key={i} className="flex items-center gap-1.5">
          <span className="size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
