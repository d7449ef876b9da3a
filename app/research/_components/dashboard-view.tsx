"use client";

import Link from "next/link";
import { ActivityChart } from "@/components/research/charts";
import { CleanupPanel } from "@/components/research/cleanup-panel";
import { activityRows, PHASE_COLORS, phaseShares } from "@/components/research/chart-data";
import { ExportPanel } from "@/components/research/export-panel";
import { LoadError, Loading } from "@/components/research/research-shell";
import { StatCard } from "@/components/research/stat-card";
import { useFormat } from "@/components/research/use-format";
import { useLabels } from "@/components/research/use-labels";
import { useResource } from "@/components/research/use-resource";
import { useT } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button";
import { getResearchSummary, PHASES, type ResearchSummary } from "@/lib/client/research-api";
import { PageHeader, Section } from "./page-header";

/** /research: counts, recent activity, the last finished rooms, exports and cleanup. */
export function DashboardView() {
  const t = useT();
  const summary = useResource("summary", getResearchSummary);
  const data = summary.data;

  return (
    <>
      <PageHeader
        title={t("research.overview.title")}
        actions={
          <Link href="/research/rooms" className={buttonClass({ variant: "secondary", size: "sm" })}>
            {t("research.overview.browseRooms")}
          </Link>
        }
      >
        <p>{t("research.overview.subtitle")}</p>
      </PageHeader>

      {!data ? (
        summary.error !== undefined ? (
          <div className="mt-8">
            <LoadError error={summary.error} retry={summary.reload} />
          </div>
        ) : (
          <Loading />
        )
      ) : (
        <SummaryBody data={data} />
      )}

      <Section id="research-export" title={t("research.export.sectionTitle")} description={t("research.export.sectionBody")}>
        <ExportPanel headingLevel={3} />
      </Section>

      <Section id="research-maintenance" title={t("research.maintenance.title")} description={t("research.maintenance.body")}>
        <CleanupPanel testRooms={data?.rooms.test} onDeleted={summary.reload} />
      </Section>
    </>
  );
}

function SummaryBody({ data }: { data: ResearchSummary }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  const shares = phaseShares(data.rooms.byPhase, PHASES);

  return (
    <>
      <section aria-labelledby="research-counts" className="mt-8">
        <h2 id="research-counts" className="sr-only">
          {t("research.overview.counts")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <StatCard testId="stat-registered" label={t("research.stat.registered")} value={f.integer(data.users.registered)} />
          <StatCard testId="stat-guests" label={t("research.stat.guests")} value={f.integer(data.users.guests)} />
          <StatCard
            testId="stat-participants"
            label={t("research.stat.participants")}
            value={f.integer(data.participants)}
            hint={t("research.stat.participantsHint", { n: f.integer(data.participantsWithConsent) })}
          />
          <StatCard
            testId="stat-completed"
            label={t("research.stat.completed")}
            value={f.integer(data.completedGames)}
            hint={t("research.stat.completedHint", { n: f.integer(data.rooms.total) })}
          />
          <StatCard testId="stat-withdrawals" label={t("research.stat.withdrawals")} value={f.integer(data.withdrawals)} hint={t("research.stat.withdrawalsHint")} />
          <StatCard testId="stat-recordings" label={t("research.stat.recordings")} value={f.integer(data.recordings)} />
        </dl>
      </section>

      <div className="mt-6 grid gap-4 lg:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)]">
        <ActivityChart rows={activityRows(data)} />
        <section aria-labelledby="research-phases" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80 sm:p-5" data-testid="rooms-by-phase">
          <h2 id="research-phases" className="text-base font-semibold text-slate-900">
            {t("research.phases.title")}
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("research.phases.body", { n: f.integer(data.rooms.total), test: f.integer(data.rooms.test) })}</p>
          <dl className="mt-4 flex flex-col gap-2.5">
            {shares.map((s) => (
              <div key={s.phase}>
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <dt className="text-slate-700">{labels.phase(s.phase)}</dt>
                  <dd className="font-semibold text-slate-900 tabular-nums">{f.integer(s.count)}</dd>
                </div>
                <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                  <div className="h-full rounded-full" style={{ width: `${s.share * 100}%`, backgroundColor: PHASE_COLORS[s.phase] }} />
                </div>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <Section id="research-recent" title={t("research.recent.title")} description={t("research.recent.body")}>
        {data.activity.recentFinished.length === 0 ? (
          <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.recent.empty")}</p>
        ) : (
          <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
            <ul className="divide-y divide-slate-100" data-testid="recent-finished">
              {data.activity.recentFinished.map((r) => (
                <li key={r.code}>
                  <Link
                    href={`/research/rooms/${r.code}`}
                    className="flex flex-col gap-1 px-4 py-3 transition-colors hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-5"
                  >
                    <span className="flex min-w-0 items-center gap-3">
                      <span className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-sm font-semibold tracking-wider text-slate-800">{r.code}</span>
                      <span className="min-w-0 truncate text-slate-800">{r.scenario.title}</span>
                    </span>
                    <span className="shrink-0 text-sm text-slate-500">{t("research.recent.finishedAt", { at: f.dateTime(r.finishedAt) })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>
    </>
  );
}
