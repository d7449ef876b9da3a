import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { LandingView } from "./_components/landing-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { absolute: `${t("app.name")} · ${t("landing.meta.title")}` } };
}

export default function HomePage() {
  return <LandingView />;
}
