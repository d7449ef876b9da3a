"use client";

import { useId, useRef, useState } from "react";
import { isApiError } from "@/lib/client/api";
import {
  EXPORT_FORMATS,
  SHEET_NAMES,
  activeFilterCount,
  exportUrl,
  fallbackFilename,
  fetchFileWithProgress,
  filtersProblem,
  saveBlob,
  type DownloadProgress,
  type ExportFormat,
  type RoomFilters,
  type SheetName,
} from "@/lib/client/research-api";
import { useT } from "../i18n-provider";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { FilterFields } from "./filter-fields";
import { SelectField } from "./select-field";
import { useFormat } from "./use-format";

type DownloadState =
  | { status: "idle" }
  | { status: "preparing" }
  | { status: "receiving"; progress: DownloadProgress }
  | { status: "done"; filename: string; size: number }
  | { status: "cancelled" }
  | { status: "error"; httpStatus: number | null; message: string | null };

const PROGRESS_INTERVAL_MS = 120;

/**
 * Downloads the research data set (xlsx, CSV zip or JSON; optionally one sheet) for a set of
 * filters, showing the bytes received while it streams in, then saves it under the server's
 * file name. With `filters` the panel uses them (the room list's); without, it has its own.
 */
export function ExportPanel({ filters: givenFilters, headingLevel = 2 }: { filters?: RoomFilters; headingLevel?: 2 | 3 }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const [ownFilters, setOwnFilters] = useState<RoomFilters>({});
  const filters = givenFilters ?? ownFilters;
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [sheet, setSheet] = useState<SheetName | "">("");
  const [state, setState] = useState<DownloadState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  const problem = filtersProblem(filters);
  const isBusy = state.status === "preparing" || state.status === "receiving";
  const Heading = headingLevel === 2 ? "h2" : "h3";

  async function download() {
    if (problem || isBusy) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "preparing" });
    let last = 0;
    try {
      const file = await fetchFileWithProgress(exportUrl(filters, format, sheet || undefined), {
        signal: abort.signal,
        fallbackName: fallbackFilename(format, sheet || undefined),
        onProgress: (progress) => {
          const now = Date.now();
          if (progress.received !== 0 && now - last < PROGRESS_INTERVAL_MS && progress.received !== progress.total) return;
          last = now;
          setState({ status: "receiving", progress });
        },
      });
      saveBlob(file.blob, file.filename);
      setState({ status: "done", filename: file.filename, size: file.blob.size });
    } catch (e) {
      if (abort.signal.aborted) setState({ status: "cancelled" });
      else if (isApiError(e)) setState({ status: "error", httpStatus: e.status, message: e.message });
      else setState({ status: "error", httpStatus: null, message: null });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return (
    <Card as="section" aria-labelledby={`${id}-title`} data-testid="export-panel">
      <Heading id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("research.export.title")}
      </Heading>
      <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("research.export.body")}</p>

      {givenFilters ? (
        <p className="mt-4 rounded-xl bg-slate-50 px-3.5 py-2.5 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset">
          {activeFilterCount(givenFilters) ? t("research.export.usesFilters", { n: activeFilterCount(givenFilters) }) : t("research.export.usesNoFilters")}
        </p>
      ) : (
        <fieldset className="mt-5">
          <legend className="mb-3 text-sm font-semibold text-slate-800">{t("research.export.filters")}</legend>
          <FilterFields value={ownFilters} onChange={setOwnFilters} error={problem === "range" ? t("research.filters.rangeError") : undefined} />
        </fieldset>
      )}

      <div className="mt-5 grid gap-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("research.export.format")}</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {EXPORT_FORMATS.map((value) => (
              <label
                key={value}
                className={cn(
                  "relative flex cursor-pointer flex-col rounded-xl px-3.5 py-2.5 ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600",
                  format === value ? "bg-brand-50 ring-brand-300" : "bg-white ring-slate-200 hover:ring-slate-300",
                )}
              >
                <input type="radio" name={`${id}-format`} value={value} checked={format === value} onChange={() => setFormat(value)} className="sr-only" />
                <span className="text-sm font-semibold text-slate-900">{t(`research.export.format.${value}`)}</span>
                <span className="text-xs text-slate-500">{t(`research.export.format.${value}.hint`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField label={t("research.export.sheet")} value={sheet} onChange={(e) => setSheet(e.target.value as SheetName | "")} hint={sheet ? t(`research.sheet.${sheet}.hint`) : t("research.export.sheetAllHint")}>
          <option value="">{t("research.export.sheetAll")}</option>
          {SHEET_NAMES.map((s) => (
            <option key={s} value={s}>
              {t(`research.sheet.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <div className="mt-5 flex flex-wrap items-center gap-3">
        <Button onClick={download} isLoading={isBusy} disabled={problem !== null}>
          {!isBusy && <DownloadIcon />}
          {t("research.export.download")}
        </Button>
        {isBusy && (
          <Button variant="ghost" onClick={() => controller.current?.abort()}>
            {t("research.export.cancel")}
          </Button>
        )}
      </div>

      <div role="status" aria-live="polite" className="mt-4 empty:hidden">
        {state.status === "preparing" && (
          <ProgressLine label={t("research.export.preparing")} />
        )}
        {state.status === "receiving" && (
          <ProgressLine
            label={
              state.progress.total
                ? t("research.export.receivedOf", { received: f.bytes(state.progress.received), total: f.bytes(state.progress.total) })
                : t("research.export.received", { received: f.bytes(state.progress.received) })
            }
            value={state.progress.total ? state.progress.received / state.progress.total : undefined}
            testId="export-progress"
          />
        )}
        {state.status === "done" && (
          <p className="flex items-center gap-2 text-sm text-emerald-800" data-testid="export-done">
            <CheckIcon />
            {t("research.export.done", { name: state.filename, size: f.bytes(state.size) })}
          </p>
        )}
        {state.status === "cancelled" && <p className="text-sm text-slate-600">{t("research.export.cancelled")}</p>}
      </div>
      {state.status === "error" && <Alert className="mt-2">{exportErrorText(t, state.httpStatus, state.message)}</Alert>}
    </Card>
  );
}

function exportErrorText(t: ReturnType<typeof useT>, status: number | null, message: string | null) {
  if (status === 400)
    return (
      <>
        {t("research.export.error.invalid")}
        {message && <span className="mt-1 block font-mono text-xs">{message}</span>}
      </>
    );
  if (status === 401) return t("research.error.session");
  if (status === 403) return t("research.export.error.forbidden");
  if (status === 429) return t("research.error.rateLimited");
  return t("research.export.error.failed");
}

/** A spinner, a label and a bar: filled to `value` (0–1) when the size is known, else moving. */
function ProgressLine({ label, value, testId }: { label: string; value?: number; testId?: string }) {
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <Spinner className="text-brand-600" />
        {label}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={value === undefined ? undefined : 0}
        aria-valuemax={value === undefined ? undefined : 100}
        aria-valuenow={value === undefined ? undefined : Math.round(value * 100)}
        className="relative h-1.5 w-full max-w-md overflow-hidden rounded-full bg-slate-100"
      >
        {value === undefined ? (
          <div className="absolute inset-y-0 w-1/3 animate-[research-indeterminate_1.2s_ease-in-out_infinite] rounded-full bg-brand-500" />
        ) : (
          <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${Math.min(100, value * 100)}%` }} />
        )}
      </div>
      <style>{`@keyframes research-indeterminate{0%{left:-33%}100%{left:100%}}`}</style>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M10 3v10M6 9l4 4 4-4M4 16h12" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m4.5 10.5 3.5 3.5 7.5-8" />
    </svg>
  );
}
