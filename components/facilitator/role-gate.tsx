"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { useRequireMe } from "@/lib/client/use-require-me";
import type { Me, Role } from "@/lib/validation/user";
import { PageStatus } from "../page-status";
import { buttonClass } from "../ui/button";
import { useT } from "../i18n-provider";

/** Whether `role` may use an area open to `roles` (admins may use every area). */
export function hasAnyRole(role: Role, roles: readonly Role[]): boolean {
  return role === "ADMIN" || roles.includes(role);
}

/**
 * A page for some roles only: sends anyone signed out to sign in (and back), and tells a
 * signed-in user without the role, kindly, whom the page is for.
 */
export function RoleGate({
  roles,
  returnPath,
  titleKey,
  bodyKey,
  children,
}: {
  roles: readonly Role[];
  returnPath: string;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  children: (me: Me) => ReactNode;
}) {
  const t = useT();
  const session = useRequireMe(returnPath);
  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} />;
  if (!hasAnyRole(session.me.role, roles)) {
    return (
      <main id="main" className="flex flex-1 flex-col items-center justify-center px-4 py-20 text-center">
        <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-2xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
            <rect x="5" y="11" width="14" height="9" rx="2" />
            <path d="M8 11V8a4 4 0 0 1 8 0v3" />
          </svg>
        </span>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t(titleKey)}</h1>
        <p className="mt-3 max-w-md text-slate-600">{t(bodyKey)}</p>
        {session.me.isGuest && <p className="mt-2 max-w-md text-sm text-slate-500">{t("facilitator.gate.guest")}</p>}
        <Link href="/lobby" className={buttonClass({ className: "mt-8" })}>
          {t("facilitator.gate.toLobby")}
        </Link>
      </main>
    );
  }
  return <>{children(session.me)}</>;
}
