"use client";

import { useId, useState } from "react";
import type { CustomGameInput } from "@/lib/validation/custom-game";
import { OptionList } from "../room/choice-inputs";
import { Paragraphs } from "../room/roles-view";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { LockIcon } from "./fields";

/**
 * The game as a player meets it: the situation, their own role with its private brief beside
 * the others' public briefs (pick whose eyes to look through), then every round's question and
 * options. Empty fields show as gaps to fill.
 */
export function GamePreview({ game }: { game: CustomGameInput }) {
  const t = useT();
  const id = useId();
  const [as, setAs] = useState(0);
  const me = game.roles[as];
  const blank = <span className="text-slate-400 italic">{t("facilitator.preview.empty")}</span>;

  return (
    <div className="flex flex-col gap-6" data-testid="game-preview">
      <p className="rounded-xl bg-brand-50 px-4 py-3 text-sm text-brand-800 ring-1 ring-brand-100 ring-inset">{t("facilitator.preview.note")}</p>
      <header>
        <p className="text-sm font-semibold text-brand-700">{t("facilitator.preview.eyebrow")}</p>
        <h2 className="mt-1 text-2xl font-bold tracking-tight text-balance text-slate-900 sm:text-3xl">{game.title.trim() || blank}</h2>
        {game.summary?.trim() && <p className="mt-2 text-slate-600">{game.summary}</p>}
      </header>

      <Card as="section" aria-labelledby={`${id}-opening`}>
        <h3 id={`${id}-opening`} className="text-lg font-semibold text-slate-900">
          {t("roles.opening")}
        </h3>
        {game.opening.trim() ? <Paragraphs text={game.opening} className="mt-3 text-[0.9375rem] leading-relaxed text-slate-700" /> : <p className="mt-3">{blank}</p>}
      </Card>

      <section aria-labelledby={`${id}-roles`} className="flex flex-col gap-3">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <h3 id={`${id}-roles`} className="text-lg font-semibold text-slate-900">
            {t("facilitator.preview.seeAs")}
          </h3>
          <div role="radiogroup" aria-labelledby={`${id}-roles`} className="inline-flex flex-wrap gap-1 rounded-xl bg-slate-100 p-1 ring-1 ring-slate-200 ring-inset">
            {game.roles.map((r, i) => (
              <button
                key={i}
                type="button"
                role="radio"
                aria-checked={as === i}
                onClick={() => setAs(i)}
                className={cn("h-8 max-w-[12rem] truncate rounded-lg px-3 text-sm font-medium transition-colors", as === i ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900")}
              >
                {r.name.trim() || t("facilitator.editor.roleN", { n: i + 1 })}
              </button>
            ))}
          </div>
        </div>

        {me && (
          <Card className="border-t-4 border-brand-600">
            <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("role.yours")}</p>
            <p className="mt-1 text-xl font-bold text-slate-900">{me.name.trim() || blank}</p>
            <p className="mt-3 text-[0.9375rem] leading-relaxed whitespace-pre-line text-slate-700">{me.brief.trim() || blank}</p>
            <div className="mt-4 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset">
              <p className="flex items-center gap-1.5 text-sm font-semibold text-amber-900">
                <LockIcon />
                {t("role.private")}
              </p>
              <p className="mt-2 text-[0.9375rem] leading-relaxed whitespace-pre-line text-amber-950">{me.privateBrief.trim() || blank}</p>
            </div>
          </Card>
        )}
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t("roles.others")}>
          {game.roles.map((r, i) =>
            i === as ? null : (
              <li key={i} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80">
                <p className="font-semibold text-slate-900">{r.name.trim() || t("facilitator.editor.roleN", { n: i + 1 })}</p>
                <p className="mt-2 text-sm leading-relaxed whitespace-pre-line text-slate-700">{r.brief.trim() || blank}</p>
              </li>
            ),
          )}
        </ul>
      </section>

      <section aria-labelledby={`${id}-rounds`} className="flex flex-col gap-4">
        <h3 id={`${id}-rounds`} className="text-lg font-semibold text-slate-900">
          {t("facilitator.editor.rounds")}
        </h3>
        {game.rounds.map((r, i) => (
          <Card key={i} as="article" className="flex flex-col gap-3">
            <p className="text-sm font-semibold text-brand-700">{t("round.of", { n: i + 1, total: game.rounds.length })}</p>
            <p className="text-lg leading-snug font-bold text-balance text-slate-900">{r.question.trim() || blank}</p>
            <OptionList options={r.options.map((o, index) => ({ index, label: o.label.trim() || "…", description: o.description ?? "" }))} />
          </Card>
        ))}
      </section>
    </div>
  );
}
