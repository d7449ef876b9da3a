"use client";

import { SessionProvider, useSession } from "next-auth/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { useMeStore } from "@/lib/client/stores/me";
import { I18nProvider } from "./i18n-provider";

/** Keeps the me store in step with the session: loads it once, and again whenever the session changes. */
function MeSync() {
  const { status, data } = useSession();
  const userId = (data?.user as { id?: string } | undefined)?.id ?? null;
  const sessionKey = status === "loading" ? null : `${status}:${userId ?? ""}`;
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    useMeStore.getState().load().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (sessionKey === null) return;
    const previous = lastKey.current;
    lastKey.current = sessionKey;
    // The first resolved session is what the mount-time load already fetched.
    if (previous !== null && previous !== sessionKey) useMeStore.getState().load().catch(() => undefined);
  }, [sessionKey]);

  return null;
}

/** Client-side context for every page: session, signed-in user, UI language. */
export function AppProviders({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <SessionProvider>
      <MeSync />
      <I18nProvider locale={locale}>{children}</I18nProvider>
    </SessionProvider>
  );
}
