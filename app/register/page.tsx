import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { RegisterView } from "./_components/register-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("register.meta.title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  // Where to go after registering and consenting (a room whose link was opened); checked on the client.
  return <RegisterView callbackUrl={Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl} />;
}
