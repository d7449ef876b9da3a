"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { DataTable } from "@/components/research/data-table";
import { ExportPanel } from "@/components/research/export-panel";
import { FilterFields } from "@/components/research/filter-fields";
import { LoadError } from "@/components/research/research-shell";
import { useFormat } from "@/components/research/use-format";
import { useLabels } from "@/components/research/use-labels";
import { useResource } from "@/components/research/use-resource";
import { useT } from "@/components/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import {
  activeFilterCount,
  cursorFromQuery,
  filtersFromQuery,
  filtersProblem,
  filtersQuery,
  listResearchRooms,
  type ResearchRoomListItem,
  type RoomFilters,
} from "@/lib/client/research-api";
import { PageHeader, Section } from "./page-header";
import { PhaseBadge } from "./phase-badge";

const PAGE_SIZE = 25;

/** /research/rooms: the rooms matching the filters in the URL, newest first, a page at a time. */
export function RoomsView() {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = filtersFromQuery(params);
  const cursor = cursorFromQuery(params);
  const applied = filtersQuery(filters);
  // The page before each page we moved forward to (cursor → previous cursor, "" for the first page).
  const [previousOf, setPreviousOf] = useState<Record<string, string>>({});
  const page = useResource(`rooms${filtersQuery(filters, { cursor })}`, (signal) => listResearchRooms(filters, cursor, PAGE_SIZE, signal));

  const go = (next: RoomFilters, nextCursor?: string) => router.push(`${pathname}${filtersQuery(next, { cursor: nextCursor })}`, { scroll: false });
  const pageNumber = (() => {
    let n = 1;
    for (let c = cursor; c && n < 1000; c = previousOf[c] || undefined) n++;
    return cursor && previousOf[cursor] === undefined ? null : n;
  })();

  return (
    <>
      <PageHeader title={t("research.rooms.title")}>
        <p>{t("research.rooms.subtitle")}</p>
      </PageHeader>

      <FiltersCard key={applied} initial={filters} onApply={(next) => go(next)} />

      <Section
        id="research-room-list"
        title={t("research.rooms.listTitle")}
        description={pageNumber ? t("research.rooms.page", { n: pageNumber }) : t("research.rooms.pageLater")}
        actions={page.isLoading && page.data ? <Spinner className="text-slate-400" /> : undefined}
      >
        {page.error !== undefined && !page.isLoading ? (
          <LoadError error={page.error} retry={page.reload} />
        ) : (
          <RoomTable rooms={page.data?.rooms} isLoading={page.isLoading && !page.data} hasFilters={activeFilterCount(filters) > 0} />
        )}
        <nav aria-label={t("research.rooms.paging")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <div className="flex gap-2">
            {cursor && (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  const prev = previousOf[cursor];
                  go(filters, prev || undefined);
                }}
              >
                {previousOf[cursor] === undefined ? t("research.rooms.first") : t("research.rooms.newer")}
              </Button>
            )}
          </div>
          {page.data?.nextCursor && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                const next = page.data!.nextCursor!;
                setPreviousOf((m) => ({ ...m, [next]: cursor ?? "" }));
                go(filters, next);
              }}
            >
              {t("research.rooms.older")}
            </Button>
          )}
        </nav>
      </Section>

      <Section id="research-rooms-export" title={t("research.export.sectionTitle")} description={t("research.export.sectionBodyRooms")}>
        <ExportPanel filters={filters} headingLevel={3} />
      </Section>
    </>
  );
}

function FiltersCard({ initial, onApply }: { initial: RoomFilters; onApply(next: RoomFilters): void }) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const problem = filtersProblem(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!problem) onApply(draft);
  };
  return (
    <Card as="section" aria-labelledby="research-filters" className="mt-6">
      <form onSubmit={submit} noValidate>
        <h2 id="research-filters" className="mb-4 text-base font-semibold text-slate-900">
          {t("research.filters.title")}
        </h2>
        <FilterFields value={draft} onChange={setDraft} error={problem === "range" ? t("research.filters.rangeError") : undefined} />
        <div className="mt-5 flex flex-wrap gap-2">
          <Button type="submit" disabled={problem !== null}>
            {t("research.filters.apply")}
          </Button>
          {(activeFilterCount(initial) > 0 || activeFilterCount(draft) > 0) && (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft({});
                onApply({});
              }}
            >
              {t("research.filters.reset")}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

function RoomTable({ rooms, isLoading, hasFilters }: { rooms: ResearchRoomListItem[] | undefined; isLoading: boolean; hasFilters: boolean }) {
  const t = useT();
  const f = useFormat();
  const labels = useLabels();
  return (
    <DataTable<ResearchRoomListItem>
      testId="room-table"
      caption={t("research.rooms.caption")}
      captionHidden
      rows={rooms ?? []}
      rowKey={(r) => r.id}
      rowHeader="code"
      empty={isLoading ? t("common.loading") : hasFilters ? t("research.rooms.emptyFiltered") : t("research.rooms.empty")}
      columns={[
        {
          key: "code",
          header: t("research.rooms.col.room"),
          cell: (r) => (
            <Link href={`/research/rooms/${r.code}`} className="font-mono font-semibold tracking-wider text-brand-700 underline-offset-4 hover:underline">
              {r.code}
            </Link>
          ),
        },
        { key: "scenario", header: t("research.rooms.col.scenario"), cell: (r) => <span className="block max-w-64 truncate" title={r.scenario.title}>{r.scenario.title}</span> },
        {
          key: "phase",
          header: t("research.rooms.col.status"),
          cell: (r) => (
            <span className="flex items-center gap-2">
              <PhaseBadge phase={r.phase} label={labels.phase(r.phase)} />
              {r.round > 0 && !r.completed && r.phase !== "ABANDONED" && <span className="text-xs text-slate-500">{t("research.rooms.roundOf", { n: r.round, total: r.totalRounds })}</span>}
            </span>
          ),
        },
        { key: "seats", header: t("research.rooms.col.seats"), numeric: true, cell: (r) => `${f.integer(r.seatsTaken)}/3` },
        { key: "created", header: t("research.rooms.col.created"), cell: (r) => f.dateTime(r.createdAt) },
        { key: "finished", header: t("research.rooms.col.finished"), cell: (r) => f.dateTime(r.finishedAt) },
        {
          key: "tags",
          header: t("research.rooms.col.tags"),
          cell: (r) => (
            <span className="flex flex-wrap gap-1">
              {r.isTest && <Badge tone="amber">{t("research.tag.test")}</Badge>}
              {r.isResearch && <Badge tone="brand">{t("research.tag.research")}</Badge>}
              {!r.isTest && !r.isResearch && <span className="text-slate-400">–</span>}
            </span>
          ),
        },
      ]}
    />
  );
}
