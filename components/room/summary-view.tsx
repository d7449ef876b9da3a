"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { RoundStatistics } from "@/lib/domain/statistics";
import { getStatistics, type RoomStatistics } from "@/lib/client/room-api";
import { useMeStore } from "@/lib/client/stores/me";
import { MyDataPanel } from "../account/my-data-panel";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { useLocale, useT } from "../i18n-provider";
import { optionLetter } from "./choice-inputs";
import { RoundResultCard } from "./round-view";
import { useMySeat, useSnapshot } from "./use-room";

type StatsState = { status: "loading" } | { status: "error" } | { status: "ready"; stats: RoomStatistics };

/** FINISHED / ABANDONED: every round's choices and decision, and how the group's views shifted. */
export function SummaryView() {
  const t = useT();
  const { locale } = useLocale();
  const room = useSnapshot();
  const [state, setState] = useState<StatsState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // Read again after any change of the finished room (a player withdrew: their answers are gone).
  useEffect(() => {
    const controller = new AbortController();
    getStatistics(room.code, controller.signal).then(
      (stats) => setState({ status: "ready", stats }),
      () => !controller.signal.aborted && setState({ status: "error" }),
    );
    return () => controller.abort();
  }, [room.code, room.phase, room.version, attempt]);

  const stats = state.status === "ready" ? state.stats : null;
  const statsOf = (round: number) => stats?.rounds.find((r) => r.round === round) ?? null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const fmt = (x: number | null, f = number) => (x === null ? "–" : f.format(x));
  const results = [...room.results].sort((a, b) => a.round - b.round);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <p className="text-sm font-semibold text-brand-700">{room.scenario.title}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{room.phase === "ABANDONED" ? t("summary.titleAbandoned") : t("summary.title")}</h1>
        <p className="mt-2 text-slate-600">{room.phase === "ABANDONED" ? t("summary.introAbandoned") : t("summary.intro")}</p>
      </header>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="sr-only">
          {t("summary.totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={t("summary.stat.decisions")} value={stats ? `${stats.totals.consensusReached}/${stats.totals.rounds}` : "…"} />
          <Stat label={t("summary.stat.agreement")} value={stats ? fmt(stats.totals.agreementRate, percent) : "…"} hint={t("summary.stat.agreementHint")} />
          <Stat
            label={t("summary.stat.confidence")}
            value={stats ? `${fmt(stats.totals.meanConfidence)} → ${fmt(stats.totals.meanConsensusConfidence)}` : "…"}
            hint={t("summary.stat.confidenceHint")}
          />
          <Stat label={t("summary.stat.shift")} value={stats ? fmt(stats.totals.meanConfidenceShift, signed) : "…"} hint={t("summary.stat.shiftHint")} />
        </dl>
        {state.status === "error" && (
          <p className="mt-3 text-sm text-red-700" role="alert">
            {t("summary.statsError")}{" "}
            <button type="button" className="font-semibold underline underline-offset-4" onClick={() => {
                setState({ status: "loading" });
                setAttempt((a) => a + 1);
              }}>
              {t("common.retry")}
            </button>
          </p>
        )}
      </section>

      {results.length === 0 && <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("summary.noRounds")}</p>}

      {results.map((result) => {
        const rs = statsOf(result.round);
        return (
          <section key={result.round} aria-labelledby={`summary-round-${result.round}`} data-testid={`summary-round-${result.round}`} className="flex flex-col gap-3">
            <div>
              <h2 id={`summary-round-${result.round}`} className="text-lg font-bold text-slate-900">
                {t("summary.round", { n: result.round })}
              </h2>
              <p className="mt-1 text-[0.9375rem] leading-relaxed text-slate-700">{result.question}</p>
            </div>
            {rs && <Distribution result={result} stats={rs} />}
            <RoundResultCard result={result} seats={room.seats} headingLevel={3} />
            {rs && (
              <p className="text-sm text-slate-600">
                {rs.agreementRate === null
                  ? t("summary.roundNoAgreement")
                  : t("summary.roundAgreement", { agreed: rs.agreed, total: rs.players.filter((p) => p.agreedWithConsensus !== null).length })}{" "}
                {rs.meanConfidence !== null && rs.meanConsensusConfidence !== null && <ConfidenceLine stats={rs} before={fmt(rs.meanConfidence)} after={fmt(rs.meanConsensusConfidence)} shift={fmt(rs.meanConfidenceShift, signed)} />}
              </p>
            )}
          </section>
        );
      })}

      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/lobby" className={buttonClass({ size: "lg" })}>
          {t("summary.backToLobby")}
        </Link>
      </div>
    </div>
  );
}

/** The end screen's last part, for a player of the game: their participant code, and withdrawing or deleting their account. */
export function SummaryDataPanel() {
  const me = useMeStore((s) => s.me);
  const isPlayer = useMySeat() !== null;
  if (!me || !isPlayer) return null;
  return <MyDataPanel me={me} className="mt-6" />;
}

/**
 * A round's mean confidence before → after (shift), over the players who rated both; when
 * someone missed a rating, it says over how many of the round's players.
 */
function ConfidenceLine({ stats, before, after, shift }: { stats: RoundStatistics; before: string; after: string; shift: string }) {
  const t = useT();
  const total = stats.players.length;
  return stats.confidencePlayers < total
    ? t("summary.roundConfidenceOf", { before, after, shift, n: stats.confidencePlayers, total })
    : t("summary.roundConfidence", { before, after, shift });
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-bold text-slate-900 tabular-nums sm:text-2xl">{value}</dd>
      {hint && <dd className="mt-1 text-xs leading-snug text-slate-500">{hint}</dd>}
    </div>
  );
}

/** How the individual choices were spread over the options, with the group's decision marked. */
function Distribution({ result, stats }: { result: { round: number; options: { index: number; label: string }[]; consensus: number | null }; stats: RoundStatistics }) {
  const t = useT();
  const total = Math.max(1, stats.distribution.reduce((a, b) => a + b, 0) + stats.missingChoices);
  return (
    <Card className="p-4 sm:p-5">
      <h3 className="text-sm font-semibold text-slate-800">{t("summary.distribution")}</h3>
      <ul className="mt-3 flex flex-col gap-2.5">
        {result.options.map((o) => {
          const count = stats.distribution[o.index] ?? 0;
          const isGroup = result.consensus === o.index;
          return (
            <li key={o.index}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 text-slate-800">
                  <span className="font-semibold">{optionLetter(o.index)}.</span> {o.label}
                  {isGroup && <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200 ring-inset">{t("summary.groupChoice")}</span>}
                </span>
                <span className="shrink-0 text-slate-500 tabular-nums">{t("summary.votes", { n: count })}</span>
              </div>
              <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                <div className={cn("h-full rounded-full", isGroup ? "bg-emerald-500" : "bg-brand-400")} style={{ width: `${(count / total) * 100}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
