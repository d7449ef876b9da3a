import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { LobbyView } from "./_components/lobby-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("lobby.meta.title") };
}

export default function LobbyPage() {
  return <LobbyView />;
}
