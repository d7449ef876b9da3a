"use client";

import type { ReactNode } from "react";
import { isOver } from "@/lib/domain/game";
import { useMeStore } from "@/lib/client/stores/me";
import { useRoomStore } from "@/lib/client/stores/room";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

/** "● Recording" in the room header while this browser records the round (the room records only while everyone seated agreed). */
export function RecordingBadge({ className }: { className?: string }) {
  const t = useT();
  const isRecording = useVoiceStore((s) => s.isActive && s.recording.status === "recording");
  const isAllowed = useRoomStore((s) => s.snapshot?.isRecordingAllowed ?? false);
  if (!isRecording || !isAllowed) return null;
  return (
    <span
      data-testid="recording-badge"
      title={t("voice.rec.badgeHint")}
      className={cn("inline-flex shrink-0 items-center gap-1.5 rounded-full bg-red-50 px-2.5 py-1 text-xs font-semibold text-red-700 ring-1 ring-red-200 ring-inset sm:text-sm", className)}
    >
      <span aria-hidden="true" className="relative flex size-2">
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-red-500 opacity-60 motion-reduce:animate-none" />
        <span className="relative inline-flex size-2 rounded-full bg-red-600" />
      </span>
      <span className="hidden sm:inline">{t("voice.rec.badge")}</span>
      <span aria-hidden="true" className="sm:hidden">
        {t("voice.rec.badgeShort")}
      </span>
      <span className="sr-only">
        <span className="sm:hidden">{t("voice.rec.badge")}</span>: {t("voice.rec.badgeHint")}
      </span>
    </span>
  );
}

/**
 * The last recording's upload (progress, saved, failed), or, while the room does not record,
 * that it does not: because this player did not agree, or (naming nobody) because not
 * everyone in the room did.
 */
export function RecordingStatus({ className }: { className?: string }) {
  const t = useT();
  const recording = useVoiceStore((s) => s.recording);
  const isOff = useRoomStore((s) => !!s.snapshot && !isOver(s.snapshot.phase) && !s.snapshot.isRecordingAllowed);
  const hasVoiceConsent = useMeStore((s) => s.me?.voiceConsent ?? false);
  const n = recording.round ?? 0;
  let content: ReactNode = null;
  if (recording.status === "uploading") {
    const percent = Math.round(recording.progress * 100);
    content = (
      <span className="flex min-w-0 items-center gap-2 text-slate-600">
        <span className="shrink-0">{t("voice.rec.uploading", { n, percent })}</span>
        <span
          role="progressbar"
          aria-label={t("voice.rec.uploading", { n, percent })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100"
        >
          <span className="block h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${percent}%` }} />
        </span>
      </span>
    );
  } else if (recording.status === "saved") content = <span className="text-slate-500" data-testid="recording-saved">{t("voice.rec.saved", { n })}</span>;
  else if (recording.status === "failed") content = <span className="text-amber-800">{t("voice.rec.failed", { n })}</span>;
  else if (isOff) content = <RecordingOff reason={hasVoiceConsent ? "others" : "self"} />;
  return (
    <p role="status" aria-live="polite" className={cn("text-xs sm:text-sm", !content && "sr-only", className)}>
      {content}
    </p>
  );
}

/** "Not recorded", with why: this player did not agree, or not everyone in the room did (nobody named). */
function RecordingOff({ reason }: { reason: "self" | "others" }) {
  const t = useT();
  return (
    <span data-testid="recording-off" className="inline-flex items-start gap-1.5 text-slate-600">
      <svg viewBox="0 0 16 16" className="mt-0.5 size-3.5 shrink-0 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true">
        <circle cx="8" cy="8" r="5.75" />
        <path d="m4 4 8 8" />
      </svg>
      <span>{reason === "self" ? t("voice.rec.offSelf") : t("voice.rec.off")}</span>
    </span>
  );
}
