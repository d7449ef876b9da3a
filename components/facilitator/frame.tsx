"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

/** The facilitator area's two places, as tabs under the site header. */
function FacilitatorTabs() {
  const t = useT();
  const pathname = usePathname();
  const isMonitor = pathname.startsWith("/facilitator/monitor");
  const tabs = [
    { href: "/facilitator", label: t("facilitator.nav.games"), isCurrent: !isMonitor },
    { href: "/facilitator/monitor", label: t("facilitator.nav.monitor"), isCurrent: isMonitor },
  ];
  return (
    <nav aria-label={t("facilitator.nav.label")} className="border-b border-slate-200/80 bg-white print:hidden">
      <ul className="mx-auto flex max-w-6xl gap-1 px-4 sm:px-6">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.isCurrent ? "page" : undefined}
              className={cn(
                "-mb-px inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium transition-colors",
                tab.isCurrent ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame of a facilitator page: area tabs, then a heading with an optional back link, text and actions. */
export function FacilitatorFrame({
  title,
  description,
  back,
  actions,
  badges,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  back?: { href: string; label: string };
  actions?: ReactNode;
  badges?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main id="main" className="flex-1">
      <FacilitatorTabs />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between print:hidden">
          <div className="min-w-0">
            {back && (
              <Link href={back.href} className="mb-2 inline-flex items-center gap-1 rounded text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
                <span aria-hidden="true">←</span> {back.label}
              </Link>
            )}
            <h1 className="text-2xl font-bold tracking-tight text-balance text-slate-900 sm:text-3xl">{title}</h1>
            {badges && <div className="mt-2 flex flex-wrap items-center gap-2">{badges}</div>}
            {description && <p className="mt-2 max-w-2xl text-slate-600">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
        </header>
        <div className="mt-6 sm:mt-8 print:mt-0">{children}</div>
      </div>
    </main>
  );
}
