"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthPage } from "@/components/auth-card";
import { useT } from "@/components/i18n-provider";
import { PageStatus } from "@/components/page-status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { saveConsent } from "@/lib/client/auth";
import { useMeStore } from "@/lib/client/stores/me";
import { useRequireMe } from "@/lib/client/use-require-me";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";
import type { ConsentInput, Me } from "@/lib/validation/user";

const RECORDED: MessageKey[] = ["consent.recorded.choices", "consent.recorded.confidence", "consent.recorded.chat", "consent.recorded.voice"];
const USE: MessageKey[] = ["consent.use.pseudonym", "consent.use.withdraw"];

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <circle cx="10" cy="10" r="7.5" strokeOpacity="0.35" />
      <path d="m6.75 10.25 2.25 2.25 4.25-4.75" />
    </svg>
  );
}

function ConsentForm({ me, destination }: { me: Me; destination: string }) {
  const t = useT();
  const router = useRouter();
  // Prefilled from the account; saving unchanged choices is a valid answer ("Continue").
  const [choices, setChoices] = useState<ConsentInput>({ dataConsent: me.dataConsent, voiceConsent: me.voiceConsent });
  const [isSaving, setIsSaving] = useState(false);
  const [hasError, setHasError] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setHasError(false);
    setIsSaving(true);
    try {
      useMeStore.getState().setMe(await saveConsent(choices));
      router.push(destination);
    } catch {
      setIsSaving(false);
      setHasError(true);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-3" disabled={isSaving}>
        <legend className="mb-3 text-base font-semibold text-slate-900">{t("consent.choices.title")}</legend>
        <CheckboxField
          name="dataConsent"
          label={t("consent.data.label")}
          description={t("consent.data.help")}
          tag={<Badge tone="brand">{t("consent.data.tag")}</Badge>}
          checked={choices.dataConsent}
          onChange={(e) => setChoices((c) => ({ ...c, dataConsent: e.target.checked }))}
        />
        <CheckboxField
          name="voiceConsent"
          label={t("consent.voice.label")}
          description={t("consent.voice.help")}
          tag={<Badge>{t("common.optional")}</Badge>}
          checked={choices.voiceConsent}
          onChange={(e) => setChoices((c) => ({ ...c, voiceConsent: e.target.checked }))}
        />
      </fieldset>
      <Alert className="mt-2">{hasError ? t("consent.error") : null}</Alert>
      <div className="mt-3 flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-500">{t("consent.note")}</p>
        <Button type="submit" size="lg" isLoading={isSaving} className="w-full sm:w-auto">
          {t("consent.submit")}
        </Button>
      </div>
    </form>
  );
}

export function ConsentView({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const destination = safeCallbackUrl(callbackUrl, "/lobby");
  const returnPath = destination !== "/lobby" ? withCallbackUrl("/consent", destination) : "/consent";
  const session = useRequireMe(returnPath);

  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} />;

  return (
    <AuthPage wide title={t("consent.title")} subtitle={t("consent.intro")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="recorded-title" className="rounded-xl bg-slate-50 p-4 ring-1 ring-inset ring-slate-200/70">
          <h2 id="recorded-title" className="text-sm font-semibold tracking-wide text-slate-900">
            {t("consent.recorded.title")}
          </h2>
          <ul className="mt-3 flex flex-col gap-2.5 text-sm text-slate-700">
            {RECORDED.map((key) => (
              <li key={key} className="flex gap-2">
                <CheckIcon />
                <span>{t(key)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="use-title" className="rounded-xl bg-slate-50 p-4 ring-1 ring-inset ring-slate-200/70">
          <h2 id="use-title" className="text-sm font-semibold tracking-wide text-slate-900">
            {t("consent.use.title")}
          </h2>
          <ul className="mt-3 flex flex-col gap-2.5 text-sm text-slate-700">
            {USE.map((key) => (
              <li key={key} className="flex gap-2">
                <CheckIcon />
                <span>{t(key)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="mt-8">
        {/* Remount with fresh values when the account changes under us (another tab). */}
        <ConsentForm key={session.me.id} me={session.me} destination={destination} />
      </div>
    </AuthPage>
  );
}
