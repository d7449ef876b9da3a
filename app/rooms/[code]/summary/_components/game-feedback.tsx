"use client";

import { useEffect, useState } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import { errorMessageKey } from "@/components/room/room-logic";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { MessageKey } from "@/lib/i18n/messages";
import { getAiStatus, getFeedback, type GameFeedback } from "@/lib/client/facilitator-api";
import { useRoomStore } from "@/lib/client/stores/room";

type FeedbackState = { status: "loading" } | { status: "error"; key: MessageKey } | { status: "ready"; feedback: GameFeedback; isAiOff: boolean };

/** Feedback for the group and each role after a finished game (AI, or rule-based when AI is off or failed). */
export function GameFeedbackSection() {
  const code = useRoomStore((s) => s.snapshot?.code ?? null);
  const isFinished = useRoomStore((s) => s.snapshot?.phase === "FINISHED");
  if (!code || !isFinished) return null;
  return <FeedbackCard key={code} code={code} />;
}

function FeedbackCard({ code }: { code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const myPosition = useRoomStore((s) => s.myRole?.role?.position ?? null);
  const [state, setState] = useState<FeedbackState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const feedback = await getFeedback(code, locale, controller.signal);
      // Rule-based feedback means AI is off, or it failed this time: say which.
      const isAiOff = feedback.source === "rules" ? await getAiStatus(controller.signal).then((s) => !s.enabled, () => false) : false;
      return { feedback, isAiOff };
    })().then(
      ({ feedback, isAiOff }) => setState({ status: "ready", feedback, isAiOff }),
      (e: unknown) => !controller.signal.aborted && setState({ status: "error", key: errorMessageKey(e) }),
    );
    return () => controller.abort();
  }, [code, attempt, locale]);

  const roles = state.status === "ready" ? [...state.feedback.roles].sort((a, b) => Number(b.position === myPosition) - Number(a.position === myPosition) || a.position - b.position) : [];

  return (
    <section aria-labelledby="feedback-title" className="mt-6 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80" data-testid="game-feedback">
      <div className="flex flex-col gap-2 border-b border-slate-100 bg-gradient-to-br from-brand-50 to-white p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
        <h2 id="feedback-title" className="text-lg font-bold text-slate-900">
          {t("facilitator.feedback.title")}
        </h2>
        {state.status === "ready" && (
          <Badge tone={state.feedback.source === "ai" ? "brand" : "neutral"} className="self-start sm:self-auto">
            {state.feedback.source === "ai" ? t("facilitator.feedback.sourceAi") : t("facilitator.feedback.sourceRules")}
          </Badge>
        )}
      </div>
      <div className="p-5 sm:p-6" aria-live="polite" aria-busy={state.status === "loading" || undefined}>
        {state.status === "loading" && (
          <p className="flex items-center gap-2 text-slate-500">
            <Spinner />
            {t("facilitator.feedback.loading")}
          </p>
        )}
        {state.status === "error" && (
          <p className="text-sm text-red-700" role="alert">
            {t("facilitator.feedback.error")} {t(state.key)}{" "}
            <button
              type="button"
              className="font-semibold underline underline-offset-4"
              onClick={() => {
                setState({ status: "loading" });
                setAttempt((a) => a + 1);
              }}
            >
              {t("common.retry")}
            </button>
          </p>
        )}
        {state.status === "ready" && (
          <div className="flex flex-col gap-5">
            {state.feedback.source === "rules" && (
              <p className="rounded-xl bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200 ring-inset">
                {state.isAiOff ? t("facilitator.feedback.rulesAiOff") : t("facilitator.feedback.rulesFallback")}
              </p>
            )}
            <div>
              <h3 className="text-sm font-semibold text-slate-800">{t("facilitator.feedback.group")}</h3>
              <p className="mt-1.5 text-[0.9375rem] leading-relaxed whitespace-pre-line text-slate-800">{state.feedback.group}</p>
            </div>
            {roles.length > 0 && (
              <ul className="grid gap-3 md:grid-cols-3">
                {roles.map((r) => {
                  const isMine = r.position === myPosition;
                  return (
                    <li key={r.position} className={cn("rounded-xl p-4 ring-1 ring-inset", isMine ? "bg-brand-50/60 ring-brand-200" : "bg-slate-50 ring-slate-200")}>
                      <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
                        {r.name}
                        {isMine && <Badge tone="brand">{t("role.yours")}</Badge>}
                      </h3>
                      <p className="mt-1.5 text-sm leading-relaxed whitespace-pre-line text-slate-700">{r.text}</p>
                    </li>
                  );
                })}
              </ul>
            )}
            {state.feedback.source === "ai" && state.feedback.model && <p className="text-xs text-slate-400">{t("facilitator.feedback.model", { model: state.feedback.model })}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
