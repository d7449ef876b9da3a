"use client";

import type { Locale } from "@/lib/i18n/locale";
import { cn } from "./ui/cn";
import { useLocale, useT } from "./i18n-provider";

const OPTIONS: ReadonlyArray<{ locale: Locale; name: string; short: string }> = [
  { locale: "en", name: "English", short: "EN" },
  { locale: "ko", name: "한국어", short: "한국어" },
];

/** English / 한국어 toggle. Each button is named in its own language, so it is findable in either. */
export function LocaleSwitch({ className }: { className?: string }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div role="group" aria-label={t("header.language")} className={cn("inline-flex shrink-0 rounded-xl bg-slate-100 p-1 ring-1 ring-inset ring-slate-200", className)}>
      {OPTIONS.map((option) => {
        const isActive = option.locale === locale;
        return (
          <button
            key={option.locale}
            type="button"
            lang={option.locale}
            aria-pressed={isActive}
            onClick={() => !isActive && setLocale(option.locale)}
            className={cn(
              "h-7 rounded-lg px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              isActive ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {/* Named in full for everyone (the visible name is the short one on a phone). */}
            <span className="sm:hidden" aria-hidden="true">
              {option.short}
            </span>
            <span className="sr-only sm:not-sr-only">{option.name}</span>
          </button>
        );
      })}
    </div>
  );
}
