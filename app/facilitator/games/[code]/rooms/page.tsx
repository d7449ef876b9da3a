import type { Metadata } from "next";
import { codeFromParam } from "@/components/room/room-logic";
import { getT } from "@/lib/i18n/server";
import { OpenRoomsPage } from "../../../_components/open-rooms-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("facilitator.rooms.title") };
}

export default async function GameRoomsPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <OpenRoomsPage code={codeFromParam(code)} />;
}
