"use client";

import Link from "next/link";
import { useT } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useMeStore } from "@/lib/client/stores/me";
import { GuestPlayForm } from "@/components/guest-play-form";

/**
 * The landing page's main action: play as a guest, or go on when already signed in; both lead
 * to `destination` (the lobby, or the page that sent the visitor here to sign in).
 */
export function StartCard({ destination = "/lobby" }: { destination?: string }) {
  const t = useT();
  const status = useMeStore((s) => s.status);
  const me = useMeStore((s) => s.me);

  if (status === "loading") {
    return (
      <Card aria-busy="true" className="min-h-[15.5rem]">
        <span className="sr-only">{t("common.loading")}</span>
        <div className="h-6 w-40 animate-pulse rounded bg-slate-100" />
        <div className="mt-3 h-4 w-64 max-w-full animate-pulse rounded bg-slate-100" />
        <div className="mt-6 h-11 w-full animate-pulse rounded-xl bg-slate-100" />
        <div className="mt-4 h-11 w-full animate-pulse rounded-xl bg-slate-100" />
      </Card>
    );
  }

  if (me) {
    const isLobby = destination === "/lobby";
    return (
      <Card as="section" aria-labelledby="welcome-title" className="border-t-4 border-brand-600">
        <h2 id="welcome-title" className="text-lg font-semibold text-slate-900">
          {t("welcome.title", { name: me.nickname })}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{isLobby ? t("welcome.body") : t("joinLink.welcome.body")}</p>
        <Link href={destination} className={buttonClass({ size: "lg", className: "mt-5 w-full" })}>
          {isLobby ? t("welcome.goToLobby") : t("joinLink.welcome.continue")}
        </Link>
      </Card>
    );
  }

  return (
    <Card as="section" aria-labelledby="guest-title" className="shadow-md">
      <h2 id="guest-title" className="text-lg font-semibold text-slate-900">
        {t("guest.title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("guest.body")}</p>
      <GuestPlayForm destination={destination} />
    </Card>
  );
}
