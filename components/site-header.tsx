"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { useMeStore } from "@/lib/client/stores/me";
import type { Role } from "@/lib/validation/user";
import { LocaleSwitch } from "./locale-switch";
import { LogoMark } from "./logo-mark";
import { UserMenu } from "./user-menu";
import { cn } from "./ui/cn";
import { useT } from "./i18n-provider";

interface AreaLink {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

// Staff areas, shown to the roles that may use them (an admin sees all).
const AREAS: readonly AreaLink[] = [
  { href: "/facilitator", label: "facilitator.nav.area", roles: ["FACILITATOR", "ADMIN"] },
  { href: "/research", label: "facilitator.nav.research", roles: ["RESEARCHER", "ADMIN"] },
  { href: "/admin", label: "admin.nav", roles: ["ADMIN"] },
];

/** The staff areas the signed-in user's role opens. */
export function areasFor(role: Role | null | undefined): readonly AreaLink[] {
  return role ? AREAS.filter((a) => a.roles.includes(role)) : [];
}

function useAreas() {
  const role = useMeStore((s) => s.me?.role);
  return areasFor(role);
}

const isIn = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** Inline links from the sm breakpoint up. */
function AreaNav({ areas }: { areas: readonly AreaLink[] }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("facilitator.nav.staff")} className="hidden min-w-0 items-center gap-1 sm:flex">
      {areas.map((a) => {
        const isCurrent = isIn(pathname, a.href);
        return (
          <Link
            key={a.href}
            href={a.href}
            aria-current={isCurrent ? "page" : undefined}
            className={cn(
              "inline-flex h-9 items-center rounded-lg px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              isCurrent ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {t(a.label)}
          </Link>
        );
      })}
    </nav>
  );
}

/** On a phone: one menu button that opens the same links (the header keeps its height). */
function AreaMenu({ areas }: { areas: readonly AreaLink[] }) {
  const t = useT();
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);

  // Close after navigating, and on a click elsewhere.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  return (
    <details ref={ref} className="relative sm:hidden">
      <summary
        aria-label={t("facilitator.nav.menu")}
        className="flex size-9 cursor-pointer list-none items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
          <path d="M3.5 6h13M3.5 10h13M3.5 14h13" />
        </svg>
      </summary>
      <nav aria-label={t("facilitator.nav.staff")} className="absolute top-11 left-0 z-40 w-48 rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-slate-200">
        <ul className="flex flex-col">
          {areas.map((a) => (
            <li key={a.href}>
              <Link
                href={a.href}
                aria-current={isIn(pathname, a.href) ? "page" : undefined}
                className={cn("flex h-10 items-center rounded-lg px-3 text-sm font-medium", isIn(pathname, a.href) ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100")}
              >
                {t(a.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}

export function SiteHeader() {
  const t = useT();
  const areas = useAreas();
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/85 backdrop-blur-md print:hidden">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-1 sm:gap-4">
          {areas.length > 0 && <AreaMenu areas={areas} />}
          <Link href="/" aria-label={t("header.home")} className="flex min-w-0 shrink-0 items-center gap-2.5 rounded-lg">
            <LogoMark />
            <span className={cn("hidden truncate text-[0.9375rem] font-semibold tracking-tight text-slate-900", areas.length > 0 ? "lg:inline" : "md:inline")}>{t("app.name")}</span>
          </Link>
          {areas.length > 0 && <AreaNav areas={areas} />}
        </div>
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <LocaleSwitch />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
