"use client";

import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { facilitatorErrorKey } from "@/components/facilitator/errors";
import { SparkIcon } from "@/components/facilitator/fields";
import { FacilitatorFrame } from "@/components/facilitator/frame";
import { RoleGate } from "@/components/facilitator/role-gate";
import { useAiStatus } from "@/components/facilitator/use-ai-status";
import { useLocale, useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { MessageKey } from "@/lib/i18n/messages";
import { deleteGame, duplicateGame, listGames, setPublished, type CustomGameView } from "@/lib/client/facilitator-api";
import { DraftsPanel } from "./drafts-panel";
import { ScenarioLibrary } from "./scenario-library";

type GamesState = { status: "loading" } | { status: "error" } | { status: "ready"; games: CustomGameView[] };

export function GamesDashboard() {
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath="/facilitator" titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {(me) => <Dashboard userId={me.id} />}
    </RoleGate>
  );
}

function Dashboard({ userId }: { userId: string }) {
  const t = useT();
  const ai = useAiStatus();
  const [state, setState] = useState<GamesState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listGames(controller.signal).then(
      (games) => setState({ status: "ready", games }),
      () => !controller.signal.aborted && setState({ status: "error" }),
    );
    return () => controller.abort();
  }, [attempt]);

  const replace = useCallback((game: CustomGameView) => {
    setState((s) => (s.status === "ready" ? { status: "ready", games: s.games.map((g) => (g.code === game.code ? game : g)) } : s));
  }, []);
  const add = useCallback((game: CustomGameView) => {
    setState((s) => (s.status === "ready" ? { status: "ready", games: [game, ...s.games] } : s));
  }, []);
  const remove = useCallback((code: string) => {
    setState((s) => (s.status === "ready" ? { status: "ready", games: s.games.filter((g) => g.code !== code) } : s));
  }, []);

  const aiOff = ai !== null && !ai.enabled;
  const actions = (
    <>
      {ai?.enabled ? (
        <Link href="/facilitator/games/new?ai=1" className={buttonClass({ variant: "secondary" })}>
          <SparkIcon />
          {t("facilitator.dashboard.aiDraft")}
        </Link>
      ) : (
        <Button variant="secondary" disabled aria-describedby={aiOff ? "ai-off-note" : undefined}>
          <SparkIcon />
          {t("facilitator.dashboard.aiDraft")}
        </Button>
      )}
      <Link href="/facilitator/games/new" className={buttonClass()}>
        {t("facilitator.dashboard.newGame")}
      </Link>
    </>
  );

  return (
    <FacilitatorFrame title={t("facilitator.dashboard.title")} description={t("facilitator.dashboard.intro")} actions={actions}>
      {aiOff && (
        <p id="ai-off-note" className="-mt-2 mb-5 flex items-center gap-2 text-sm text-slate-500">
          <span aria-hidden="true" className="size-2 rounded-full bg-slate-300" />
          {t("facilitator.ai.offNote")}
        </p>
      )}
      <Alert tone="success" className="mb-5">
        {notice}
      </Alert>
      <DraftsPanel userId={userId} onNotice={setNotice} />
      {state.status === "loading" && <LoadingGames />}
      {state.status === "error" && (
        <div className="flex flex-col items-start gap-3">
          <Alert className="w-full">{t("facilitator.dashboard.loadError")}</Alert>
          <Button variant="secondary" onClick={() => (setState({ status: "loading" }), setAttempt((a) => a + 1))}>
            {t("common.retry")}
          </Button>
        </div>
      )}
      {state.status === "ready" && state.games.length === 0 && <EmptyGames />}
      {state.status === "ready" && state.games.length > 0 && (
        <ul className="flex flex-col gap-4" aria-label={t("facilitator.dashboard.listLabel")}>
          {state.games.map((g) => (
            <GameCard key={g.code} game={g} onChange={replace} onDuplicate={add} onDelete={remove} onNotice={setNotice} />
          ))}
        </ul>
      )}
      <ScenarioLibrary onCopied={add} />
    </FacilitatorFrame>
  );
}

/** Placeholder cards while the list loads. */
function LoadingGames() {
  const t = useT();
  return (
    <div className="flex flex-col gap-4" role="status">
      <span className="sr-only">{t("common.loading")}</span>
      {[0, 1].map((i) => (
        <div key={i} aria-hidden="true" className="h-40 animate-pulse rounded-2xl bg-white ring-1 ring-slate-200/80" />
      ))}
    </div>
  );
}

function EmptyGames() {
  const t = useT();
  return (
    <Card className="flex flex-col items-center py-12 text-center">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-2xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 4h9l3 3v13H6z" />
          <path d="M9 11h6M9 15h4" />
        </svg>
      </span>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">{t("facilitator.dashboard.emptyTitle")}</h2>
      <p className="mt-1 max-w-md text-sm text-slate-600">{t("facilitator.dashboard.emptyBody")}</p>
      <Link href="/facilitator/games/new" className={buttonClass({ className: "mt-6" })}>
        {t("facilitator.dashboard.newGame")}
      </Link>
    </Card>
  );
}

