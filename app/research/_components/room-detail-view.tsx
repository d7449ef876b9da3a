"use client";

import Link from "next/link";
import { formerParticipants, formatDuration, optionLetter } from "@/components/research/chart-data";
import { AgreementChart, ConfidenceChart, DistributionChart, TimelineChart } from "@/components/research/charts";
import { DataTable } from "@/components/research/data-table";
import { LoadError, Loading } from "@/components/research/research-shell";
import { StatCard } from "@/components/research/stat-card";
import { useFormat } from "@/components/research/use-format";
import { useLabels } from "@/components/research/use-labels";
import { useResource } from "@/components/research/use-resource";
import { useT } from "@/components/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getResearchRoom, recordingUrl, type ResearchRoomDetail, type ResearchRound } from "@/lib/client/research-api";
import { PageHeader, Section } from "./page-header";
import { ParticipantLink } from "./participant-link";
import { PhaseBadge } from "./phase-badge";

/** /research/rooms/[id]: one room in full, under participant codes. */
export function RoomDetailView({ idOrCode }: { idOrCode: string }) {
  const t = useT();
  const room = useResource(`room:${idOrCode}`, (signal) => getResearchRoom(idOrCode, signal));
  return (
    <>
      <BackLink />
      {room.data ? (
        <RoomDetail room={room.data} />
      ) : room.error !== undefined ? (
        <div className="mt-6">
          <LoadError error={room.error} retry={room.reload} notFound={t("research.room.notFound", { ref: idOrCode })} />
        </div>
      ) : (
        <Loading />
      )}
    </>
  );
}

function BackLink() {
  const t = useT();
  return (
    <Link href="/research/rooms" className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
      <span aria-hidden="true">←</span> {t("research.room.back")}
    </Link>
  );
}

