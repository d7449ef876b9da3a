"use client";

import { useId, useState } from "react";
import { isApiError } from "@/lib/client/api";
import { cleanupTestData, getDebugCounts, type CleanupCounts } from "@/lib/client/research-api";
import { useT } from "../i18n-provider";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { CheckboxField } from "../ui/checkbox-field";
import { TextField } from "../ui/text-field";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable } from "./data-table";
import { useFormat } from "./use-format";
import { useResource } from "./use-resource";

const COUNT_ORDER: (keyof CleanupCounts)[] = [
  "rooms",
  "seats",
  "choices",
  "consensuses",
  "consensusVotes",
  "consensusConfidences",
  "phaseAcks",
  "phaseLogs",
  "chatMessages",
  "memos",
  "voiceSessions",
  "recordings",
  "aiGenerations",
];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Deletes test rooms (and, when asked, abandoned rooms created before a day) after a
 * confirmation, shows what went from each table, and the row counts of every table.
 */
export function CleanupPanel({ testRooms, onDeleted }: { testRooms?: number; onDeleted?(): void }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const [withAbandoned, setWithAbandoned] = useState(false);
  const [before, setBefore] = useState("");
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<CleanupCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const counts = useResource("debug-counts", (signal) => getDebugCounts(signal));
  const beforeMissing = withAbandoned && !before;

  async function run() {
    setIsBusy(true);
    setError(null);
    try {
      const deleted = await cleanupTestData(withAbandoned ? before : undefined);
      setResult(deleted);
      setIsConfirming(false);
      counts.reload();
      onDeleted?.();
    } catch (e) {
      setIsConfirming(false);
      if (isApiError(e) && e.status === 403) setError(t("research.cleanup.error.forbidden"));
      else if (isApiError(e) && e.status === 400) setError(`${t("research.cleanup.error.invalid")} ${e.message}`);
      else if (isApiError(e) && e.status === 401) setError(t("research.error.session"));
      else setError(t("research.cleanup.error.failed"));
    } finally {
      setIsBusy(false);
    }
  }

  const deletedRows = result ? COUNT_ORDER.map((key) => ({ key, n: result[key] })) : [];
  const tableRows = Object.entries(counts.data ?? {});

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] lg:items-start">
      <Card as="section" aria-labelledby={`${id}-title`} data-testid="cleanup-panel">
        <h3 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t("research.cleanup.title")}
        </h3>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("research.cleanup.body")}</p>
        {testRooms !== undefined && (
          <p className="mt-3 text-sm font-medium text-slate-800" data-testid="cleanup-test-rooms">
            {t("research.cleanup.testRooms", { n: f.integer(testRooms) })}
          </p>
        )}
        <div className="mt-4 flex flex-col gap-3">
          <CheckboxField
            label={t("research.cleanup.abandoned")}
            description={t("research.cleanup.abandonedHint")}
            checked={withAbandoned}
            onChange={(e) => {
              setWithAbandoned(e.target.checked);
              if (e.target.checked && !before) setBefore(today());
            }}
          />
          {withAbandoned && (
            <TextField
              type="date"
              label={t("research.cleanup.before")}
              value={before}
              max={today()}
              onChange={(e) => setBefore(e.target.value)}
              error={beforeMissing ? t("research.cleanup.beforeMissing") : undefined}
              className="max-w-xs"
            />
          )}
        </div>
        <button
          type="button"
          disabled={beforeMissing}
          onClick={() => setIsConfirming(true)}
          className="mt-5 inline-flex h-11 items-center justify-center gap-2 rounded-xl bg-white px-4 text-[0.9375rem] font-semibold whitespace-nowrap text-red-700 shadow-xs ring-1 ring-red-200 transition-colors ring-inset hover:bg-red-50 hover:ring-red-300 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200 disabled:hover:bg-white"
        >
          <TrashIcon />
          {t("research.cleanup.button")}
        </button>

        <div aria-live="polite" className="empty:hidden">
          {result && (
            <div className="mt-5" data-testid="cleanup-result">
              <Alert tone="success">{result.rooms ? t("research.cleanup.done", { n: f.integer(result.rooms) }) : t("research.cleanup.nothing")}</Alert>
              {result.rooms > 0 && (
                <DataTable
                  className="mt-3"
                  caption={t("research.cleanup.deletedCaption")}
                  dense
                  columns={[
                    { key: "table", header: t("research.counts.table"), cell: (r) => t(`research.cleanup.count.${r.key}`) },
                    { key: "n", header: t("research.cleanup.deletedRows"), numeric: true, cell: (r) => f.integer(r.n) },
                  ]}
                  rows={deletedRows}
                  rowKey={(r) => r.key}
                  rowHeader="table"
                />
              )}
            </div>
          )}
        </div>
        {error && <Alert className="mt-4">{error}</Alert>}

        <ConfirmDialog
          open={isConfirming}
          title={t("research.cleanup.confirmTitle")}
          confirmLabel={t("research.cleanup.confirm")}
          cancelLabel={t("research.cleanup.cancel")}
          isBusy={isBusy}
          onCancel={() => setIsConfirming(false)}
          onConfirm={run}
        >
          <p>{withAbandoned && before ? t("research.cleanup.confirmBodyBefore", { date: f.dayLong(before) }) : t("research.cleanup.confirmBody")}</p>
          <p className="mt-2 font-medium text-slate-800">{t("research.cleanup.confirmIrreversible")}</p>
        </ConfirmDialog>
      </Card>

      <Card as="section" aria-labelledby={`${id}-counts`} data-testid="debug-counts">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h3 id={`${id}-counts`} className="text-lg font-semibold text-slate-900">
              {t("research.counts.title")}
            </h3>
            <p className="mt-1 text-sm text-slate-600">{t("research.counts.body")}</p>
          </div>
          <Button variant="ghost" size="sm" onClick={counts.reload} isLoading={counts.isLoading && counts.data !== undefined}>
            {t("research.counts.refresh")}
          </Button>
        </div>
        {counts.error !== undefined && !counts.data ? (
          <Alert className="mt-4">{t("common.error.network")}</Alert>
        ) : (
          <DataTable
            className="mt-4 max-h-96 overflow-y-auto"
            caption={t("research.counts.caption")}
            captionHidden
            dense
            columns={[
              { key: "table", header: t("research.counts.table"), cell: ([name]) => <code className="font-mono text-xs">{name}</code> },
              { key: "n", header: t("research.counts.rows"), numeric: true, cell: ([, n]) => f.integer(n) },
            ]}
            rows={tableRows}
            rowKey={([name]) => name}
            rowHeader="table"
            empty={counts.isLoading ? t("common.loading") : t("research.counts.empty")}
          />
        )}
      </Card>
    </div>
  );
}

function TrashIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 6h12M8 6V4h4v2M6 6l.7 10h6.6L14 6M8.5 9v4.5M11.5 9v4.5" />
    </svg>
  );
}
