"use client";

import { useEffect } from "react";
import { useRoomStore } from "@/lib/client/stores/room";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { canPickOutput } from "@/lib/client/voice/media";
import { VoiceSession } from "@/lib/client/voice/session";
import { joinNames } from "../room/room-logic";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { useT } from "../i18n-provider";
import { DeviceSelect } from "./device-select";
import { MicIcon, micProblemKey } from "./mic-check";
import { RecordingStatus } from "./recording";
import { useClientValue } from "./use-client-value";
import { useMediaDevices } from "./use-media-devices";
import { resumeRemoteAudio } from "./voice-layer";

/** Whether a key press is typing (in a field), not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

function toggleMute() {
  const s = useVoiceStore.getState();
  if (s.mic === "ready") s.setMuted(!s.isMuted);
}

/** Names of the players with the given user ids, in seat order. */
function useNames(userIds: string[]): string[] {
  const seats = useRoomStore((s) => s.snapshot?.seats);
  return (seats ?? []).filter((s) => s.userId && userIds.includes(s.userId)).map((s) => s.nickname ?? "?");
}

/**
 * The in-game voice controls under the seats: mute (button and the M key, not while typing),
 * who the voice reaches, the speaker where the browser can pick one, a fix for blocked sound
 * or a blocked microphone, and the round's recording.
 */
export function VoiceBar({ className }: { className?: string }) {
  const t = useT();
  const mic = useVoiceStore((s) => s.mic);
  const isMuted = useVoiceStore((s) => s.isMuted);
  const peers = useVoiceStore((s) => s.peers);
  const isPlaybackBlocked = useVoiceStore((s) => s.isPlaybackBlocked);
  const outputDeviceId = useVoiceStore((s) => s.outputDeviceId);
  const canOutput = useClientValue(canPickOutput, false);
  const devices = useMediaDevices(mic);

  const connectedIds = Object.entries(peers)
    .filter(([, s]) => s === "connected")
    .map(([u]) => u);
  const pendingIds = Object.entries(peers)
    .filter(([, s]) => s !== "connected")
    .map(([u]) => u);
  const connected = useNames(connectedIds);
  const pending = useNames(pendingIds);
  const list = (names: string[]) => joinNames(names, t("common.and"));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "m" && e.key !== "M") return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.isComposing || isTypingTarget(e.target)) return;
      e.preventDefault();
      toggleMute();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const isMicReady = mic === "ready";
  const problem = micProblemKey(mic);
  const status =
    mic === "requesting" || mic === "idle"
      ? t("voice.bar.connecting")
      : connected.length === 0
        ? pending.length === 0
          ? t("voice.bar.alone")
          : t("voice.bar.connecting")
        : pending.length === 0
          ? t("voice.bar.connected", { names: list(connected) })
          : t("voice.bar.partial", { names: list(connected), others: list(pending) });

  return (
    <section aria-label={t("voice.bar.label")} data-testid="voice-bar" className={cn("rounded-xl bg-white px-3 py-2.5 ring-1 ring-slate-200/80 sm:px-4", className)}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <button
          type="button"
          onClick={toggleMute}
          disabled={!isMicReady}
          aria-keyshortcuts="M"
          title={t("voice.bar.muteHint")}
          className={cn(
            "inline-flex h-10 shrink-0 items-center justify-center gap-2 rounded-xl px-3.5 text-sm font-semibold whitespace-nowrap transition-colors select-none disabled:cursor-not-allowed disabled:opacity-60",
            isMuted ? "bg-red-600 text-white shadow-sm hover:bg-red-700" : "bg-white text-slate-800 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50",
          )}
        >
          <MicIcon className="size-4" isOff={isMuted || !isMicReady} />
          {isMuted ? t("voice.bar.unmute") : t("voice.bar.mute")}
          <kbd aria-hidden="true" className={cn("hidden rounded px-1.5 font-mono text-[0.6875rem] font-medium sm:inline", isMuted ? "bg-red-500/60" : "bg-slate-100 text-slate-500")}>
            M
          </kbd>
        </button>

        <p className="flex min-w-0 flex-1 basis-40 items-center gap-2 text-sm text-slate-700" role="status" aria-live="polite">
          {(mic === "requesting" || (connected.length === 0 && pending.length > 0)) && <Spinner className="shrink-0 text-slate-400" />}
          <span className="min-w-0">
            {isMuted && isMicReady ? <span className="font-medium text-red-700">{t("voice.bar.youMuted")} </span> : null}
            {!isMicReady && problem ? <span className="font-medium text-amber-800">{t("voice.bar.noMic")} </span> : null}
            {status}
          </span>
        </p>

        {isPlaybackBlocked && (
          <button
            type="button"
            onClick={resumeRemoteAudio}
            className="inline-flex h-9 shrink-0 items-center rounded-xl bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
            title={t("voice.bar.soundBlocked")}
          >
            {t("voice.bar.enableSound")}
          </button>
        )}

        {canOutput && devices.outputs.length > 0 && (
          <DeviceSelect
            compact
            label={t("voice.bar.output")}
            devices={devices.outputs}
            value={outputDeviceId}
            onChange={(id) => useVoiceStore.getState().setOutputDevice(id)}
            unnamedKey="voice.check.unnamedOutput"
            icon={<SpeakerIcon className="size-4" />}
            className="w-full sm:w-52"
          />
        )}
      </div>

      {problem && (
        <div className="mt-2 flex flex-col gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset sm:flex-row sm:items-center sm:justify-between">
          <p>{t(problem)}</p>
          {mic !== "unsupported" && (
            <button
              type="button"
              onClick={() => void VoiceSession.current()?.retryMicrophone()}
              className="inline-flex h-9 shrink-0 items-center justify-center rounded-xl bg-white px-3 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              {t("voice.bar.retryMic")}
            </button>
          )}
        </div>
      )}

      <RecordingStatus className="mt-2" />
    </section>
  );
}

function SpeakerIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M3.5 7.75h2.75L10 4.5v11l-3.75-3.25H3.5z" />
      <path d="M13 7.5a3.5 3.5 0 0 1 0 5M15.25 5.25a6.75 6.75 0 0 1 0 9.5" />
    </svg>
  );
}
