"use client";

import Link from "next/link";
import { withCallbackUrl } from "@/lib/validation/callback-url";
import { AuthPage } from "../auth-card";
import { GuestPlayForm } from "../guest-play-form";
import { useT } from "../i18n-provider";

const linkClass = "rounded font-semibold text-brand-700 underline-offset-4 hover:underline";

/**
 * A room's link opened without a session (a scanned QR code on a phone): a nickname is all it
 * takes, and every way on (guest, sign-in, registration, then consent) comes back to the room.
 */
export function RoomEntry({ code }: { code: string }) {
  const t = useT();
  const destination = `/rooms/${code}`;
  return (
    <AuthPage
      title={
        <>
          <span className="mb-2 block text-sm font-medium text-brand-700">
            {t("joinLink.entry.room")} <span className="font-mono font-semibold tracking-[0.2em]">{code}</span>
          </span>
          {t("joinLink.entry.title")}
        </>
      }
      subtitle={t("joinLink.entry.body")}
      footer={
        <p className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1">
          <span>{t("joinLink.entry.haveAccount")}</span>
          <Link href={withCallbackUrl("/signin", destination)} className={linkClass}>
            {t("joinLink.entry.signIn")}
          </Link>
          <span aria-hidden="true" className="text-slate-300">
            ·
          </span>
          <Link href={withCallbackUrl("/register", destination)} className={linkClass}>
            {t("joinLink.entry.register")}
          </Link>
        </p>
      }
    >
      <GuestPlayForm destination={destination} />
    </AuthPage>
  );
}
