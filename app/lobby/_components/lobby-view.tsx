"use client";

import Link from "next/link";
import { HowItWorks } from "@/components/how-it-works";
import { useT } from "@/components/i18n-provider";
import { JoinByCodeForm } from "@/components/join-by-code-form";
import { PageStatus } from "@/components/page-status";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { useRequireMe } from "@/lib/client/use-require-me";
import { CreateRoomCard } from "./create-room-card";
import { PublicRoomsPanel } from "./public-rooms-panel";

export function LobbyView() {
  const t = useT();
  const session = useRequireMe("/lobby");
  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} errorKey="lobby.error" />;
  const { me } = session;

  return (
    <main id="main" className="flex-1">
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
        <header>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t("lobby.greeting", { name: me.nickname })}</h1>
          <p className="mt-2 text-slate-600">{t("lobby.subtitle")}</p>
          <Link href="/profile" className="mt-2 inline-block rounded text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
            {t("profile.link")} <span aria-hidden="true">→</span>
          </Link>
        </header>

        {!me.dataConsent && (
          <Alert tone="warning" className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <span>{t("lobby.consentBanner")}</span>
            <Link href="/consent?callbackUrl=/lobby" className="shrink-0 rounded font-semibold underline underline-offset-4">
              {t("lobby.consentBannerLink")}
            </Link>
          </Alert>
        )}

        <div className="mt-8 grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)] lg:items-start lg:gap-6">
          <PublicRoomsPanel />
          <div className="flex flex-col gap-4">
            <Card as="section" aria-labelledby="lobby-join-title">
              <h2 id="lobby-join-title" className="text-lg font-semibold text-slate-900">
                {t("join.title")}
              </h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">{t("join.body")}</p>
              <JoinByCodeForm />
            </Card>
            <CreateRoomCard />
          </div>
        </div>

        <div className="mt-10">
          <HowItWorks id="lobby-steps" headingKey="lobby.steps.title" compact />
        </div>
      </div>
    </main>
  );
}
