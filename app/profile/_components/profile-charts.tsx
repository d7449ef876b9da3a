"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "@/components/i18n-provider";
import { AFTER_COLOR, AGREED_COLOR, BEFORE_COLOR } from "@/components/research/chart-data";
import { ChartFrame, ChartLegend } from "@/components/research/chart-frame";
import { DataTable } from "@/components/research/data-table";
import { useFormat } from "@/components/research/use-format";
import type { UserStats } from "@/lib/validation/user-stats";

// The research dashboards' look: quiet grid and axes, no animation.
const AXIS = { stroke: "#94a3b8", fontSize: 12, tickLine: false, axisLine: { stroke: "#e2e8f0" } } as const;
const GRID = { stroke: "#f1f5f9", vertical: false } as const;
const TOOLTIP_STYLE = { borderRadius: 12, border: "1px solid #e2e8f0", boxShadow: "0 4px 12px rgb(15 23 42 / 0.08)", fontSize: 13, padding: "8px 12px" } as const;
const CHART_STYLE = { width: "100%", height: 220 } as const;
const MARGIN = { top: 8, right: 4, bottom: 0, left: -16 } as const;

type Round = UserStats["byRound"][number];

/** Per round number, how often the player's choice was the group's consensus. */
export function AgreementByRoundChart({ stats }: { stats: UserStats }) {
  const t = useT();
  const f = useFormat();
  return (
    <ChartFrame
      testId="chart-agreement-by-round"
      headingLevel={2}
      title={t("profile.chart.agreement.title")}
      description={t("profile.chart.agreement.description")}
      summary={t("profile.chart.agreement.summary", { rate: f.percent(stats.agreement.rate) })}
      table={
        <DataTable
          caption={t("profile.chart.agreement.title")}
          captionHidden
          dense
          columns={[
            { key: "round", header: t("profile.round"), cell: (r: Round) => t("profile.roundN", { n: r.round }) },
            { key: "rate", header: t("profile.chart.agreement.rate"), numeric: true, cell: (r) => f.percent(r.agreement.rate) },
            { key: "agreed", header: t("profile.chart.agreement.agreed"), numeric: true, cell: (r) => f.integer(r.agreement.agreed) },
            { key: "compared", header: t("profile.chart.agreement.compared"), numeric: true, cell: (r) => f.integer(r.agreement.compared) },
          ]}
          rows={stats.byRound}
          rowKey={(r) => String(r.round)}
          rowHeader="round"
        />
      }
    >
      <BarChart responsive style={CHART_STYLE} data={stats.byRound.map((r) => ({ round: r.round, ...r.agreement }))} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="round" {...AXIS} tickFormatter={(n: number) => t("profile.roundShort", { n })} />
        <YAxis {...AXIS} domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(v: number) => f.percent(v)} width={64} />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          isAnimationActive={false}
          content={(p) => {
            const r = p.active ? (p.payload?.[0]?.payload as { round: number; rate: number | null; agreed: number; compared: number } | undefined) : undefined;
            return r ? (
              <div style={TOOLTIP_STYLE} className="bg-white text-slate-800">
                <p className="mb-1 font-semibold">{t("profile.roundN", { n: r.round })}</p>
                <p>
                  {t("profile.chart.agreement.rate")}: <b className="tabular-nums">{f.percent(r.rate)}</b> ({f.integer(r.agreed)}/{f.integer(r.compared)})
                </p>
              </div>
            ) : null;
          }}
        />
        <Bar dataKey="rate" fill={AGREED_COLOR} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Per round number, the player's mean confidence in their own choice and in the consensus. */
export function ConfidenceByRoundChart({ stats }: { stats: UserStats }) {
  const t = useT();
  const f = useFormat();
  return (
    <ChartFrame
      testId="chart-confidence-by-round"
      headingLevel={2}
      title={t("profile.chart.confidence.title")}
      description={t("profile.chart.confidence.description")}
      summary={t("profile.chart.confidence.summary", { shift: f.signed(stats.confidence.shift) })}
      legend={
        <ChartLegend
          items={[
            { label: t("profile.chart.confidence.before"), color: BEFORE_COLOR },
            { label: t("profile.chart.confidence.after"), color: AFTER_COLOR },
          ]}
        />
      }
      table={
        <DataTable
          caption={t("profile.chart.confidence.title")}
          captionHidden
          dense
          columns={[
            { key: "round", header: t("profile.round"), cell: (r: Round) => t("profile.roundN", { n: r.round }) },
            { key: "before", header: t("profile.chart.confidence.before"), numeric: true, cell: (r) => f.decimal(r.confidence.before) },
            { key: "after", header: t("profile.chart.confidence.after"), numeric: true, cell: (r) => f.decimal(r.confidence.after) },
          ]}
          rows={stats.byRound}
          rowKey={(r) => String(r.round)}
          rowHeader="round"
        />
      }
    >
      <BarChart responsive style={CHART_STYLE} data={stats.byRound.map((r) => ({ round: r.round, before: r.confidence.before, after: r.confidence.after }))} margin={MARGIN} barGap={2} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="round" {...AXIS} tickFormatter={(n: number) => t("profile.roundShort", { n })} />
        <YAxis {...AXIS} domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} width={40} />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          isAnimationActive={false}
          content={(p) => {
            const r = p.active ? (p.payload?.[0]?.payload as { round: number; before: number | null; after: number | null } | undefined) : undefined;
            return r ? (
              <div style={TOOLTIP_STYLE} className="bg-white text-slate-800">
                <p className="mb-1 font-semibold">{t("profile.roundN", { n: r.round })}</p>
                <p>
                  {t("profile.chart.confidence.before")}: <b className="tabular-nums">{f.decimal(r.before)}</b>
                </p>
                <p>
                  {t("profile.chart.confidence.after")}: <b className="tabular-nums">{f.decimal(r.after)}</b>
                </p>
              </div>
            ) : null;
          }}
        />
        <Bar dataKey="before" fill={BEFORE_COLOR} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
        <Bar dataKey="after" fill={AFTER_COLOR} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
