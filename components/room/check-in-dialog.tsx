"use client";

import { useEffect, useId, useRef } from "react";
import { isPlaying } from "@/lib/domain/game";
import { checkIn } from "@/lib/client/room-api";
import { useRoomStore } from "@/lib/client/stores/room";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { useT } from "../i18n-provider";
import { checkInAnnouncement, checkInMsLeft, secondsShown } from "./check-in-logic";
import { useMyId, useMySeat, useRoomAction } from "./use-room";
import { useNow } from "./use-now";

/**
 * "Are you still there?": asked of a player who said and did nothing through a whole phase (the
 * server sets their seat's `checkInBy`). A modal dialog (the native <dialog>: focus is trapped,
 * the rest of the page is inert) with a countdown and one button, "I'm here"; Escape answers
 * too, as does speaking into the microphone. Past the countdown the player is shown as away
 * and the dialog says so, with the same button to come back.
 */
export function CheckInDialog({ code }: { code: string }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const myId = useMyId();
  const seat = useMySeat();
  const phase = useRoomStore((s) => s.snapshot?.phase ?? "WAITING");
  const isOnline = useRoomStore((s) => s.connection === "connected");
  const offsetMs = useRoomStore((s) => s.clockOffsetMs);
  const isSpeaking = useVoiceStore((s) => s.speaking[myId] ?? false);
  const action = useRoomAction();
  const checkInBy = seat?.checkInBy ?? null;
  const isOpen = checkInBy !== null && isPlaying(phase) && isOnline;
  const isAway = isOpen && !seat!.connected;
  const now = useNow();
  const msLeft = isOpen && !isAway ? checkInMsLeft(checkInBy, now, offsetMs) : null;
  const secondsLeft = msLeft === null ? null : secondsShown(msLeft);
  const soon = checkInAnnouncement(msLeft);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const { run, isBusy } = action;
  const answer = () => {
    if (!isBusy) void run(() => checkIn(code));
  };
  // Talking is an answer: someone speaking is there (once per question).
  const spokenFor = useRef<string | null>(null);
  useEffect(() => {
    if (!isOpen || !isSpeaking || spokenFor.current === checkInBy) return;
    spokenFor.current = checkInBy;
    void run(() => checkIn(code));
  }, [isOpen, isSpeaking, checkInBy, run, code]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        answer();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px]"
      data-testid="check-in-dialog"
    >
      {isOpen && (
        <div className="p-5 sm:p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {isAway ? t("room.checkIn.awayTitle") : t("room.checkIn.title")}
          </h2>
          <div id={`${id}-body`} className="mt-2 flex flex-col gap-2 text-sm leading-relaxed text-slate-600">
            <p>{isAway ? t("room.checkIn.awayBody") : t("room.checkIn.body")}</p>
            {!isAway && <p>{t("room.checkIn.consequence")}</p>}
          </div>
          {secondsLeft !== null && (
            <p className="mt-4 flex items-center gap-2 text-sm font-semibold text-amber-800 tabular-nums" aria-hidden="true">
              <svg viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                <circle cx="10" cy="10" r="7.25" />
                <path d="M10 6v4l2.5 2" />
              </svg>
              {t("room.checkIn.countdown", { seconds: secondsLeft })}
            </p>
          )}
          {/* The countdown is read out at a few marks only, not every second. */}
          <p className="sr-only" role="status" aria-live="polite">
            {soon !== null ? t("room.checkIn.soon", { seconds: soon }) : ""}
          </p>
          {action.error && (
            <Alert tone="error" className="mt-4">
              {t(action.error)}
            </Alert>
          )}
          <div className="mt-6 flex flex-col gap-2 sm:flex-row sm:justify-end">
            <Button size="lg" onClick={answer} isLoading={isBusy} autoFocus className="w-full sm:w-auto">
              {t("room.checkIn.confirm")}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
