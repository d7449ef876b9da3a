import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { ConsentView } from "./_components/consent-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("consent.meta.title") };
}

export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  // Where to go after saving (a room that asked for consent first); checked on the client.
  return <ConsentView callbackUrl={Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl} />;
}
