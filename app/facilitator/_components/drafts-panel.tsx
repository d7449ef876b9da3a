"use client";

import Link from "next/link";
import { useState } from "react";
import { draftHref, draftStorage, listDrafts, removeDraft, type EditorDraft } from "@/components/facilitator/editor-drafts";
import { useLocale, useT } from "@/components/i18n-provider";
import { buttonClass } from "@/components/ui/button";

/** The editor's unsaved drafts kept on this device, each with a way back into the editor or to throw it away. */
export function DraftsPanel({ userId, onNotice }: { userId: string; onNotice(text: string | null): void }) {
  const t = useT();
  const { locale } = useLocale();
  // The dashboard renders only in the browser (behind the sign-in check), where local storage is.
  const [drafts, setDrafts] = useState<EditorDraft[]>(() => listDrafts(draftStorage(), userId));

  if (drafts.length === 0) return null;
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const titleOf = (d: EditorDraft) => d.game.title.trim() || t("facilitator.drafts.untitled");

  return (
    <section aria-labelledby="drafts-title" className="mb-6 rounded-2xl bg-amber-50/70 p-4 ring-1 ring-amber-200 ring-inset sm:p-5">
      <h2 id="drafts-title" className="font-semibold text-slate-900">
        {t("facilitator.drafts.title")}
      </h2>
      <p className="mt-0.5 text-sm text-slate-600">{t("facilitator.drafts.body")}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {drafts.map((d) => (
          <li key={d.code ?? "new"} data-testid="editor-draft" className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-amber-200/70 ring-inset sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-medium break-words text-slate-900">{titleOf(d)}</p>
              <p className="text-xs text-slate-600">
                {d.code ? t("facilitator.drafts.changesTo", { code: d.code }) : t("facilitator.drafts.newGame")} · {t("facilitator.drafts.editedAt", { time: time(d.savedAt) })}
              </p>
            </div>
            <div className="flex shrink-0 gap-2">
              <Link href={draftHref(d)} className={buttonClass({ size: "sm" })}>
                {t("facilitator.drafts.continue")}
                <span className="sr-only"> – {titleOf(d)}</span>
              </Link>
              <button
                type="button"
                className="inline-flex h-9 items-center rounded-xl px-3 text-sm font-semibold text-red-700 transition-colors hover:bg-red-50 hover:text-red-800"
                onClick={() => {
                  removeDraft(draftStorage(), userId, d.code);
                  setDrafts(listDrafts(draftStorage(), userId));
                  onNotice(t("facilitator.drafts.discardedNotice", { title: titleOf(d) }));
                }}
              >
                {t("facilitator.drafts.discard")}
                <span className="sr-only"> – {titleOf(d)}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
