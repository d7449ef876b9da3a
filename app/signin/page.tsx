import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { SignInView } from "./_components/sign-in-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("signin.meta.title") };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // The form checks callbackUrl before using it: only a path on this site is followed.
  return <SignInView callbackUrl={first(params.callbackUrl)} authError={first(params.error)} />;
}
