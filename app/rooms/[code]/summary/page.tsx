import type { Metadata } from "next";
import { SummaryDataPanel, SummaryView } from "@/components/room/summary-view";
import { getT } from "@/lib/i18n/server";
import { GameFeedbackSection } from "./_components/game-feedback";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("summary.meta.title") };
}

export default function SummaryPage() {
  return (
    <>
      <SummaryView />
      <GameFeedbackSection />
      <SummaryDataPanel />
    </>
  );
}
