import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { ParticipantView } from "../../_components/participant-view";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [t, { code }] = await Promise.all([getT(), params]);
  return { title: t("research.participant.meta.title", { code: decodeURIComponent(code).toUpperCase().slice(0, 40) }) };
}

export default async function ResearchParticipantPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ParticipantView key={code} code={decodeURIComponent(code)} />;
}
