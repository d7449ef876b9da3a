"use client";

import { useState } from "react";
import { isPlaying } from "@/lib/domain/game";
import { advanceRoom, releaseSeat } from "@/lib/client/room-api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useT } from "../i18n-provider";
import { PHASE_LABEL } from "./room-header";
import { awayPlayers } from "./room-logic";
import { useMyId, useRoomAction, useSnapshot } from "./use-room";

/**
 * The host's small tools: skip the current step, free the seat of a player who is away, or
 * end the game. Opens by itself when the room is paused or someone is away.
 */
export function HostControls() {
  const t = useT();
  const room = useSnapshot();
  const myId = useMyId();
  const action = useRoomAction();
  const [isConfirmingEnd, setIsConfirmingEnd] = useState(false);
  // "Skip" asks first; the question goes if the room moves on by itself meanwhile.
  const step = `${room.phase}:${room.round}`;
  const [skipAskedFor, setSkipAskedFor] = useState<string | null>(null);
  const away = awayPlayers(room.seats).filter((s) => s.userId !== myId);
  const needsAttention = room.pausedAt !== null || away.length > 0;
  const playing = isPlaying(room.phase);

  return (
    <details open={needsAttention || undefined} className="group rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-2xl px-4 py-3 text-sm font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
        <span>{t("host.title")}</span>
        <svg viewBox="0 0 20 20" className="size-4 text-slate-500 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
          <path d="m5 7.5 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <div className="flex flex-col gap-3 border-t border-slate-100 px-4 pt-3 pb-4 text-sm">
        {away.length > 0 && (
          <div className="flex flex-col gap-2">
            {away.map((seat) => (
              <div key={seat.seat} className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate text-slate-700">{t("host.away", { name: seat.nickname ?? "?" })}</span>
                <Button size="sm" variant="secondary" disabled={action.isBusy} onClick={() => void action.run(() => releaseSeat(room.code, seat.seat))}>
                  {t("host.release")}
                </Button>
              </div>
            ))}
            <p className="text-xs text-slate-500">{t("host.releaseHint")}</p>
          </div>
        )}
        {playing && skipAskedFor !== step && (
          <div>
            <Button size="sm" variant="secondary" className="w-full" disabled={action.isBusy} onClick={() => setSkipAskedFor(step)}>
              {t("host.skip", { phase: t(PHASE_LABEL[room.phase]) })}
            </Button>
            <p className="mt-1 text-xs text-slate-500">{t("host.skipHint")}</p>
          </div>
        )}
        {playing && skipAskedFor === step && (
          <div className="rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset" role="group" aria-label={t("host.skip", { phase: t(PHASE_LABEL[room.phase]) })}>
            <p className="font-medium text-amber-900">{t("host.skipConfirm", { phase: t(PHASE_LABEL[room.phase]) })}</p>
            <div className="mt-2 flex gap-2">
              <Button
                size="sm"
                isLoading={action.isBusy}
                onClick={() =>
                  void action.run((opId) => advanceRoom(room.code, "host skipped the phase", false, opId), `advance:${room.code}:${room.phase}:${room.round}`).then(() => setSkipAskedFor(null))
                }
              >
                {t("host.skipYes")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setSkipAskedFor(null)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
        {isConfirmingEnd ? (
          <div className="rounded-xl bg-red-50 p-3 ring-1 ring-red-200 ring-inset">
            <p className="font-medium text-red-900">{t("host.end.confirm")}</p>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                className="inline-flex h-9 items-center rounded-xl bg-red-600 px-3 text-sm font-semibold text-white hover:bg-red-700 disabled:bg-slate-300"
                disabled={action.isBusy}
                onClick={() => void action.run((opId) => advanceRoom(room.code, "host ended the game", true, opId), `end:${room.code}`).then(() => setIsConfirmingEnd(false))}
              >
                {t("host.end.yes")}
              </button>
              <Button size="sm" variant="ghost" onClick={() => setIsConfirmingEnd(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="h-9 w-full rounded-xl text-sm font-semibold text-red-700 transition-colors hover:bg-red-50 hover:text-red-800"
            onClick={() => setIsConfirmingEnd(true)}
          >
            {t("host.end.button")}
          </button>
        )}
        <Alert>{action.error ? t(action.error) : null}</Alert>
      </div>
    </details>
  );
}
