"use client";

import Link from "next/link";
import { HowItWorks } from "@/components/how-it-works";
import { useT } from "@/components/i18n-provider";
import { JoinByCodeForm } from "@/components/join-by-code-form";
import { Card } from "@/components/ui/card";
import { FarewellNotice } from "./farewell-notice";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";
import { StartCard } from "./start-card";

export function LandingView({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  // A page that asked for a session (a room's link) is where every way in leads afterwards.
  const destination = safeCallbackUrl(callbackUrl, "/lobby");
  const onward = (path: string) => (destination === "/lobby" ? path : withCallbackUrl(path, destination));
  return (
    <main id="main" className="relative isolate flex-1">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-[34rem] bg-[radial-gradient(60rem_28rem_at_20%_-10%,var(--color-brand-100),transparent_70%),radial-gradient(40rem_24rem_at_100%_0%,#e0f2fe,transparent_70%)]"
      />
      <div className="mx-auto max-w-6xl px-4 pt-10 pb-16 sm:px-6 sm:pt-16 lg:pt-20">
        <FarewellNotice />
        <div className="grid gap-10 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] lg:items-start lg:gap-14">
          <section aria-labelledby="hero-title" className="lg:pt-6">
            <p className="inline-flex items-center gap-2 rounded-full bg-white/80 px-3 py-1 text-sm font-medium text-brand-700 shadow-xs ring-1 ring-brand-100">
              <span className="size-1.5 rounded-full bg-brand-600" aria-hidden="true" />
              {t("landing.eyebrow")}
            </p>
            <h1 id="hero-title" className="mt-5 text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl lg:text-6xl">
              {t("landing.title")}
            </h1>
            <p className="mt-5 max-w-xl text-lg leading-relaxed text-pretty text-slate-600 sm:text-xl">{t("landing.pitch")}</p>
            <p className="mt-6 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
              <span>{t("landing.haveAccount")}</span>
              <Link href={onward("/signin")} className="rounded font-semibold text-brand-700 underline-offset-4 hover:underline">
                {t("landing.signIn")}
              </Link>
              <span aria-hidden="true" className="text-slate-300">
                ·
              </span>
              <Link href={onward("/register")} className="rounded font-semibold text-brand-700 underline-offset-4 hover:underline">
                {t("landing.register")}
              </Link>
            </p>
          </section>

          <div className="flex flex-col gap-4">
            <StartCard destination={destination} />
            <Card as="section" aria-labelledby="join-title">
              <h2 id="join-title" className="text-lg font-semibold text-slate-900">
                {t("join.title")}
              </h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">{t("join.body")}</p>
              <JoinByCodeForm />
            </Card>
          </div>
        </div>

        <div className="mt-16 sm:mt-20">
          <HowItWorks id="how-it-works" />
          <p className="mt-6 text-sm text-slate-500">{t("landing.audience")}</p>
        </div>
      </div>
    </main>
  );
}
