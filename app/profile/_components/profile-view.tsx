"use client";

import Link from "next/link";
import { MyDataPanel } from "@/components/account/my-data-panel";
import { useT } from "@/components/i18n-provider";
import { PageStatus } from "@/components/page-status";
import { DataTable } from "@/components/research/data-table";
import { StatCard } from "@/components/research/stat-card";
import { useFormat } from "@/components/research/use-format";
import { useResource } from "@/components/research/use-resource";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/client/api";
import { useRequireMe } from "@/lib/client/use-require-me";
import type { Me } from "@/lib/validation/user";
import type { UserStats } from "@/lib/validation/user-stats";
import { NicknameForm } from "./nickname-form";
import { AgreementByRoundChart, ConfidenceByRoundChart } from "./profile-charts";

/** /profile: the signed-in player's own numbers over every game they played, their nickname, their participant code and the ways to withdraw. */
export function ProfileView() {
  const session = useRequireMe("/profile");
  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} errorKey="profile.error" />;
  return <Profile me={session.me} />;
}

function Profile({ me }: { me: Me }) {
  const t = useT();
  const stats = useResource(`user-stats:${me.id}`, (signal) => apiFetch<UserStats>(`/api/users/${encodeURIComponent(me.id)}/stats`, { signal }));
  return (
    <main id="main" className="flex-1">
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
        <header>
          <p className="text-sm font-semibold text-brand-700">{t("profile.eyebrow")}</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t("profile.title", { name: me.nickname })}</h1>
          <p className="mt-2 max-w-3xl text-slate-600">{t("profile.subtitle")}</p>
        </header>
        {stats.data ? (
          <Numbers stats={stats.data} />
        ) : stats.error !== undefined ? (
          <div className="mt-8 flex max-w-md flex-col items-start gap-3">
            <Alert className="w-full">{t("profile.error")}</Alert>
            <Button variant="secondary" onClick={stats.reload}>
              {t("common.retry")}
            </Button>
          </div>
        ) : (
          <p role="status" className="mt-8 text-slate-500">
            {t("common.loading")}
          </p>
        )}
        <div className="mt-10 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)] lg:items-start">
          <Card as="section" aria-labelledby="profile-account">
            <h2 id="profile-account" className="mb-3 text-lg font-semibold text-slate-900">
              {t("account.title")}
            </h2>
            <NicknameForm me={me} />
          </Card>
          <MyDataPanel me={me} />
        </div>
      </div>
    </main>
  );
}

function Numbers({ stats }: { stats: UserStats }) {
  const t = useT();
  const f = useFormat();
  if (stats.gamesPlayed === 0) {
    return (
      <Card as="section" className="mt-8 max-w-xl" data-testid="profile-empty">
        <h2 className="text-lg font-semibold text-slate-900">{t("profile.empty.title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("profile.empty.body")}</p>
        <Link href="/lobby" className={buttonClass({ className: "mt-4" })}>
          {t("profile.empty.action")}
        </Link>
      </Card>
    );
  }
  return (
    <>
      <section aria-labelledby="profile-totals" className="mt-8">
        <h2 id="profile-totals" className="sr-only">
          {t("profile.totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard testId="stat-games" label={t("profile.stat.games")} value={f.integer(stats.gamesPlayed)} hint={t("profile.stat.gamesHint", { n: f.integer(stats.gamesFinished) })} />
          <StatCard testId="stat-rounds" label={t("profile.stat.rounds")} value={f.integer(stats.rounds)} hint={t("profile.stat.roundsHint")} />
          <StatCard
            testId="stat-agreement"
            label={t("profile.stat.agreement")}
            value={f.percent(stats.agreement.rate)}
            hint={t("profile.stat.agreementHint", { agreed: f.integer(stats.agreement.agreed), compared: f.integer(stats.agreement.compared) })}
          />
          <StatCard
            testId="stat-confidence"
            label={t("profile.stat.confidence")}
            value={`${f.decimal(stats.confidence.before)} → ${f.decimal(stats.confidence.after)}`}
            hint={t("profile.stat.confidenceHint")}
          />
        </dl>
      </section>

      <div className="mt-8 grid gap-4 lg:grid-cols-2">
        <AgreementByRoundChart stats={stats} />
        <ConfidenceByRoundChart stats={stats} />
      </div>

      <section aria-labelledby="profile-scenarios" className="mt-10">
        <h2 id="profile-scenarios" className="mb-3 text-lg font-bold text-slate-900">
          {t("profile.scenarios.title")}
        </h2>
        <DataTable
          testId="profile-scenarios"
          caption={t("profile.scenarios.title")}
          captionHidden
          columns={[
            { key: "title", header: t("profile.scenarios.scenario"), cell: (s: UserStats["scenarios"][number]) => s.title },
            { key: "games", header: t("profile.scenarios.games"), numeric: true, cell: (s) => f.integer(s.games) },
            { key: "finished", header: t("profile.scenarios.finished"), numeric: true, cell: (s) => f.integer(s.finished) },
          ]}
          rows={stats.scenarios}
          rowKey={(s, i) => `${s.slug ?? s.title}:${s.locale}:${i}`}
          rowHeader="title"
        />
      </section>
    </>
  );
}
