"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";
import { draftScenario, RateLimitedError, type AiStatus } from "@/lib/client/facilitator-api";
import { aiDraftSchema, type CustomGameInput } from "@/lib/validation/custom-game";
import { SCENARIO_LIMITS, type Locale } from "@/lib/validation/scenario";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useT } from "../i18n-provider";
import { facilitatorErrorKey } from "./errors";
import { CountedField, SelectField, SparkIcon } from "./fields";

type DraftError = { key: MessageKey; values?: Record<string, number>; detail?: string };

const TOPIC_MAX = 500;

/**
 * "Draft with AI": a topic, a language and a number of rounds; the draft comes back unsaved
 * and goes into the editor. Says plainly when AI is off, and shows progress while it works.
 */
export function AiDraftPanel({
  ai,
  defaultLocale,
  defaultOpen,
  willReplace,
  onDraft,
}: {
  ai: AiStatus | null;
  defaultLocale: Locale;
  defaultOpen: boolean;
  willReplace: boolean;
  onDraft(draft: CustomGameInput, model: string): void;
}) {
  const t = useT();
  const id = useId();
  const [isOpen, setIsOpen] = useState(defaultOpen);
  const [topic, setTopic] = useState("");
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [rounds, setRounds] = useState(5);
  const [topicError, setTopicError] = useState<string | null>(null);
  const [isDrafting, setIsDrafting] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<DraftError | null>(null);
  const [hasDrafted, setHasDrafted] = useState(false);
  const controllerRef = useRef<AbortController | null>(null);
  const topicRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!isDrafting) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [isDrafting]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  useEffect(() => {
    if (isOpen && defaultOpen && ai?.enabled) topicRef.current?.querySelector("textarea")?.focus();
  }, [isOpen, defaultOpen, ai?.enabled]);

  if (ai === null) return <div aria-hidden="true" className="h-24 animate-pulse rounded-2xl bg-white ring-1 ring-slate-200/80" />;

  if (!ai.enabled) {
    return (
      <Card as="section" aria-labelledby={`${id}-title`} className="flex items-start gap-3 bg-slate-50/60 p-4 sm:p-5">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-500">
          <SparkIcon />
        </span>
        <div>
          <h2 id={`${id}-title`} className="font-semibold text-slate-900">
            {t("facilitator.ai.offTitle")}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("facilitator.ai.offBody")}</p>
        </div>
      </Card>
    );
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const parsed = aiDraftSchema.safeParse({ topic, locale, rounds });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === "topic");
      setTopicError(issue ? t(issue.code === "too_big" ? "facilitator.ai.topicTooLong" : "facilitator.ai.topicTooShort", { max: TOPIC_MAX }) : null);
      topicRef.current?.querySelector("textarea")?.focus();
      return;
    }
    setTopicError(null);
    const controller = new AbortController();
    controllerRef.current = controller;
    setElapsed(0);
    setIsDrafting(true);
    try {
      const result = await draftScenario(parsed.data, controller.signal);
      onDraft(result.draft, result.model);
      setHasDrafted(true);
      setIsOpen(false);
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof RateLimitedError) {
        setError(err.retryAfterSeconds ? { key: "facilitator.ai.rateLimitedFor", values: { n: err.retryAfterSeconds } } : { key: "facilitator.ai.rateLimited" });
      } else if (isApiError(err, "AI_FAILED")) {
        setError({ key: "facilitator.ai.failed", detail: err.message });
      } else {
        setError({ key: facilitatorErrorKey(err) });
      }
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
      setIsDrafting(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="overflow-hidden rounded-2xl border-t-4 border-brand-500 bg-white shadow-sm ring-1 ring-slate-200/80">
      <div className="flex items-start justify-between gap-3 p-5 sm:p-6">
        <div className="flex items-start gap-3">
          <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
            <SparkIcon />
          </span>
          <div>
            <h2 id={`${id}-title`} className="font-semibold text-slate-900">
              {t("facilitator.ai.title")}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">{t("facilitator.ai.body")}</p>
          </div>
        </div>
        {!isOpen && (
          <Button size="sm" variant="secondary" onClick={() => setIsOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
            {hasDrafted ? t("facilitator.ai.again") : t("facilitator.ai.open")}
          </Button>
        )}
      </div>
      {isOpen && (
        <form id={`${id}-form`} onSubmit={onSubmit} noValidate className="flex flex-col gap-4 border-t border-slate-100 p-5 sm:p-6">
          <div ref={topicRef}>
            <CountedField
              label={t("facilitator.ai.topic")}
              hint={t("facilitator.ai.topicHint")}
              value={topic}
              onChange={(v) => {
                setTopic(v);
                if (topicError) setTopicError(null);
              }}
              max={TOPIC_MAX}
              rows={3}
              error={topicError}
              disabled={isDrafting}
              name="ai-topic"
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label={t("facilitator.ai.language")} value={locale} onChange={(v) => setLocale(v === "ko" ? "ko" : "en")} disabled={isDrafting}>
              <option value="en">{t("facilitator.locale.en")}</option>
              <option value="ko">{t("facilitator.locale.ko")}</option>
            </SelectField>
            <SelectField label={t("facilitator.ai.rounds")} value={String(rounds)} onChange={(v) => setRounds(Number(v))} disabled={isDrafting}>
              {Array.from({ length: SCENARIO_LIMITS.maxRounds }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
          </div>
          {willReplace && <p className="text-sm text-amber-800">{t("facilitator.ai.willReplace")}</p>}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" isLoading={isDrafting}>
              {isDrafting ? t("facilitator.ai.drafting") : t("facilitator.ai.submit")}
            </Button>
            {isDrafting && (
              <Button variant="ghost" onClick={() => controllerRef.current?.abort()}>
                {t("common.cancel")}
              </Button>
            )}
          </div>
          <div role="status" aria-live="polite">
            {isDrafting && (
              <div className="flex flex-col gap-2">
                <div className="h-1.5 overflow-hidden rounded-full bg-brand-100" aria-hidden="true">
                  <div className="h-full w-1/3 animate-[ai-progress_1.6s_ease-in-out_infinite] rounded-full bg-brand-500" />
                </div>
                <p className="text-sm text-slate-600">{t("facilitator.ai.progress", { n: elapsed })}</p>
              </div>
            )}
          </div>
          <Alert>
            {error && (
              <>
                {t(error.key, error.values)}
                {error.detail && <span className="mt-1 block text-xs opacity-80">{error.detail}</span>}
              </>
            )}
          </Alert>
          <style>{`@keyframes ai-progress { 0% { transform: translateX(-100%); } 100% { transform: translateX(300%); } }`}</style>
        </form>
      )}
    </section>
  );
}
