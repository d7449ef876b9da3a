import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { RegisterView } from "./_components/register-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("register.meta.title") };
}

export default function RegisterPage() {
  return <RegisterView />;
}
