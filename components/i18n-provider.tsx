"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { createTranslator, type Translate } from "@/lib/i18n/messages";
import { saveLocale } from "@/lib/client/auth";
import { writeLocaleCookie } from "@/lib/client/locale";
import { useMeStore } from "@/lib/client/stores/me";

interface I18nContextValue {
  locale: Locale;
  t: Translate;
  /** Switches the UI language: at once on the client, then server-rendered parts via a refresh. */
  setLocale(locale: Locale): void;
  isSwitching: boolean;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Provides the UI language resolved by the root layout (cookie, then Accept-Language). */
export function I18nProvider({ locale: serverLocale, children }: { locale: Locale; children: ReactNode }) {
  const router = useRouter();
  const [locale, setLocaleState] = useState(serverLocale);
  // Follow the server when it renders another language (refresh, another tab's cookie).
  const [lastServerLocale, setLastServerLocale] = useState(serverLocale);
  if (serverLocale !== lastServerLocale) {
    setLastServerLocale(serverLocale);
    setLocaleState(serverLocale);
  }
  const [isSwitching, startTransition] = useTransition();

  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      document.documentElement.lang = next;
      writeLocaleCookie(next);
      if (useMeStore.getState().status === "authenticated") {
        // Remembered on the account for emails and exports; a lapsed session (401) changes nothing here.
        saveLocale(next).then(
          (me) => useMeStore.getState().setMe(me),
          () => undefined,
        );
      }
      startTransition(() => router.refresh());
    },
    [router],
  );

  const value = useMemo(() => ({ locale, t: createTranslator(locale), setLocale, isSwitching }), [locale, setLocale, isSwitching]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useT() must be used inside <I18nProvider>");
  return ctx;
}

/** `t(key, values)` in the current UI language. */
export function useT(): Translate {
  return useI18nContext().t;
}

/** The current UI language and the switch. */
export function useLocale(): Pick<I18nContextValue, "locale" | "setLocale" | "isSwitching"> {
  const { locale, setLocale, isSwitching } = useI18nContext();
  return { locale, setLocale, isSwitching };
}
