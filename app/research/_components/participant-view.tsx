"use client";

import Link from "next/link";
import { formatDuration, optionLetter, participantTotals } from "@/components/research/chart-data";
import { DataTable } from "@/components/research/data-table";
import { LoadError, Loading } from "@/components/research/research-shell";
import { StatCard } from "@/components/research/stat-card";
import { useFormat } from "@/components/research/use-format";
import { useLabels } from "@/components/research/use-labels";
import { useResource } from "@/components/research/use-resource";
import { useT } from "@/components/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getResearchParticipant, type ResearchParticipant, type ResearchParticipantGame } from "@/lib/client/research-api";
import { PageHeader, Section } from "./page-header";
import { PhaseBadge } from "./phase-badge";

/** /research/participants/[code]: one participant's games, oldest first. */
export function ParticipantView({ code }: { code: string }) {
  const t = useT();
  const person = useResource(`participant:${code}`, (signal) => getResearchParticipant(code, signal));
  return (
    <>
      <Link href="/research/rooms" className="mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900">
        <span aria-hidden="true">←</span> {t("research.room.back")}
      </Link>
      {person.data ? (
        <Participant person={person.data} />
      ) : person.error !== undefined ? (
        <div className="mt-6">
          <LoadError error={person.error} retry={person.reload} notFound={t("research.participant.notFound", { code: code.toUpperCase() })} />
        </div>
      ) : (
        <Loading />
      )}
    </>
  );
}

function Participant({ person }: { person: ResearchParticipant }) {
  const t = useT();
  const f = useFormat();
  const totals = participantTotals(person.games);
  return (
    <>
      <PageHeader eyebrow={t("research.participant.eyebrow")} title={<span className="font-mono tracking-wide">{person.participantCode}</span>}>
        <p>{t("research.participant.subtitle")}</p>
      </PageHeader>

      <section aria-labelledby="participant-totals" className="mt-6">
        <h2 id="participant-totals" className="sr-only">
          {t("research.room.totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard label={t("research.participant.games")} value={f.integer(totals.games)} hint={t("research.participant.gamesHint", { n: f.integer(totals.completed) })} />
          <StatCard label={t("research.participant.rounds")} value={f.integer(totals.rounds)} />
          <StatCard label={t("research.participant.agreement")} value={f.percent(totals.agreementRate)} hint={t("research.participant.agreementHint")} />
          <StatCard label={t("research.room.stat.confidence")} value={`${f.decimal(totals.meanConfidence)} → ${f.decimal(totals.meanConsensusConfidence)}`} hint={t("research.room.stat.confidenceHint")} />
        </dl>
      </section>

      <Section id="participant-games" title={t("research.participant.gamesTitle")}>
        {person.games.length === 0 ? (
          <p className="rounded-2xl bg-white p-6 text-slate-600 ring-1 ring-slate-200/80">{t("research.participant.noGames")}</p>
        ) : (
          <div className="flex flex-col gap-4">
            {person.games.map((g) => (
              <GameCard key={g.roomId} game={g} />
            ))}
          </div>
        )}
      </Section>
    </>
  );
}

function GameCard({ game }: { game: ResearchParticipantGame }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  type Row = ResearchParticipantGame["rounds"][number];
  const choice = (index: number | null, label: string | null) =>
    index === null ? (
      <span className="text-slate-400">{t("research.noAnswer")}</span>
    ) : (
      <span title={label ?? undefined}>
        <b>{optionLetter(index)}</b>
      </span>
    );
  return (
    <Card as="article" aria-labelledby={`game-${game.roomId}`} data-testid="participant-game">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 id={`game-${game.roomId}`} className="flex flex-wrap items-center gap-2 text-base font-bold text-slate-900">
            <Link href={`/research/rooms/${game.roomCode}`} className="font-mono tracking-wider text-brand-700 underline-offset-4 hover:underline">
              {t("research.room.title", { code: game.roomCode })}
            </Link>
            <PhaseBadge phase={game.phase} label={labels.phase(game.phase)} />
            {game.isTest && <Badge tone="amber">{t("research.tag.test")}</Badge>}
          </h3>
          <p className="mt-1 text-sm text-slate-700">{game.scenario.title}</p>
        </div>
        <dl className="shrink-0 text-sm sm:text-right">
          <div className="flex gap-1.5 sm:justify-end">
            <dt className="text-slate-500">{t("research.room.col.role")}</dt>
            <dd className="font-medium text-slate-800">{game.roleName ?? "–"}</dd>
          </div>
          <div className="flex gap-1.5 sm:justify-end">
            <dt className="text-slate-500">{t("research.room.created")}</dt>
            <dd className="text-slate-800">{f.dateTime(game.createdAt)}</dd>
          </div>
        </dl>
      </div>
      <DataTable<Row>
        className="mt-4"
        caption={t("research.participant.roundsCaption", { code: game.roomCode })}
        captionHidden
        dense
        rows={game.rounds}
        rowKey={(r) => String(r.round)}
        rowHeader="round"
        empty={t("research.round.noChoices")}
        columns={[
          { key: "round", header: t("research.round"), cell: (r) => t("research.roundN", { n: r.round }) },
          { key: "choice", header: t("research.round.col.choice"), cell: (r) => choice(r.choice, r.choiceLabel) },
          { key: "confidence", header: t("research.round.col.confidence"), numeric: true, cell: (r) => f.integer(r.confidence) },
          { key: "consensus", header: t("research.consensus"), cell: (r) => (r.consensus === null ? <span className="text-slate-400">{t("research.consensus.none")}</span> : choice(r.consensus, r.consensusLabel)) },
          { key: "consensusConfidence", header: t("research.round.col.consensusConfidence"), numeric: true, cell: (r) => f.integer(r.consensusConfidence) },
          {
            key: "agreed",
            header: t("research.round.col.agreed"),
            cell: (r) =>
              r.choice === null || r.consensus === null ? (
                <span className="text-slate-400">–</span>
              ) : r.choice === r.consensus ? (
                <span className="font-medium text-emerald-700">{t("research.round.yes")}</span>
              ) : (
                <span className="text-amber-700">{t("research.round.no")}</span>
              ),
          },
          { key: "time", header: t("research.round.col.time"), numeric: true, cell: (r) => formatDuration(r.timeToChooseSeconds) },
        ]}
      />
    </Card>
  );
}
