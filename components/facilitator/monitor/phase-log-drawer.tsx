"use client";

import { useEffect, useRef, useState } from "react";
import { PHASES, type Phase } from "@/lib/domain/game";
import type { MessageKey } from "@/lib/i18n/messages";
import { getRoomLog, type RoomLogEntry } from "@/lib/client/facilitator-api";
import { formatClock } from "../../room/room-logic";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { Spinner } from "../../ui/spinner";
import { useLocale, useT } from "../../i18n-provider";
import { facilitatorErrorKey } from "../errors";
import { describeReason } from "./monitor-logic";
import { MONITOR_PHASE_LABEL } from "./phase-labels";

type LogState = { status: "loading" } | { status: "error"; key: MessageKey } | { status: "ready"; entries: RoomLogEntry[] };

const isPhase = (p: string): p is Phase => (PHASES as readonly string[]).includes(p);

/**
 * A side drawer (a modal dialog: focus stays inside, Escape closes it) with a room's phase
 * log: each phase, why it began, who caused it, and how long it lasted.
 */
export function PhaseLogDrawer({ code, name, onClose }: { code: string; name: string; onClose(): void }) {
  const t = useT();
  const { locale } = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<LogState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    getRoomLog(code, controller.signal).then(
      (entries) => setState({ status: "ready", entries }),
      (e: unknown) => !controller.signal.aborted && setState({ status: "error", key: facilitatorErrorKey(e) }),
    );
    return () => controller.abort();
  }, [code, attempt]);

  /** How long an entry lasted: a phase's played time (its pauses apart), a pause's length. */
  const lastedText = (entry: RoomLogEntry, entered: number, left: number | null) => {
    if (entry.kind === "pause") return left === null ? t("facilitator.log.stillPaused") : t("facilitator.log.pausedFor", { time: formatClock(left - entered) });
    if (left === null) return t("facilitator.log.current");
    const active = entry.activeMs ?? left - entered;
    return entry.pausedMs ? t("facilitator.log.lastedPaused", { time: formatClock(active), paused: formatClock(entry.pausedMs) }) : t("facilitator.log.lasted", { time: formatClock(active) });
  };
  const reasonText = (reason: string) => {
    const r = describeReason(reason);
    return "text" in r ? r.text : t(r.key, r.values);
  };
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const reload = () => {
    setState({ status: "loading" });
    setAttempt((a) => a + 1);
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby="phase-log-title"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-md bg-transparent p-0 backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px]"
    >
      <div className="flex h-full flex-col bg-white shadow-2xl">
        <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h2 id="phase-log-title" className="text-lg font-semibold text-slate-900">
              {t("facilitator.log.title")}
            </h2>
            <p className="truncate text-sm text-slate-500">
              {name} · <span className="font-mono">{code}</span>
            </p>
          </div>
          <button
            type="button"
            onClick={() => ref.current?.close()}
            aria-label={t("facilitator.log.close")}
            className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
              <path d="m5 5 10 10M15 5 5 15" />
            </svg>
          </button>
        </div>
        <div className="flex-1 overflow-y-auto px-5 py-4">
          {state.status === "loading" && (
            <p role="status" className="flex items-center gap-2 text-slate-500">
              <Spinner />
              {t("common.loading")}
            </p>
          )}
          {state.status === "error" && (
            <div className="flex flex-col items-start gap-3">
              <Alert className="w-full">{t(state.key)}</Alert>
              <Button size="sm" variant="secondary" onClick={reload}>
                {t("common.retry")}
              </Button>
            </div>
          )}
          {state.status === "ready" && (
            <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-5" data-testid="phase-log">
              {state.entries.map((entry, i) => {
                const entered = Date.parse(entry.enteredAt);
                const left = entry.leftAt ? Date.parse(entry.leftAt) : null;
                const isPause = entry.kind === "pause";
                const phaseName = isPhase(entry.phase) ? t(MONITOR_PHASE_LABEL[entry.phase]) : entry.phase;
                return (
                  <li key={`${entry.enteredAt}-${i}`} className={cn("relative", entry.kind !== "phase" && "ml-3")} data-kind={entry.kind}>
                    <span
                      aria-hidden="true"
                      className={cn(
                        "absolute top-1.5 size-3 rounded-full ring-4 ring-white",
                        entry.kind === "phase" ? "-left-[1.6875rem]" : "-left-[2.4375rem]",
                        isPause ? "bg-amber-400" : left === null ? "bg-brand-600" : "bg-slate-300",
                      )}
                    />
                    <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      <span className="font-semibold text-slate-900">{isPause ? t("facilitator.log.paused") : phaseName}</span>
                      {isPause && <span className="text-slate-500">{phaseName}</span>}
                      {entry.round > 0 && <span className="text-slate-500">{t("facilitator.log.round", { n: entry.round })}</span>}
                      <time dateTime={entry.enteredAt} className="ml-auto text-xs text-slate-500 tabular-nums">
                        {time.format(entered)}
                      </time>
                    </p>
                    <p className="mt-0.5 text-sm text-slate-600">{reasonText(entry.reason)}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      {!isPause && (
                        <>
                          {entry.actor ? t("facilitator.log.by", { name: entry.actor.nickname }) : t("facilitator.log.bySystem")}
                          {" · "}
                        </>
                      )}
                      {lastedText(entry, entered, left)}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        <div className="border-t border-slate-200 px-5 py-3">
          <Button size="sm" variant="secondary" onClick={reload} disabled={state.status === "loading"}>
            {t("facilitator.log.refresh")}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
