import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { RoomsView } from "../_components/rooms-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("research.rooms.meta.title") };
}

export default function ResearchRoomsPage() {
  return <RoomsView />;
}
