"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useMeStore } from "@/lib/client/stores/me";
import { withCallbackUrl } from "@/lib/validation/callback-url";
import { Badge } from "./ui/badge";
import { buttonClass } from "./ui/button";
import { Spinner } from "./ui/spinner";
import { useT } from "./i18n-provider";

function SignOutIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M8 4H5.5A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8" />
      <path d="M12 6.5 15.5 10 12 13.5M15.5 10H8" />
    </svg>
  );
}

function StatsIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
      <path d="M4 16V10M8.5 16V5M13 16v-4M17 16V7" />
    </svg>
  );
}

/** The signed-in user's nickname (with a guest badge), a link to their games and stats, and sign-out; a sign-in link otherwise. */
export function UserMenu() {
  const t = useT();
  const status = useMeStore((s) => s.status);
  const me = useMeStore((s) => s.me);
  const [isSigningOut, setIsSigningOut] = useState(false);
  const pathname = usePathname();

  if (status === "loading") return <div className="h-9 w-24 animate-pulse rounded-xl bg-slate-100" aria-hidden="true" />;
  if (!me) {
    // Signing in from a page (a room's link) comes back to it.
    const isEntryPage = pathname === "/" || pathname === "/signin" || pathname === "/register";
    return (
      <Link href={isEntryPage ? "/signin" : withCallbackUrl("/signin", pathname)} className={buttonClass({ variant: "ghost", size: "sm" })}>
        {t("header.signIn")}
      </Link>
    );
  }

  return (
    <div className="flex min-w-0 items-center gap-1.5 sm:gap-2">
      <div className="flex min-w-0 items-center gap-2" data-testid="current-user">
        <span
          className="hidden size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700 uppercase sm:inline-flex"
          aria-hidden="true"
        >
          {Array.from(me.nickname)[0]}
        </span>
        <span className="sr-only">{t("header.signedInAs")}</span>
        <span className="max-w-[7.5rem] truncate text-sm font-medium text-slate-800 sm:max-w-[12rem]">{me.nickname}</span>
        {me.isGuest && <Badge tone="amber">{t("header.guest")}</Badge>}
      </div>
      {/* Phones reach the profile from the lobby: the header has no room for it there. */}
      <Link
        href="/profile"
        aria-label={t("profile.link")}
        title={t("profile.link")}
        className="hidden h-9 items-center justify-center rounded-xl px-2 text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900 sm:inline-flex"
        data-testid="profile-link"
      >
        <StatsIcon />
      </Link>
      <button
        type="button"
        aria-label={t("header.signOut")}
        aria-busy={isSigningOut || undefined}
        disabled={isSigningOut}
        onClick={() => {
          setIsSigningOut(true);
          signOut({ callbackUrl: "/" }).catch(() => setIsSigningOut(false));
        }}
        className={buttonClass({ variant: "ghost", size: "sm", className: "px-2 sm:px-3" })}
      >
        {isSigningOut ? <Spinner /> : <SignOutIcon />}
        <span className="hidden sm:inline">{t("header.signOut")}</span>
      </button>
    </div>
  );
}
