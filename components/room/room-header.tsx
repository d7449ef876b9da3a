"use client";

import { useEffect, useState } from "react";
import { isPlaying, type Phase } from "@/lib/domain/game";
import type { MessageKey } from "@/lib/i18n/messages";
import { useRoomStore } from "@/lib/client/stores/room";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { RecordingBadge } from "../voice/recording";
import { announcementMark, formatClock, timeLeftMs } from "./room-logic";
import { useNow } from "./use-now";
import { useSnapshot } from "./use-room";

export const PHASE_LABEL: Record<Phase, MessageKey> = {
  WAITING: "phase.WAITING",
  ROLES: "phase.ROLES",
  INDIVIDUAL: "phase.INDIVIDUAL",
  DISCUSSION: "phase.DISCUSSION",
  CONSENSUS: "phase.CONSENSUS",
  REVEAL: "phase.REVEAL",
  FINISHED: "phase.FINISHED",
  ABANDONED: "phase.ABANDONED",
};

/** The room's bar under the site header: scenario, round, phase and the timer. Stays in view while scrolling. */
export function RoomHeader() {
  const t = useT();
  const room = useSnapshot();
  const inRounds = room.round > 0 && (isPlaying(room.phase) || room.phase === "FINISHED");
  return (
    <div className="sticky top-16 z-20 border-b border-slate-200/80 bg-white/90 backdrop-blur-md">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2.5 sm:px-6">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-slate-900 sm:text-base" title={room.scenario.title}>
            {room.title ?? room.scenario.title}
          </p>
          <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500 sm:text-sm">
            <span>
              {t("room.header.code")} <span className="font-mono font-medium tracking-wider text-slate-700">{room.code}</span>
            </span>
            {inRounds && (
              <>
                <span aria-hidden="true">·</span>
                <span className="font-medium text-slate-700">{t("room.header.round", { n: room.round, total: room.totalRounds })}</span>
              </>
            )}
          </p>
        </div>
        <RecordingBadge />
        <span
          className={cn(
            "shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset sm:text-sm",
            room.phase === "ABANDONED" ? "bg-slate-100 text-slate-700 ring-slate-200" : "bg-brand-50 text-brand-700 ring-brand-100",
          )}
        >
          <span className="sr-only">{t("room.header.phase")} </span>
          {t(PHASE_LABEL[room.phase])}
        </span>
        <Countdown />
      </div>
    </div>
  );
}

/** The phase timer from the server's deadline, corrected for this browser's clock offset. */
export function Countdown({ className }: { className?: string }) {
  const t = useT();
  const room = useSnapshot();
  const offset = useRoomStore((s) => s.clockOffsetMs);
  const now = useNow();
  const left = now === 0 ? null : timeLeftMs(room, offset, now);
  const isPaused = room.pausedAt !== null;

  // Screen readers hear the time at a few marks, not every second.
  const mark = announcementMark(isPaused ? null : left);
  const [announced, setAnnounced] = useState<string>("");
  const [lastMark, setLastMark] = useState<number | null>(null);
  if (mark !== lastMark) {
    setLastMark(mark);
    if (mark !== null) setAnnounced(t("room.timer.announce", { time: formatClock(mark * 1000) }));
  }
  useEffect(() => {
    if (!announced) return;
    const timer = setTimeout(() => setAnnounced(""), 8000);
    return () => clearTimeout(timer);
  }, [announced]);

  if (left === null) return null;
  const isLow = !isPaused && left <= 30_000;
  return (
    <div className={cn("shrink-0", className)}>
      <span
        role="timer"
        aria-label={isPaused ? t("room.timer.pausedLabel", { time: formatClock(left) }) : t("room.timer.label", { time: formatClock(left) })}
        className={cn(
          "inline-flex min-w-[4.25rem] items-center justify-center gap-1.5 rounded-lg px-2.5 py-1 font-mono text-sm font-semibold tabular-nums ring-1 ring-inset sm:text-base",
          isPaused ? "bg-slate-100 text-slate-500 ring-slate-200" : isLow ? "bg-red-50 text-red-700 ring-red-200" : "bg-slate-900 text-white ring-slate-900",
        )}
      >
        {isPaused ? <PauseIcon /> : <ClockIcon />}
        {formatClock(left)}
      </span>
      <span className="sr-only" aria-live="polite">
        {announced}
      </span>
    </div>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5 opacity-70" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
      <circle cx="8" cy="8" r="6.25" />
      <path d="M8 4.75V8l2.25 1.5" strokeLinecap="round" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" fill="currentColor" aria-hidden="true">
      <rect x="4" y="3.5" width="2.75" height="9" rx="1" />
      <rect x="9.25" y="3.5" width="2.75" height="9" rx="1" />
    </svg>
  );
}
