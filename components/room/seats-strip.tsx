"use client";

import { isOver, type Phase } from "@/lib/domain/game";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { SeatLinkQuality, SeatVoiceRing } from "../voice/seat-voice";
import { useMyId, useSnapshot } from "./use-room";

/** What a seat's tick means in each phase (the snapshot's `submitted`). */
export function submittedLabel(phase: Phase, room: Pick<RoomSnapshot, "consensus">): MessageKey | null {
  switch (phase) {
    case "WAITING":
      return "seat.done.ready";
    case "ROLES":
      return "seat.done.confirmed";
    case "INDIVIDUAL":
      return "seat.done.answered";
    case "DISCUSSION":
      return "seat.done.votedEnd";
    case "CONSENSUS":
      return room.consensus?.reached ? "seat.done.rated" : "seat.done.backed";
    case "REVEAL":
      return "seat.done.continued";
    default:
      return null;
  }
}

/** Initial of a nickname, for the avatar circle. */
export function initial(name: string | null): string {
  return name ? (Array.from(name.trim())[0] ?? "?").toUpperCase() : "";
}

const AVATAR_TONES = ["bg-sky-100 text-sky-800", "bg-amber-100 text-amber-800", "bg-emerald-100 text-emerald-800"];
export const avatarTone = (seat: number) => AVATAR_TONES[seat % AVATAR_TONES.length]!;

export function Avatar({ seat, className }: { seat: SeatView; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
        seat.userId ? avatarTone(seat.seat) : "border-2 border-dashed border-slate-300 bg-white text-slate-400",
        className,
      )}
    >
      {seat.userId ? initial(seat.nickname) : "?"}
    </span>
  );
}

/** The three seats: who sits where, their role, whether they are here, and whether they have answered. */
export function SeatsStrip({ className }: { className?: string }) {
  const t = useT();
  const room = useSnapshot();
  const myId = useMyId();
  const doneKey = submittedLabel(room.phase, room);
  return (
    <ul aria-label={t("seat.list")} className={cn("grid grid-cols-3 gap-2 sm:gap-3", className)}>
      {room.seats.map((seat) => {
        const isMe = seat.userId !== null && seat.userId === myId;
        const isEmpty = seat.userId === null;
        // After the game, being connected no longer matters.
        const showPresence = !isEmpty && !isOver(room.phase);
        const isAway = showPresence && !seat.connected;
        const isDone = !isEmpty && seat.submitted && doneKey !== null;
        return (
          <li
            key={seat.seat}
            data-testid={`seat-${seat.seat}`}
            className={cn(
              "relative flex min-w-0 flex-col gap-1 rounded-xl bg-white p-2.5 ring-1 sm:flex-row sm:items-center sm:gap-3 sm:p-3",
              isMe ? "ring-2 ring-brand-300" : "ring-slate-200/80",
            )}
          >
            <div className="relative w-fit">
              <Avatar seat={seat} className={cn(isAway && "opacity-50")} />
              {seat.userId && <SeatVoiceRing userId={seat.userId} isMe={isMe} />}
              {showPresence && (
                <span
                  aria-hidden="true"
                  className={cn("absolute -right-0.5 -bottom-0.5 size-3 rounded-full ring-2 ring-white", seat.connected ? "bg-emerald-500" : "bg-amber-400")}
                />
              )}
            </div>
            <div className="min-w-0 flex-1">
              <p className="flex min-w-0 items-center gap-1 text-sm font-semibold text-slate-900">
                <span className="truncate">{isEmpty ? t("seat.empty") : seat.nickname}</span>
                {isMe && <span className="shrink-0 text-xs font-medium text-brand-700">{t("seat.you")}</span>}
                {seat.userId && !isMe && <SeatLinkQuality userId={seat.userId} />}
              </p>
              <p className="truncate text-xs text-slate-500">
                {seat.role ? seat.role.name : isEmpty ? t("seat.emptyHint") : seat.isHost ? t("seat.host") : t("seat.player")}
              </p>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs">
                {seat.role && seat.isHost && <span className="text-slate-500">{t("seat.host")}</span>}
                {isAway && <span className="font-medium text-amber-700">{t("seat.away")}</span>}
                {isEmpty && seat.isWithdrawn && <span className="font-medium text-slate-600">{t("withdraw.seat.withdrew")}</span>}
                {isDone && (
                  <span className="inline-flex items-center gap-0.5 font-medium text-emerald-700">
                    <CheckIcon />
                    {t(doneKey)}
                  </span>
                )}
                {!isEmpty && !isDone && doneKey !== null && !isAway && <span className="sr-only">{t("seat.notYet")}</span>}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function CheckIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={cn("size-3.5", className)} fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="m3.5 8.5 3 3 6-7" />
    </svg>
  );
}