function GameCard({
  game,
  onChange,
  onDuplicate,
  onDelete,
  onNotice,
}: {
  game: CustomGameView;
  onChange(game: CustomGameView): void;
  onDuplicate(game: CustomGameView): void;
  onDelete(code: string): void;
  onNotice(text: string | null): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<"publish" | "duplicate" | "delete" | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(game.updatedAt));
  const titleId = `game-${game.code}-title`;

  async function run(kind: "publish" | "duplicate" | "delete", fn: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    onNotice(null);
    try {
      await fn();
    } catch (e) {
      setError(kind === "delete" && facilitatorErrorKey(e) === "facilitator.error.CONFLICT" ? "facilitator.dashboard.deleteInUse" : facilitatorErrorKey(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li data-testid={`game-${game.code}`}>
      <Card as="article" aria-labelledby={titleId} className="flex flex-col gap-4">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-balance text-slate-900">
              {game.content.title}
            </h2>
            {game.content.summary && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{game.content.summary}</p>}
          </div>
          <Badge tone={game.isPublished ? "brand" : "neutral"} className="self-start">
            {game.isPublished ? t("facilitator.game.published") : t("facilitator.game.unpublished")}
          </Badge>
        </div>

        <dl className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          <Meta label={t("facilitator.game.code")}>
            <span className="font-mono font-semibold tracking-wider text-slate-900" data-testid="game-code">
              {game.code}
            </span>
          </Meta>
          <Meta label={t("facilitator.game.language")}>{t(game.locale === "ko" ? "facilitator.locale.ko" : "facilitator.locale.en")}</Meta>
          <Meta label={t("facilitator.game.revision")}>{game.revision}</Meta>
          <Meta label={t("facilitator.game.rounds")}>{game.content.rounds.length}</Meta>
          <Meta label={t("facilitator.game.roomsPlayed")}>{game.roomsPlayed}</Meta>
          <Meta label={t("facilitator.game.updated")}>{date}</Meta>
        </dl>

        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4">
          <Link href={`/facilitator/games/${game.code}/rooms`} className={buttonClass({ size: "sm" })}>
            {t("facilitator.game.openRooms")}
            <span className="sr-only"> – {game.content.title}</span>
          </Link>
          <Link href={`/facilitator/games/${game.code}`} className={buttonClass({ size: "sm", variant: "secondary" })}>
            {t("facilitator.game.edit")}
            <span className="sr-only"> – {game.content.title}</span>
          </Link>
          <Link href={`/facilitator/games/${game.code}?view=preview`} className={buttonClass({ size: "sm", variant: "secondary" })}>
            {t("facilitator.game.preview")}
            <span className="sr-only"> – {game.content.title}</span>
          </Link>
          <Button
            size="sm"
            variant="ghost"
            isLoading={busy === "duplicate"}
            disabled={busy !== null}
            onClick={() =>
              void run("duplicate", async () => {
                const copy = await duplicateGame(game.code);
                onDuplicate(copy);
                onNotice(t("facilitator.dashboard.duplicated", { title: copy.content.title }));
              })
            }
          >
            {t("facilitator.game.duplicate")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            isLoading={busy === "publish"}
            disabled={busy !== null}
            onClick={() =>
              void run("publish", async () => {
                const next = await setPublished(game.code, !game.isPublished);
                onChange(next);
                onNotice(t(next.isPublished ? "facilitator.dashboard.publishedNotice" : "facilitator.dashboard.unpublishedNotice", { title: next.content.title }));
              })
            }
          >
            {game.isPublished ? t("facilitator.game.unpublish") : t("facilitator.game.publish")}
          </Button>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => setIsConfirmingDelete(true)}
            className="ml-auto inline-flex h-9 items-center rounded-xl px-3 text-sm font-semibold text-red-700 transition-colors hover:bg-red-50 hover:text-red-800 disabled:cursor-not-allowed disabled:text-slate-400"
          >
            {t("facilitator.game.delete")}
          </button>
        </div>

        {isConfirmingDelete && (
          <div className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200 ring-inset" role="group" aria-label={t("facilitator.game.delete")}>
            <p className="font-medium text-red-900">{t("facilitator.dashboard.deleteConfirm", { title: game.content.title })}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                type="button"
                className={cn("inline-flex h-9 items-center gap-2 rounded-xl bg-red-600 px-3 text-sm font-semibold text-white hover:bg-red-700 disabled:bg-slate-300")}
                disabled={busy !== null}
                aria-busy={busy === "delete" || undefined}
                onClick={() =>
                  void run("delete", async () => {
                    await deleteGame(game.code);
                    onNotice(t("facilitator.dashboard.deleted", { title: game.content.title }));
                    onDelete(game.code);
                  }).then(() => setIsConfirmingDelete(false))
                }
              >
                {t("facilitator.dashboard.deleteYes")}
              </button>
              <Button size="sm" variant="ghost" onClick={() => setIsConfirmingDelete(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
        <Alert>{error ? t(error) : null}</Alert>
      </Card>
    </li>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800">{children}</dd>
    </div>
  );
}
