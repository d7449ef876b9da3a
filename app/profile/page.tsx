import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { ProfileView } from "./_components/profile-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("profile.meta.title") };
}

export default function ProfilePage() {
  return <ProfileView />;
}
