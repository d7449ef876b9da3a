import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { RoomDetailView } from "../../_components/room-detail-view";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, { id }] = await Promise.all([getT(), params]);
  const ref = decodeURIComponent(id);
  return { title: t("research.room.meta.title", { code: ref.length <= 8 ? ref.toUpperCase() : ref.slice(0, 8) }) };
}

export default async function ResearchRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RoomDetailView key={id} idOrCode={decodeURIComponent(id)} />;
}
