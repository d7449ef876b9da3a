import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { MonitorPage } from "../_components/monitor-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("facilitator.monitor.title") };
}

export default function FacilitatorMonitorPage() {
  return <MonitorPage />;
}
