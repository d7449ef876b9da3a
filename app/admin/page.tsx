import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { AdminUsersPage } from "./_components/admin-users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.title") };
}

export default function AdminPage() {
  return <AdminUsersPage />;
}
