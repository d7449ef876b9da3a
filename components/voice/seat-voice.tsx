"use client";

import type { MessageKey } from "@/lib/i18n/messages";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { MicIcon } from "./mic-check";

/** Whether a player is speaking (heard here) and muted, as the seats show it. */
function useSeatVoice(userId: string, isMe: boolean) {
  const isActive = useVoiceStore((s) => s.isActive);
  const isMuted = useVoiceStore((s) => (isMe ? s.isMuted : (s.remoteMuted[userId] ?? false)));
  const isSpeaking = useVoiceStore((s) => (s.speaking[userId] ?? false) && !(isMe ? s.isMuted : (s.remoteMuted[userId] ?? false)));
  return { isActive, isMuted, isSpeaking };
}

/**
 * Goes inside the avatar's (relative) box: a ring while the player speaks and a muted badge.
 * Carries data-speaking / data-muted for tests.
 */
export function SeatVoiceRing({ userId, isMe }: { userId: string; isMe: boolean }) {
  const t = useT();
  const { isActive, isMuted, isSpeaking } = useSeatVoice(userId, isMe);
  if (!isActive) return null;
  return (
    <>
      <span
        data-testid="seat-voice"
        data-speaking={isSpeaking}
        data-muted={isMuted}
        aria-hidden="true"
        className={cn(
          "pointer-events-none absolute -inset-1 rounded-full ring-2 transition-[box-shadow,opacity] duration-150",
          isSpeaking ? "opacity-100 ring-emerald-500 shadow-[0_0_0_4px_rgba(16,185,129,0.18)]" : "opacity-0 ring-transparent",
        )}
      />
      {isSpeaking && <span className="sr-only">{t("voice.seat.speaking")}</span>}
      {isMuted && (
        <span role="img" aria-label={t("voice.seat.muted")} title={t("voice.seat.muted")} className="absolute -top-1 -right-1 inline-flex size-4 items-center justify-center rounded-full bg-red-600 text-white ring-2 ring-white">
          <MicIcon className="size-2.5" isOff />
        </span>
      )}
    </>
  );
}

const LINK_LABEL: Record<string, MessageKey> = {
  good: "voice.seat.link.good",
  fair: "voice.seat.link.fair",
  poor: "voice.seat.link.poor",
  unknown: "voice.seat.link.unknown",
  connecting: "voice.seat.link.connecting",
  reconnecting: "voice.seat.link.reconnecting",
  failed: "voice.seat.link.failed",
};

/** The voice link to another player: signal bars coloured by quality, grey while connecting. */
export function SeatLinkQuality({ userId, className }: { userId: string; className?: string }) {
  const t = useT();
  const isActive = useVoiceStore((s) => s.isActive);
  const status = useVoiceStore((s) => s.peers[userId] ?? null);
  const quality = useVoiceStore((s) => s.quality[userId] ?? "unknown");
  if (!isActive || !status) return null;
  const key = status === "connected" ? quality : status;
  const bars = key === "good" || key === "unknown" ? 3 : key === "fair" ? 2 : key === "poor" ? 1 : 0;
  const tone =
    key === "good" || key === "unknown"
      ? "text-emerald-600"
      : key === "fair"
        ? "text-amber-500"
        : key === "poor" || key === "failed"
          ? "text-red-600"
          : "text-slate-400";
  const label = t(LINK_LABEL[key]!);
  return (
    <span role="img" aria-label={label} title={label} data-testid="seat-link" data-status={status} data-quality={quality} className={cn("inline-flex shrink-0", tone, className)}>
      <svg viewBox="0 0 14 12" className={cn("h-3 w-3.5", (key === "connecting" || key === "reconnecting") && "animate-pulse")} aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <rect key={i} x={1 + i * 4.5} y={8 - i * 3.5} width="3" height={3 + i * 3.5} rx="1" fill="currentColor" fillOpacity={i < bars ? 1 : 0.25} />
        ))}
      </svg>
    </span>
  );
}
