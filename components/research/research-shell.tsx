"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { isApiError } from "@/lib/client/api";
import { signInHref } from "@/lib/client/auth";
import { useRequireMe } from "@/lib/client/use-require-me";
import type { Role } from "@/lib/validation/user";
import { useT } from "../i18n-provider";
import { PageStatus } from "../page-status";
import { Alert } from "../ui/alert";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";

/** Researchers and admins see research data; the server checks the same on every route. */
export const canResearch = (role: Role) => role === "RESEARCHER" || role === "ADMIN";

/**
 * The frame of every /research page: signed-out visitors go to sign in (and come back),
 * players get a friendly "for researchers" note, researchers get the section's navigation.
 */
export function ResearchShell({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<PageStatus state="loading" />}>
      <Gate>{children}</Gate>
    </Suspense>
  );
}

function Gate({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const session = useRequireMe(search ? `${pathname}?${search}` : pathname);
  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} />;
  if (!canResearch(session.me.role)) {
    return (
      <main id="main" className="flex flex-1 items-center justify-center px-4 py-16">
        <ForResearchersOnly />
      </main>
    );
  }
  return (
    <main id="main" className="flex-1">
      <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-10">
        <ResearchNav pathname={pathname} />
        {children}
      </div>
    </main>
  );
}

function ResearchNav({ pathname }: { pathname: string }) {
  const t = useT();
  const links = [
    { href: "/research", label: t("research.nav.overview"), active: pathname === "/research" },
    { href: "/research/rooms", label: t("research.nav.rooms"), active: pathname.startsWith("/research/rooms") },
  ];
  return (
    <nav aria-label={t("research.nav.label")} className="mb-6 flex items-center gap-3 border-b border-slate-200 sm:mb-8">
      <span className="hidden h-10 items-center text-sm font-semibold text-slate-500 sm:flex">{t("research.title")}</span>
      <span className="hidden h-10 items-center text-slate-300 sm:flex" aria-hidden="true">
        /
      </span>
      <ul className="-mb-px flex gap-1">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.active ? "page" : undefined}
              className={cn(
                "inline-flex h-10 items-center border-b-2 px-3 text-sm font-semibold transition-colors",
                l.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** For a signed-in person without the researcher role. */
export function ForResearchersOnly() {
  const t = useT();
  return (
    <Card as="section" aria-labelledby="research-denied-title" className="w-full max-w-lg text-center" data-testid="research-denied">
      <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700" aria-hidden="true">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
          <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
        </svg>
      </div>
      <h1 id="research-denied-title" className="mt-4 text-2xl font-bold tracking-tight text-slate-900">
        {t("research.denied.title")}
      </h1>
      <p className="mt-2 leading-relaxed text-slate-600">{t("research.denied.body")}</p>
      <p className="mt-2 text-sm leading-relaxed text-slate-500">{t("research.denied.access")}</p>
      <Link href="/lobby" className={buttonClass({ className: "mt-6" })}>
        {t("research.denied.lobby")}
      </Link>
    </Card>
  );
}

/**
 * What to show when a research call failed: 401 → sign in again, 403 → for researchers only,
 * 404 → `notFound`, anything else → a retry.
 */
export function LoadError({ error, retry, notFound }: { error: unknown; retry?: () => void; notFound?: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  if (isApiError(error) && error.status === 403) return <ForResearchersOnly />;
  if (isApiError(error) && error.status === 401) {
    return (
      <Alert tone="warning" className="flex flex-wrap items-center justify-between gap-3">
        <span>{t("research.error.session")}</span>
        <Link href={signInHref(pathname)} className="font-semibold underline underline-offset-4">
          {t("research.error.signIn")}
        </Link>
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 404 && notFound) return <Alert tone="info">{notFound}</Alert>;
  return (
    <div className="flex flex-col items-start gap-3">
      <Alert className="w-full">{t("common.error.network")}</Alert>
      {retry && (
        <Button variant="secondary" size="sm" onClick={retry}>
          {t("common.retry")}
        </Button>
      )}
    </div>
  );
}

/** A quiet loading line inside a page. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p role="status" className="flex items-center gap-2 py-10 text-slate-500">
      <Spinner />
      {label ?? t("common.loading")}
    </p>
  );
}
