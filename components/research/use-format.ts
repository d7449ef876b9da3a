"use client";

import { useMemo } from "react";
import { formatBytes } from "@/lib/client/research-api";
import { useLocale } from "../i18n-provider";

/** Number, date and size formatting in the UI language. Dashes stand for missing values. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale);
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    // Activity days are UTC calendar days.
    const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
    const dayLong = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    const dash = "–";
    const guard = <A,>(f: (v: A) => string) => (v: A | null | undefined) => (v === null || v === undefined ? dash : f(v));
    return {
      locale,
      integer: guard((n: number) => integer.format(n)),
      decimal: guard((n: number) => decimal.format(n)),
      signed: guard((n: number) => signed.format(n)),
      percent: guard((n: number) => percent.format(n)),
      dateTime: guard((iso: string) => dateTime.format(new Date(iso))),
      time: guard((iso: string) => time.format(new Date(iso))),
      /** A `YYYY-MM-DD` UTC day, short ("Mar 4"). */
      day: guard((ymd: string) => day.format(new Date(`${ymd}T00:00:00Z`))),
      dayLong: guard((ymd: string) => dayLong.format(new Date(`${ymd}T00:00:00Z`))),
      bytes: (n: number) => formatBytes(n, locale),
    };
  }, [locale]);
}

export type Format = ReturnType<typeof useFormat>;
