"use client";

import { useState } from "react";
import { useT } from "../i18n-provider";
import { phaseNotice } from "./phase-notice-logic";
import { PHASE_LABEL } from "./room-header";
import { useMyId, useSnapshot } from "./use-room";

/**
 * A banner telling the players that the facilitator (or the host) skipped the step before this
 * one or ended the game, until they dismiss it or the room moves on. A live region, so screen
 * readers hear it when it comes.
 */
export function PhaseNoticeBanner() {
  const t = useT();
  const room = useSnapshot();
  const myId = useMyId();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const notice = phaseNotice(room, myId);
  const shown = notice && notice.id !== dismissed ? notice : null;
  const text = !shown
    ? null
    : shown.action === "end"
      ? shown.by === "host"
        ? t("room.notice.ended.host", { name: shown.name ?? "?" })
        : t("room.notice.ended.facilitator")
      : shown.by === "host"
        ? t("room.notice.skipped.host", { name: shown.name ?? "?", phase: t(PHASE_LABEL[room.phase]) })
        : t("room.notice.skipped.facilitator", { phase: t(PHASE_LABEL[room.phase]) });

  return (
    <div role="status" aria-live="polite" aria-label={t("room.notice.label")} className={shown ? undefined : "sr-only"}>
      {shown && (
        <div data-testid="room-notice" className="flex items-start justify-between gap-3 rounded-xl bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-200 ring-inset">
          <p className="flex min-w-0 items-start gap-2">
            <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-brand-700" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M4 4.5v11M4 5h9l-1.5 3L13 11H4" />
            </svg>
            <span className="min-w-0 break-words">{text}</span>
          </p>
          <button
            type="button"
            onClick={() => setDismissed(shown.id)}
            className="-my-1 shrink-0 rounded-lg px-2 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-100"
          >
            {t("room.notice.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}
