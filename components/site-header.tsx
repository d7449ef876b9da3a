"use client";

import Link from "next/link";
import { LocaleSwitch } from "./locale-switch";
import { LogoMark } from "./logo-mark";
import { UserMenu } from "./user-menu";
import { useT } from "./i18n-provider";

export function SiteHeader() {
  const t = useT();
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/85 backdrop-blur-md">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Link href="/" aria-label={t("header.home")} className="flex min-w-0 items-center gap-2.5 rounded-lg">
          <LogoMark />
          <span className="hidden truncate text-[0.9375rem] font-semibold tracking-tight text-slate-900 md:inline">{t("app.name")}</span>
        </Link>
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <LocaleSwitch />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
