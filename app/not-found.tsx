import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("notFound.meta.title") };
}

export default async function NotFound() {
  const t = await getT();
  return (
    <main id="main" className="flex flex-1 flex-col items-center justify-center px-4 py-20 text-center">
      <p className="text-sm font-semibold tracking-widest text-brand-700">{t("notFound.code")}</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t("notFound.title")}</h1>
      <p className="mt-3 max-w-md text-slate-600">{t("notFound.body")}</p>
      <Link href="/" className={buttonClass({ className: "mt-8" })}>
        {t("notFound.home")}
      </Link>
    </main>
  );
}
