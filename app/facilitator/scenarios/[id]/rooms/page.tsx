import type { Metadata } from "next";
import { isScenarioId } from "@/components/facilitator/open-rooms-logic";
import { getT } from "@/lib/i18n/server";
import { ScenarioRoomsPage } from "../../../_components/open-rooms-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("facilitator.rooms.title") };
}

export default async function BuiltInRoomsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Anything but a UUID is no scenario: the page says it was not found.
  return <ScenarioRoomsPage id={isScenarioId(id) ? id.toLowerCase() : "not-a-scenario"} />;
}
