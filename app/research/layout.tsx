import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ResearchShell } from "@/components/research/research-shell";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("research.meta.title"), template: `%s · ${t("research.meta.title")} · ${t("app.name")}` }, robots: { index: false } };
}

// Every research page checks the session and the role first (the API checks them again).
export default function ResearchLayout({ children }: { children: ReactNode }) {
  return <ResearchShell>{children}</ResearchShell>;
}
