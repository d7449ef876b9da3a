"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { facilitatorErrorKey } from "@/components/facilitator/errors";
import { useLocale, useT } from "@/components/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n/messages";
import { duplicateScenario, type CustomGameView } from "@/lib/client/facilitator-api";
import { listScenarios, type ScenarioSummary } from "@/lib/client/room-api";

type LibraryState = { status: "loading" } | { status: "error" } | { status: "ready"; scenarios: ScenarioSummary[] };

/** The built-in scenarios in the UI's language (all languages when there are none in it). */
function useBuiltIns(locale: string): [LibraryState, () => void] {
  const [state, setState] = useState<LibraryState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const builtIn = (list: ScenarioSummary[]) => list.filter((s) => s.source === "BUILTIN");
      const inLocale = builtIn(await listScenarios(locale, controller.signal));
      return inLocale.length ? inLocale : builtIn(await listScenarios(null, controller.signal));
    })().then(
      (scenarios) => setState({ status: "ready", scenarios }),
      () => !controller.signal.aborted && setState({ status: "error" }),
    );
    return () => controller.abort();
  }, [locale, attempt]);
  return [state, () => (setState({ status: "loading" }), setAttempt((a) => a + 1))];
}

/**
 * The scenarios that ship with the game, for facilitators: open rooms with one in bulk (the same
 * sheet as a custom game's), or copy it into a custom game of their own to edit.
 */
export function ScenarioLibrary({ onCopied }: { onCopied(game: CustomGameView): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [state, retry] = useBuiltIns(locale);

  return (
    <section aria-labelledby="library-title" className="mt-12">
      <h2 id="library-title" className="text-xl font-bold tracking-tight text-slate-900">
        {t("facilitator.library.title")}
      </h2>
      <p className="mt-1 max-w-2xl text-slate-600">{t("facilitator.library.intro")}</p>
      <div className="mt-5">
        {state.status === "loading" && (
          <div role="status" className="grid gap-4 md:grid-cols-2">
            <span className="sr-only">{t("common.loading")}</span>
            {[0, 1].map((i) => (
              <div key={i} aria-hidden="true" className="h-40 animate-pulse rounded-2xl bg-white ring-1 ring-slate-200/80" />
            ))}
          </div>
        )}
        {state.status === "error" && (
          <div className="flex flex-col items-start gap-3">
            <Alert className="w-full">{t("facilitator.library.loadError")}</Alert>
            <Button variant="secondary" onClick={retry}>
              {t("common.retry")}
            </Button>
          </div>
        )}
        {state.status === "ready" && state.scenarios.length === 0 && <p className="text-sm text-slate-600">{t("facilitator.library.empty")}</p>}
        {state.status === "ready" && state.scenarios.length > 0 && (
          <ul className="grid gap-4 md:grid-cols-2">
            {state.scenarios.map((s) => (
              <ScenarioCard key={s.id} scenario={s} onCopied={onCopied} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ScenarioCard({ scenario, onCopied }: { scenario: ScenarioSummary; onCopied(game: CustomGameView): void }) {
  const t = useT();
  const [isCopying, setIsCopying] = useState(false);
  const [copy, setCopy] = useState<CustomGameView | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const titleId = `scenario-${scenario.id}-title`;

  async function makeCopy() {
    setIsCopying(true);
    setError(null);
    try {
      const game = await duplicateScenario(scenario.id);
      setCopy(game);
      onCopied(game);
    } catch (e) {
      setError(facilitatorErrorKey(e));
    } finally {
      setIsCopying(false);
    }
  }

  return (
    <li className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200/80">
      <div>
        <h3 id={titleId} className="font-semibold text-balance text-slate-900">
          {scenario.title}
        </h3>
        <p className="mt-1 line-clamp-3 text-sm text-slate-600">{scenario.summary}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge>{t(scenario.locale === "ko" ? "facilitator.locale.ko" : "facilitator.locale.en")}</Badge>
        <Badge>{t("facilitator.library.rounds", { n: scenario.rounds })}</Badge>
        <span className="sr-only">{t("facilitator.library.roles")}:</span>
        <span className="text-slate-600">{scenario.roles.join(" · ")}</span>
      </div>
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 pt-3">
        <Link href={`/facilitator/scenarios/${scenario.id}/rooms`} className={buttonClass({ size: "sm" })}>
          {t("facilitator.library.openRooms")}
          <span className="sr-only"> – {scenario.title}</span>
        </Link>
        <Button size="sm" variant="secondary" isLoading={isCopying} onClick={() => void makeCopy()}>
          {t("facilitator.library.copy")}
          <span className="sr-only"> – {scenario.title}</span>
        </Button>
      </div>
      <div role="status" className="empty:hidden">
        {copy && (
          <p className="text-sm text-emerald-800">
            {t("facilitator.library.copied", { title: copy.content.title })}{" "}
            <Link href={`/facilitator/games/${copy.code}`} className="font-semibold underline underline-offset-4">
              {t("facilitator.game.edit")}
              <span className="sr-only"> – {copy.content.title}</span>
            </Link>
          </p>
        )}
      </div>
      <Alert>{error ? t(error) : null}</Alert>
    </li>
  );
}
