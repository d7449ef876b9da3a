"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import type { ResearchRoomDetail } from "@/lib/client/research-api";
import { useT } from "../i18n-provider";
import {
  AFTER_COLOR,
  AGREED_COLOR,
  BEFORE_COLOR,
  CREATED_COLOR,
  DIFFERED_COLOR,
  FINISHED_COLOR,
  MISSING_COLOR,
  OPTION_COLORS,
  PAUSED_COLOR,
  PHASE_COLORS,
  agreementRows,
  confidenceRows,
  distributionRows,
  formatDuration,
  optionCount,
  optionLetter,
  timelineRows,
  type ActivityRow,
  type TimelineRow,
} from "./chart-data";
import { ChartFrame, ChartLegend } from "./chart-frame";
import { DataTable } from "./data-table";
import { useFormat } from "./use-format";
import { useLabels } from "./use-labels";

// Shared look: quiet grid and axes, tabular tick labels, no animation on first paint of a dashboard.
const AXIS = { stroke: "#94a3b8", fontSize: 12, tickLine: false, axisLine: { stroke: "#e2e8f0" } } as const;
const GRID = { stroke: "#f1f5f9", vertical: false } as const;
const TOOLTIP_STYLE = { borderRadius: 12, border: "1px solid #e2e8f0", boxShadow: "0 4px 12px rgb(15 23 42 / 0.08)", fontSize: 13, padding: "8px 12px" } as const;
const CURSOR = { fill: "#f1f5f9" } as const;

function chartStyle(height: number) {
  return { width: "100%", height } as const;
}

