import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { GamesDashboard } from "./_components/games-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("facilitator.dashboard.metaTitle") };
}

export default function FacilitatorPage() {
  return <GamesDashboard />;
}