function RoomDetail({ room }: { room: ResearchRoomDetail }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  const totals = room.statistics.totals;
  const roleOf = new Map(room.participants.map((p) => [p.participantCode, p.roleName]));
  const former = formerParticipants(room);
  const hasRounds = room.rounds.length > 0;

  return (
    <>
      <PageHeader eyebrow={room.scenario.title} title={t("research.room.title", { code: room.code })}>
        <div className="flex flex-wrap items-center gap-2">
          <PhaseBadge phase={room.phase} label={labels.phase(room.phase)} />
          {room.isTest && <Badge tone="amber">{t("research.tag.test")}</Badge>}
          {room.isResearch && <Badge tone="brand">{t("research.tag.research")}</Badge>}
          <Badge>{room.visibility === "public" ? t("research.tag.public") : t("research.tag.private")}</Badge>
          <Badge>{room.scenario.locale.toUpperCase()}</Badge>
        </div>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          <Meta label={t("research.room.created")} value={f.dateTime(room.createdAt)} />
          <Meta label={t("research.room.started")} value={f.dateTime(room.startedAt)} />
          <Meta label={t("research.room.finished")} value={f.dateTime(room.finishedAt)} />
        </dl>
      </PageHeader>

      <section aria-labelledby="room-totals" className="mt-6">
        <h2 id="room-totals" className="sr-only">
          {t("research.room.totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard label={t("research.room.stat.consensus")} value={`${f.integer(totals.consensusReached)}/${f.integer(totals.rounds)}`} hint={t("research.room.stat.consensusHint", { total: f.integer(room.totalRounds) })} />
          <StatCard label={t("research.room.stat.agreement")} value={f.percent(totals.agreementRate)} hint={t("research.room.stat.agreementHint")} />
          <StatCard label={t("research.room.stat.confidence")} value={`${f.decimal(totals.meanConfidence)} → ${f.decimal(totals.meanConsensusConfidence)}`} hint={t("research.room.stat.confidenceHint")} />
          <StatCard label={t("research.room.stat.shift")} value={f.signed(totals.meanConfidenceShift)} hint={t("research.room.stat.shiftHint")} />
        </dl>
      </section>

      <Section id="room-seats" title={t("research.room.seats")} description={t("research.room.seatsBody")}>
        <DataTable
          testId="seat-table"
          caption={t("research.room.seats")}
          captionHidden
          rows={room.seats}
          rowKey={(s) => String(s.seat)}
          rowHeader="seat"
          columns={[
            { key: "seat", header: t("research.room.col.seat"), cell: (s) => t("research.room.seatN", { n: s.seat + 1 }) },
            { key: "role", header: t("research.room.col.role"), cell: (s) => s.role?.name ?? <span className="text-slate-400">{t("research.room.noRole")}</span> },
            {
              key: "participant",
              header: t("research.room.col.participant"),
              cell: (s) =>
                s.participantCode ? (
                  <ParticipantLink code={s.participantCode} />
                ) : (
                  <span className="text-slate-500">{s.isWithdrawn ? t("research.room.withdrawn") : s.hasDataConsent === false ? t("research.room.noConsent") : t("research.room.emptySeat")}</span>
                ),
            },
          ]}
        />
        {former.length > 0 && (
          <p className="mt-3 text-sm text-slate-600">
            {t("research.room.former")}{" "}
            {former.map((p, i) => (
              <span key={p.participantCode}>
                {i > 0 && ", "}
                <ParticipantLink code={p.participantCode} />
                {p.roleName && ` (${p.roleName})`}
              </span>
            ))}
          </p>
        )}
      </Section>

      {hasRounds ? (
        <Section id="room-charts" title={t("research.room.charts")} description={t("research.room.chartsBody")}>
          <div className="grid gap-4 lg:grid-cols-3">
            <DistributionChart detail={room} />
            <AgreementChart statistics={room.statistics} />
            <ConfidenceChart statistics={room.statistics} />
            <TimelineChart timeline={room.timeline} className="lg:col-span-3" />
          </div>
        </Section>
      ) : (
        <Section id="room-charts" title={t("research.room.timeline")}>
          <TimelineChart timeline={room.timeline} />
        </Section>
      )}

      <Section id="room-rounds" title={t("research.room.rounds")} description={t("research.room.roundsBody")}>
        {hasRounds ? (
          <div className="flex flex-col gap-4">
            {room.rounds.map((r) => (
              <RoundCard key={r.round} round={r} roleOf={roleOf} stats={room.statistics.rounds.find((s) => s.round === r.round)} />
            ))}
          </div>
        ) : (
          <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.room.noRounds")}</p>
        )}
      </Section>

      {/* What was typed and what was said, side by side on wide screens. */}
      <div className="grid gap-x-6 lg:grid-cols-2">
        <Section id="room-chat" title={t("research.room.chat")} description={t("research.room.chatBody", { n: f.integer(room.chat.length) })}>
          <ChatLog chat={room.chat} />
        </Section>
        <Section id="room-transcripts" title={t("research.room.transcripts")} description={t("research.room.transcriptsBody")}>
          <Transcripts recordings={room.recordings} />
        </Section>
      </div>

      <Section id="room-recordings" title={t("research.room.recordings")}>
        <Recordings recordings={room.recordings} roleOf={roleOf} />
      </Section>
    </>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800">{value}</dd>
    </div>
  );
}

function RoundCard({ round, roleOf, stats }: { round: ResearchRound; roleOf: Map<string, string | null>; stats: ResearchRoomDetail["statistics"]["rounds"][number] | undefined }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  const consensusConfidenceOf = new Map(round.consensusConfidences.map((c) => [c.participantCode, c]));
  const playerOf = new Map((stats?.players ?? []).map((p) => [p.participantCode, p]));
  const consensus = round.consensus;
  const rows = round.choices;
  const headingId = `round-${round.round}-title`;

  return (
    <Card as="article" aria-labelledby={headingId} data-testid={`round-${round.round}`}>
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <h3 id={headingId} className="text-base font-bold text-slate-900">
            {t("research.roundN", { n: round.round })}
          </h3>
          {round.question && <p className="mt-1 leading-relaxed text-slate-700">{round.question}</p>}
        </div>
      </div>
      <ol className="mt-3 grid gap-1.5 text-sm sm:grid-cols-2">
        {round.options.map((o) => {
          const isGroup = consensus?.choice === o.index;
          return (
            <li key={o.index} className={cn("flex gap-2 rounded-lg px-3 py-2 ring-1 ring-inset", isGroup ? "bg-emerald-50 ring-emerald-200" : "bg-slate-50 ring-slate-200/70")}>
              <span className="font-semibold text-slate-900">{optionLetter(o.index)}.</span>
              <span className="min-w-0 flex-1 text-slate-800">{o.label}</span>
              {isGroup && <span className="shrink-0 text-xs font-semibold text-emerald-800">{t("research.consensus")}</span>}
            </li>
          );
        })}
      </ol>
      <p className="mt-3 text-sm text-slate-700" data-testid={`round-${round.round}-consensus`}>
        {consensus && consensus.choice !== null ? (
          <>
            <span className="font-semibold">{t("research.round.consensus")}</span> {optionLetter(consensus.choice)}. {consensus.label}
            {consensus.proposerCode && (
              <span className="text-slate-500">
                {" · "}
                {t("research.round.proposedBy")} <ParticipantLink code={consensus.proposerCode} />
              </span>
            )}
            {consensus.reachedAt && <span className="text-slate-500"> · {f.time(consensus.reachedAt)}</span>}
          </>
        ) : (
          <>
            <span className="font-semibold">{t("research.round.consensus")}</span> {t("research.consensus.none")}
            {consensus && <span className="text-slate-500"> ({labels.consensusStatus(consensus.status)})</span>}
          </>
        )}
      </p>
      <DataTable
        className="mt-4"
        testId={`round-${round.round}-table`}
        caption={t("research.round.caption", { n: round.round })}
        captionHidden
        dense
        rows={rows}
        rowKey={(c) => c.participantCode}
        rowHeader="participant"
        empty={t("research.round.noChoices")}
        columns={[
          { key: "participant", header: t("research.room.col.participant"), cell: (c) => <ParticipantLink code={c.participantCode} /> },
          { key: "role", header: t("research.room.col.role"), cell: (c) => roleOf.get(c.participantCode) ?? "–" },
          {
            key: "choice",
            header: t("research.round.col.choice"),
            cell: (c) =>
              c.choice === null ? (
                <span className="text-slate-400">{t("research.noAnswer")}</span>
              ) : (
                <span title={c.choiceLabel ?? undefined} className="font-semibold">
                  {optionLetter(c.choice)}
                </span>
              ),
          },
          { key: "confidence", header: t("research.round.col.confidence"), numeric: true, cell: (c) => f.integer(c.confidence) },
          { key: "consensusConfidence", header: t("research.round.col.consensusConfidence"), numeric: true, cell: (c) => f.integer(consensusConfidenceOf.get(c.participantCode)?.confidence) },
          { key: "shift", header: t("research.round.col.shift"), numeric: true, cell: (c) => f.signed(playerOf.get(c.participantCode)?.confidenceShift) },
          {
            key: "agreed",
            header: t("research.round.col.agreed"),
            cell: (c) => {
              const agreed = playerOf.get(c.participantCode)?.agreedWithConsensus;
              if (agreed === null || agreed === undefined) return <span className="text-slate-400">–</span>;
              return agreed ? <span className="font-medium text-emerald-700">{t("research.round.yes")}</span> : <span className="text-amber-700">{t("research.round.no")}</span>;
            },
          },
          { key: "time", header: t("research.round.col.time"), numeric: true, cell: (c) => formatDuration(c.timeToChooseSeconds) },
        ]}
      />
    </Card>
  );
}

function ChatLog({ chat }: { chat: ResearchRoomDetail["chat"] }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  if (chat.length === 0) return <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.room.chatEmpty")}</p>;
  return (
    <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto" data-testid="chat-log" tabIndex={0} aria-label={t("research.room.chat")}>
        {chat.map((m, i) => (
          <li key={i} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4 sm:px-5">
            <div className="flex shrink-0 flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-500 sm:w-56">
              <time dateTime={m.at} className="tabular-nums">
                {f.time(m.at)}
              </time>
              <span>{m.round > 0 ? `${t("research.roundShort", { n: m.round })} · ${labels.phase(m.phase)}` : labels.phase(m.phase)}</span>
            </div>
            <div className="min-w-0 flex-1">
              <ParticipantLink code={m.participantCode} className="text-xs" />
              <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-800">
                {m.text}
                {m.isMasked && (
                  <Badge tone="amber" className="ml-2 align-middle">
                    {t("research.room.masked")}
                  </Badge>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Transcripts({ recordings }: { recordings: ResearchRoomDetail["recordings"] }) {
  const t = useT();
  const f = useFormat();
  if (recordings.length === 0) return <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.room.transcriptsEmpty")}</p>;
  return (
    <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <ol className="max-h-[28rem] divide-y divide-slate-100 overflow-y-auto" data-testid="transcripts" tabIndex={0} aria-label={t("research.room.transcripts")}>
        {recordings.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 px-4 py-3 sm:px-5" data-status={r.transcript.status}>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-500">
              <span className="font-semibold text-slate-700">{t("research.roundN", { n: r.round })}</span>
              <ParticipantLink code={r.participantCode} className="text-xs" />
              {r.roleName && <span>({r.roleName})</span>}
              <time dateTime={r.startedAt} className="tabular-nums">
                {f.time(r.startedAt)}
              </time>
            </div>
            {r.transcript.status === "done" ? (
              <p className="text-sm whitespace-pre-wrap text-slate-800" lang={r.transcript.language ?? undefined}>
                {r.transcript.text || <span className="text-slate-500 italic">{t("research.room.transcript.empty")}</span>}
              </p>
            ) : (
              <p className="text-sm text-slate-600" title={r.transcript.note ?? undefined}>
                <Badge tone={r.transcript.status === "not_configured" ? "neutral" : "amber"} className="mr-2 align-middle">
                  {t(`research.room.transcript.${r.transcript.status}`)}
                </Badge>
                <span className="text-xs">{r.transcript.note}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Recordings({ recordings, roleOf }: { recordings: ResearchRoomDetail["recordings"]; roleOf: Map<string, string | null> }) {
  const t = useT();
  const f = useFormat();
  if (recordings.length === 0) return <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.room.recordingsEmpty")}</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2" data-testid="recordings">
      {recordings.map((r) => (
        <li key={r.id}>
          <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80">
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="font-semibold text-slate-900">
                {t("research.roundN", { n: r.round })} · <ParticipantLink code={r.participantCode} />
                {roleOf.get(r.participantCode) && <span className="font-normal text-slate-600"> ({roleOf.get(r.participantCode)})</span>}
              </span>
              <span className="text-xs text-slate-500 tabular-nums">
                {formatDuration(r.durationMs / 1000)} · {f.bytes(r.sizeBytes)}
              </span>
            </div>
            <audio
              controls
              preload="none"
              src={recordingUrl(r.id)}
              className="mt-3 w-full"
              aria-label={t("research.room.recordingLabel", { round: r.round, code: r.participantCode })}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