/** A tooltip box: a heading and coloured rows. */
function TooltipBox({ title, rows }: { title: ReactNode; rows: { color: string; label: ReactNode; value: ReactNode }[] }) {
  return (
    <div style={TOOLTIP_STYLE} className="bg-white text-slate-800">
      <p className="mb-1 font-semibold">{title}</p>
      <ul className="flex flex-col gap-0.5">
        {rows.map((r, i) => (
          <li key={i} className="flex items-start gap-2">
            <span className="mt-1.5 size-2 shrink-0 rounded-sm" style={{ backgroundColor: r.color }} />
            <span className="max-w-64 min-w-0 flex-1">{r.label}</span>
            <span className="font-semibold tabular-nums">{r.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The data row under the pointer, from recharts' tooltip props. */
const rowOf = <Row,>(p: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> }): Row | undefined => (p.active ? (p.payload?.[0]?.payload as Row | undefined) : undefined);

// ---------------------------------------------------------------------------------------------

/** Rooms created and finished per day (the dashboard's last 14 days). */
export function ActivityChart({ rows }: { rows: ActivityRow[] }) {
  const t = useT();
  const f = useFormat();
  const created = rows.reduce((n, r) => n + r.created, 0);
  const finished = rows.reduce((n, r) => n + r.finished, 0);
  const first = rows[0]?.date;
  const last = rows.at(-1)?.date;
  return (
    <ChartFrame
      testId="chart-activity"
      headingLevel={2}
      title={t("research.activity.title")}
      description={t("research.activity.description", { days: rows.length })}
      summary={t("research.activity.summary", { created: f.integer(created), finished: f.integer(finished), from: f.dayLong(first), to: f.dayLong(last) })}
      legend={
        <ChartLegend
          items={[
            { label: t("research.activity.created"), color: CREATED_COLOR },
            { label: t("research.activity.finished"), color: FINISHED_COLOR },
          ]}
        />
      }
      table={
        <DataTable
          caption={t("research.activity.title")}
          captionHidden
          dense
          columns={[
            { key: "date", header: t("research.activity.date"), cell: (r: ActivityRow) => f.dayLong(r.date) },
            { key: "created", header: t("research.activity.created"), numeric: true, cell: (r) => f.integer(r.created) },
            { key: "finished", header: t("research.activity.finished"), numeric: true, cell: (r) => f.integer(r.finished) },
          ]}
          rows={rows}
          rowKey={(r) => r.date}
          rowHeader="date"
        />
      }
    >
      <BarChart responsive style={chartStyle(240)} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} barGap={2} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="date" {...AXIS} tickFormatter={(d: string) => f.day(d)} minTickGap={8} />
        <YAxis {...AXIS} allowDecimals={false} width={40} />
        <Tooltip
          cursor={CURSOR}
          isAnimationActive={false}
          content={(p) => {
            const r = rowOf<ActivityRow>(p);
            return r ? (
              <TooltipBox
                title={f.dayLong(r.date)}
                rows={[
                  { color: CREATED_COLOR, label: t("research.activity.created"), value: f.integer(r.created) },
                  { color: FINISHED_COLOR, label: t("research.activity.finished"), value: f.integer(r.finished) },
                ]}
              />
            ) : null;
          }}
        />
        <Bar dataKey="created" fill={CREATED_COLOR} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
        <Bar dataKey="finished" fill={FINISHED_COLOR} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------

/** Per round, the individual choices stacked by option, with no-answers on top. */
export function DistributionChart({ detail }: { detail: ResearchRoomDetail }) {
  const t = useT();
  const f = useFormat();
  const rows = distributionRows(detail);
  const width = optionCount(detail);
  const options = Array.from({ length: width }, (_, i) => i);
  const hasMissing = rows.some((r) => r.missing > 0);
  const unanimous = rows.filter((r) => options.some((i) => r[`o${i}`] > 0 && r[`o${i}`] === options.reduce((n, j) => n + r[`o${j}`], 0))).length;
  return (
    <ChartFrame
      testId="chart-distribution"
      title={t("research.chart.distribution.title")}
      description={t("research.chart.distribution.description")}
      summary={t("research.chart.distribution.summary", { unanimous: unanimous, rounds: rows.length })}
      legend={
        <ChartLegend
          items={[
            ...options.map((i) => ({ label: t("research.option", { letter: optionLetter(i) }), color: OPTION_COLORS[i % OPTION_COLORS.length]! })),
            ...(hasMissing ? [{ label: t("research.noAnswer"), color: MISSING_COLOR }] : []),
          ]}
        />
      }
      table={
        <DataTable
          caption={t("research.chart.distribution.title")}
          captionHidden
          dense
          columns={[
            { key: "round", header: t("research.round"), cell: (r: (typeof rows)[number]) => t("research.roundN", { n: r.round }) },
            ...options.map((i) => ({ key: `o${i}`, header: t("research.option", { letter: optionLetter(i) }), numeric: true, cell: (r: (typeof rows)[number]) => f.integer(r[`o${i}`]) })),
            { key: "missing", header: t("research.noAnswer"), numeric: true, cell: (r) => f.integer(r.missing) },
            { key: "consensus", header: t("research.consensus"), cell: (r) => (r.consensus === null ? t("research.consensus.none") : optionLetter(r.consensus)) },
          ]}
          rows={rows}
          rowKey={(r) => String(r.round)}
          rowHeader="round"
        />
      }
    >
      <BarChart responsive style={chartStyle(240)} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="round" {...AXIS} tickFormatter={(n: number) => t("research.roundShort", { n })} />
        <YAxis {...AXIS} allowDecimals={false} width={40} />
        <Tooltip
          cursor={CURSOR}
          isAnimationActive={false}
          content={(p) => {
            const r = rowOf<(typeof rows)[number]>(p);
            if (!r) return null;
            return (
              <TooltipBox
                title={t("research.roundN", { n: r.round })}
                rows={[
                  ...r.labels.map((label, i) => ({
                    color: OPTION_COLORS[i % OPTION_COLORS.length]!,
                    label: (
                      <>
                        <b>{optionLetter(i)}.</b> {label}
                        {r.consensus === i && <span className="ml-1 text-emerald-700">({t("research.consensus")})</span>}
                      </>
                    ),
                    value: f.integer(r[`o${i}`]),
                  })),
                  ...(r.missing ? [{ color: MISSING_COLOR, label: t("research.noAnswer"), value: f.integer(r.missing) }] : []),
                ]}
              />
            );
          }}
        />
        {options.map((i) => (
          <Bar key={i} dataKey={`o${i}`} stackId="choices" fill={OPTION_COLORS[i % OPTION_COLORS.length]} maxBarSize={48} isAnimationActive={false} />
        ))}
        <Bar dataKey="missing" stackId="choices" fill={MISSING_COLOR} maxBarSize={48} radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------

/** Per round, how many had already chosen the consensus alone, and how many moved to it. */
export function AgreementChart({ statistics }: { statistics: ResearchRoomDetail["statistics"] }) {
  const t = useT();
  const f = useFormat();
  const rows = agreementRows(statistics);
  type Row = (typeof rows)[number];
  const series = [
    { key: "agreed" as const, label: t("research.chart.agreement.agreed"), color: AGREED_COLOR },
    { key: "differed" as const, label: t("research.chart.agreement.differed"), color: DIFFERED_COLOR },
    { key: "unknown" as const, label: t("research.chart.agreement.unknown"), color: MISSING_COLOR },
  ];
  const moved = rows.reduce((n, r) => n + r.differed, 0);
  return (
    <ChartFrame
      testId="chart-agreement"
      title={t("research.chart.agreement.title")}
      description={t("research.chart.agreement.description")}
      summary={
        statistics.totals.agreementRate === null
          ? t("research.chart.agreement.summaryNone")
          : t("research.chart.agreement.summary", { rate: f.percent(statistics.totals.agreementRate), moved: f.integer(moved) })
      }
      legend={<ChartLegend items={series.map((s) => ({ label: s.label, color: s.color }))} />}
      table={
        <DataTable
          caption={t("research.chart.agreement.title")}
          captionHidden
          dense
          columns={[
            { key: "round", header: t("research.round"), cell: (r: Row) => t("research.roundN", { n: r.round }) },
            ...series.map((s) => ({ key: s.key, header: s.label, numeric: true, cell: (r: Row) => f.integer(r[s.key]) })),
            { key: "rate", header: t("research.chart.agreement.rate"), numeric: true, cell: (r) => f.percent(r.rate) },
          ]}
          rows={rows}
          rowKey={(r) => String(r.round)}
          rowHeader="round"
        />
      }
    >
      <BarChart responsive style={chartStyle(240)} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="round" {...AXIS} tickFormatter={(n: number) => t("research.roundShort", { n })} />
        <YAxis {...AXIS} allowDecimals={false} width={40} />
        <Tooltip
          cursor={CURSOR}
          isAnimationActive={false}
          content={(p) => {
            const r = rowOf<Row>(p);
            return r ? <TooltipBox title={t("research.roundN", { n: r.round })} rows={series.map((s) => ({ color: s.color, label: s.label, value: f.integer(r[s.key]) }))} /> : null;
          }}
        />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} stackId="agreement" fill={s.color} maxBarSize={48} radius={i === series.length - 1 ? [3, 3, 0, 0] : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------

/** Per round, mean confidence in one's own choice next to mean confidence in the consensus. */
export function ConfidenceChart({ statistics }: { statistics: ResearchRoomDetail["statistics"] }) {
  const t = useT();
  const f = useFormat();
  const rows = confidenceRows(statistics);
  type Row = (typeof rows)[number];
  const { meanConfidence, meanConsensusConfidence, meanConfidenceShift } = statistics.totals;
  return (
    <ChartFrame
      testId="chart-confidence"
      title={t("research.chart.confidence.title")}
      description={t("research.chart.confidence.description")}
      summary={
        meanConfidence === null || meanConsensusConfidence === null
          ? t("research.chart.confidence.summaryNone")
          : t("research.chart.confidence.summary", { before: f.decimal(meanConfidence), after: f.decimal(meanConsensusConfidence), shift: f.signed(meanConfidenceShift) })
      }
      legend={
        <ChartLegend
          items={[
            { label: t("research.chart.confidence.before"), color: BEFORE_COLOR },
            { label: t("research.chart.confidence.after"), color: AFTER_COLOR },
          ]}
        />
      }
      table={
        <DataTable
          caption={t("research.chart.confidence.title")}
          captionHidden
          dense
          columns={[
            { key: "round", header: t("research.round"), cell: (r: Row) => t("research.roundN", { n: r.round }) },
            { key: "before", header: t("research.chart.confidence.before"), numeric: true, cell: (r) => f.decimal(r.before) },
            { key: "after", header: t("research.chart.confidence.after"), numeric: true, cell: (r) => f.decimal(r.after) },
            { key: "shift", header: t("research.chart.confidence.shift"), numeric: true, cell: (r) => f.signed(r.shift) },
          ]}
          rows={rows}
          rowKey={(r) => String(r.round)}
          rowHeader="round"
        />
      }
    >
      <BarChart responsive style={chartStyle(240)} data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -16 }} barGap={3} accessibilityLayer={false}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="round" {...AXIS} tickFormatter={(n: number) => t("research.roundShort", { n })} />
        <YAxis {...AXIS} domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} width={40} />
        <Tooltip
          cursor={CURSOR}
          isAnimationActive={false}
          content={(p) => {
            const r = rowOf<Row>(p);
            return r ? (
              <TooltipBox
                title={t("research.roundN", { n: r.round })}
                rows={[
                  { color: BEFORE_COLOR, label: t("research.chart.confidence.before"), value: f.decimal(r.before) },
                  { color: AFTER_COLOR, label: t("research.chart.confidence.after"), value: f.decimal(r.after) },
                ]}
              />
            ) : null;
          }}
        />
        <Bar dataKey="before" fill={BEFORE_COLOR} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
        <Bar dataKey="after" fill={AFTER_COLOR} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

// ---------------------------------------------------------------------------------------------

/** Every phase the room went through, in order, as a bar as long as it was played, with its paused time in grey after it. */
export function TimelineChart({ timeline, className }: { timeline: ResearchRoomDetail["timeline"]; className?: string }) {
  const t = useT();
  const f = useFormat();
  const rows = timelineRows(timeline);
  const phaseName = useLabels().phase;
  const label = (r: TimelineRow) => (r.round > 0 ? `${t("research.roundShort", { n: r.round })} · ${phaseName(r.phase)}` : phaseName(r.phase));
  const labelOfKey = new Map(rows.map((r) => [r.key, label(r)]));
  const total = rows.reduce((n, r) => n + r.seconds, 0);
  const paused = rows.reduce((n, r) => n + r.paused, 0);
  const kinds = [...new Set(rows.map((r) => r.phase))];
  return (
    <ChartFrame
      testId="chart-timeline"
      className={className}
      title={t("research.chart.timeline.title")}
      description={t("research.chart.timeline.description")}
      summary={
        !rows.length
          ? t("research.chart.timeline.empty")
          : paused > 0
            ? t("research.chart.timeline.summaryPaused", { n: rows.length, total: formatDuration(total), paused: formatDuration(paused) })
            : t("research.chart.timeline.summary", { n: rows.length, total: formatDuration(total) })
      }
      legend={
        <ChartLegend
          items={[...kinds.map((k) => ({ label: phaseName(k), color: PHASE_COLORS[k] ?? MISSING_COLOR })), ...(paused > 0 ? [{ label: t("research.timeline.paused"), color: PAUSED_COLOR }] : [])]}
        />
      }
      table={
        <DataTable
          caption={t("research.chart.timeline.title")}
          captionHidden
          dense
          columns={[
            { key: "phase", header: t("research.timeline.phase"), cell: (r: TimelineRow) => label(r) },
            { key: "entered", header: t("research.timeline.entered"), cell: (r) => f.time(r.enteredAt) },
            { key: "duration", header: t("research.timeline.duration"), numeric: true, cell: (r) => formatDuration(r.seconds) },
            { key: "paused", header: t("research.timeline.paused"), numeric: true, cell: (r) => (r.paused > 0 ? formatDuration(r.paused) : "–") },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
          rowHeader="phase"
          empty={t("research.chart.timeline.empty")}
        />
      }
    >
      <BarChart
        responsive
        layout="vertical"
        style={chartStyle(Math.max(120, rows.length * 24 + 32))}
        data={rows}
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        barCategoryGap={3}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#f1f5f9" horizontal={false} />
        <XAxis type="number" {...AXIS} allowDecimals={false} tickFormatter={(s: number) => formatDuration(s)} />
        <YAxis type="category" dataKey="key" {...AXIS} width={150} interval={0} tickFormatter={(key: string) => labelOfKey.get(key) ?? ""} />
        <Tooltip
          cursor={CURSOR}
          isAnimationActive={false}
          content={(p) => {
            const r = rowOf<TimelineRow>(p);
            if (!r) return null;
            const played = { color: PHASE_COLORS[r.phase] ?? MISSING_COLOR, label: f.time(r.enteredAt), value: formatDuration(r.seconds) };
            return <TooltipBox title={label(r)} rows={r.paused > 0 ? [played, { color: PAUSED_COLOR, label: t("research.timeline.paused"), value: formatDuration(r.paused) }] : [played]} />;
          }}
        />
        <Bar dataKey="seconds" stackId="time" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.key} fill={PHASE_COLORS[r.phase] ?? MISSING_COLOR} />
          ))}
        </Bar>
        <Bar dataKey="paused" stackId="time" fill={PAUSED_COLOR} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
