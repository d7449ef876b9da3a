"use client";

import type { ReactNode } from "react";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

/** "● Recording" in the room header while this browser records the round. */
export function RecordingBadge({ className }: { className?: string }) {
  const t = useT();
  const isRecording = useVoiceStore((s) => s.isActive && s.recording.status === "recording");
  if (!isRecording) return null;
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

/** The last recording's upload: progress, saved, failed, or recording switched off for want of consent. */
export function RecordingStatus({ className }: { className?: string }) {
  const t = useT();
  const recording = useVoiceStore((s) => s.recording);
  const isRefused = useVoiceStore((s) => s.isRecordingRefused);
  const n = recording.round ?? 0;
  let content: ReactNode = null;
  if (isRefused) content = <span className="text-slate-500">{t("voice.rec.refused")}</span>;
  else if (recording.status === "uploading") {
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
  return (
    <p role="status" aria-live="polite" className={cn("text-xs sm:text-sm", !content && "sr-only", className)}>
      {content}
    </p>
  );
}
