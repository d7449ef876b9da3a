import { DashboardView } from "./_components/dashboard-view";

export default function ResearchPage() {
  return <DashboardView />;
}
