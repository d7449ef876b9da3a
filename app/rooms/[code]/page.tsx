import type { Metadata } from "next";
import { codeFromParam } from "@/components/room/room-logic";
import { WaitingRoom } from "@/components/room/waiting-room";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const [t, { code }] = await Promise.all([getT(), params]);
  return { title: t("room.meta.title", { code: codeFromParam(code) }) };
}

export default function WaitingRoomPage() {
  return <WaitingRoom />;
}
