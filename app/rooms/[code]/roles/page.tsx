import type { Metadata } from "next";
import { RolesView } from "@/components/room/roles-view";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("roles.meta.title") };
}

export default function RolesPage() {
  return <RolesView />;
}
