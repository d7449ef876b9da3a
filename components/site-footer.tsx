"use client";

import Link from "next/link";
import { useMeStore } from "@/lib/client/stores/me";
import { useT } from "./i18n-provider";

export function SiteFooter() {
  const t = useT();
  const isSignedIn = useMeStore((s) => s.status === "authenticated");
  return (
    <footer className="border-t border-slate-200/80">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-medium text-slate-700">{t("app.name")}</span> · {t("footer.tagline")}
        </p>
        {isSignedIn && (
          <Link href="/consent" className="w-fit rounded underline-offset-4 hover:text-slate-800 hover:underline">
            {t("footer.consent")}
          </Link>
        )}
      </div>
    </footer>
  );
}
