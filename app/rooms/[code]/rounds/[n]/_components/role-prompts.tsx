"use client";

import { useState } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import { errorMessageKey } from "@/components/room/room-logic";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n/messages";
import { getRolePrompts, type RolePrompts } from "@/lib/client/facilitator-api";
import { useMeStore } from "@/lib/client/stores/me";
import { useRoomStore } from "@/lib/client/stores/room";

/** "Ideas for my role" beside the discussion of round `n`: shown to a seated player with a role, during DISCUSSION only. */
export function RolePromptsPanel({ n }: { n: number }) {
  const myId = useMeStore((s) => s.me?.id ?? null);
  const code = useRoomStore((s) => s.snapshot?.code ?? null);
  const isDiscussing = useRoomStore((s) => s.snapshot?.phase === "DISCUSSION" && s.snapshot.round === n);
  const hasRole = useRoomStore((s) => s.snapshot?.seats.some((x) => x.userId === myId && x.role !== null) ?? false);
  const { locale } = useLocale();
  if (!code || !isDiscussing || !hasRole) return null;
  // A switch of language asks again, in the new one.
  return <RolePromptsCard key={`${code}:${n}:${locale}`} code={code} n={n} />;
}

function RolePromptsCard({ code, n }: { code: string; n: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [prompts, setPrompts] = useState<RolePrompts | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  async function ask() {
    setIsLoading(true);
    setError(null);
    try {
      setPrompts(await getRolePrompts(code, n, locale));
    } catch (e) {
      setError(errorMessageKey(e));
    } finally {
      setIsLoading(false);
    }
  }

  return (
    <section aria-labelledby="role-ideas-title" className="mt-5 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200/80 sm:p-6" data-testid="role-prompts">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex items-start gap-3">
          <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-xl bg-amber-50 text-amber-700 ring-1 ring-amber-200">
            <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
              <path d="M7.5 14.5h5M8 17h4M10 3a5 5 0 0 0-3 9c.6.5 1 1.2 1 2h4c0-.8.4-1.5 1-2a5 5 0 0 0-3-9Z" />
            </svg>
          </span>
          <div>
            <h2 id="role-ideas-title" className="text-base font-semibold text-slate-900">
              {t("facilitator.prompts.title")}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">{t("facilitator.prompts.body")}</p>
          </div>
        </div>
        <Button variant="secondary" size="sm" className="w-full shrink-0 sm:w-auto" isLoading={isLoading} onClick={() => void ask()}>
          {prompts ? t("facilitator.prompts.again") : t("facilitator.prompts.button")}
        </Button>
      </div>
      <div aria-live="polite" aria-busy={isLoading || undefined}>
        {isLoading && <p className="mt-3 text-sm text-slate-500">{t("facilitator.prompts.loading")}</p>}
        {prompts && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Badge tone={prompts.source === "ai" ? "brand" : "neutral"}>{prompts.source === "ai" ? t("facilitator.prompts.sourceAi") : t("facilitator.prompts.sourceRules")}</Badge>
            <ol className="mt-3 flex flex-col gap-2.5">
              {prompts.questions.map((q, i) => (
                <li key={i} className="flex gap-2.5 text-[0.9375rem] leading-relaxed text-slate-800">
                  <span aria-hidden="true" className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-bold text-slate-600">
                    {i + 1}
                  </span>
                  <span>{q}</span>
                </li>
              ))}
            </ol>
            {prompts.source === "rules" && <p className="mt-3 text-xs text-slate-500">{t("facilitator.prompts.rulesNote")}</p>}
          </div>
        )}
      </div>
      <Alert className="mt-3">{error ? t(error) : null}</Alert>
    </section>
  );
}
