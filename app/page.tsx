import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { LandingView } from "./_components/landing-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { absolute: `${t("app.name")} · ${t("landing.meta.title")}` } };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  // Where a guest goes after consenting (a page that asked them to sign in); checked on the client.
  return <LandingView callbackUrl={Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl} />;
}
