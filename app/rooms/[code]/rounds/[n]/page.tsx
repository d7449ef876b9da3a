import type { Metadata } from "next";
import { RoundView } from "@/components/room/round-view";
import { getT } from "@/lib/i18n/server";
import { RolePromptsPanel } from "./_components/role-prompts";

const roundNumber = (n: string) => (/^\d{1,2}$/.test(n) ? Number(n) : 0);

export async function generateMetadata({ params }: { params: Promise<{ n: string }> }): Promise<Metadata> {
  const [t, { n }] = await Promise.all([getT(), params]);
  return { title: t("round.meta.title", { n: roundNumber(n) }) };
}

export default async function RoundPage({ params }: { params: Promise<{ code: string; n: string }> }) {
  const { n } = await params;
  return (
    <>
      <RoundView n={roundNumber(n)} />
      <RolePromptsPanel n={roundNumber(n)} />
    </>
  );
}
