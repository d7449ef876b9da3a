"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { useMeStore } from "@/lib/client/stores/me";
import { useVoiceStore, type MicState } from "@/lib/client/stores/voice";
import { LevelMonitor } from "@/lib/client/voice/levels";
import { meterFraction, toDb } from "@/lib/client/voice/logic";
import { canPickOutput, canUseMicrophone, micErrorState, micPermission, offerMicrophone, openMicrophone, stopStream, withdrawMicrophone } from "@/lib/client/voice/media";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { DeviceSelect } from "./device-select";
import { useClientValue } from "./use-client-value";
import { useMediaDevices } from "./use-media-devices";

/** The message for a microphone that could not start, or null. */
export function micProblemKey(mic: MicState): MessageKey | null {
  switch (mic) {
    case "denied":
      return "voice.mic.denied";
    case "no-device":
      return "voice.mic.noDevice";
    case "busy":
      return "voice.mic.busy";
    case "unsupported":
      return "voice.mic.unsupported";
    case "error":
      return "voice.mic.error";
    default:
      return null;
  }
}

/** A level at which the check counts the microphone as hearing something (dBFS). */
const HEARD_DB = -50;

/** Opens the chosen microphone and reads its level, for the check before the game. */
function useMicTest() {
  const [state, setState] = useState<MicState>("idle");
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const live = useRef<{ stream: MediaStream; monitor: LevelMonitor } | null>(null);
  const attempt = useRef(0);

  const stop = useCallback(() => {
    attempt.current++;
    live.current?.monitor.stop();
    withdrawMicrophone(live.current?.stream);
    stopStream(live.current?.stream);
    live.current = null;
    setLevel(0);
    setState("idle");
  }, []);

  const start = useCallback(async (deviceId: string | null) => {
    const mine = ++attempt.current;
    live.current?.monitor.stop();
    withdrawMicrophone(live.current?.stream);
    stopStream(live.current?.stream);
    live.current = null;
    setState("requesting");
    setHeard(false);
    try {
      const stream = await openMicrophone(deviceId);
      if (mine !== attempt.current) return stopStream(stream);
      const monitor = new LevelMonitor(
        () => undefined,
        (_id, l) => {
          setLevel(l);
          if (toDb(l) >= HEARD_DB) setHeard(true);
        },
      );
      monitor.add("check", stream);
      live.current = { stream, monitor };
      // The voice starting with the game takes this microphone over rather than opening it again.
      offerMicrophone(stream, deviceId);
      setState("ready");
    } catch (e) {
      if (mine === attempt.current) setState(micErrorState(e));
    }
  }, []);

  useEffect(
    () => () => {
      attempt.current++;
      live.current?.monitor.stop();
      withdrawMicrophone(live.current?.stream);
      stopStream(live.current?.stream);
      live.current = null;
    },
    [],
  );

  return { state, level, heard, start, stop };
}

/**
 * The waiting room's microphone check: pick a microphone (and a speaker where the browser can),
 * watch the level move, and read plainly what is wrong when permission is refused or there is
 * no microphone. The game stays playable with the chat either way.
 */
export function MicCheck() {
  const t = useT();
  const test = useMicTest();
  const inputDeviceId = useVoiceStore((s) => s.inputDeviceId);
  const outputDeviceId = useVoiceStore((s) => s.outputDeviceId);
  const hasVoiceConsent = useMeStore((s) => s.me?.voiceConsent ?? false);
  const devices = useMediaDevices(test.state);
  const canOutput = useClientValue(canPickOutput, false);
  const isSupported = useClientValue(canUseMicrophone, true);

  // Device choices are remembered in this browser; a permission already given starts the check at once.
  const { start } = test;
  useEffect(() => {
    useVoiceStore.getState().loadDevicePrefs();
    if (!canUseMicrophone()) return;
    let isLive = true;
    void micPermission().then((p) => {
      if (isLive && p === "granted") void start(useVoiceStore.getState().inputDeviceId);
    });
    return () => {
      isLive = false;
    };
  }, [start]);

  const isRunning = test.state === "ready";
  const problem = isSupported || test.state !== "idle" ? micProblemKey(test.state) : "voice.mic.unsupported";
  const percent = Math.round(meterFraction(test.level) * 100);

  function pickInput(deviceId: string | null) {
    useVoiceStore.getState().setInputDevice(deviceId);
    if (test.state !== "idle") void test.start(deviceId);
  }

  return (
    <Card as="section" aria-labelledby="mic-check-title" data-testid="mic-check">
      <div className="flex items-start gap-3">
        <span aria-hidden="true" className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <MicIcon className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 id="mic-check-title" className="text-lg font-semibold text-slate-900">
            {t("voice.check.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("voice.check.body")}</p>
        </div>
      </div>

      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <DeviceSelect label={t("voice.check.input")} devices={devices.inputs} value={inputDeviceId} onChange={pickInput} unnamedKey="voice.check.unnamedInput" />
        {canOutput && devices.outputs.length > 0 && (
          <DeviceSelect
            label={t("voice.check.output")}
            devices={devices.outputs}
            value={outputDeviceId}
            onChange={(id) => useVoiceStore.getState().setOutputDevice(id)}
            unnamedKey="voice.check.unnamedOutput"
          />
        )}
      </div>

      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <div
            role="meter"
            aria-label={t("voice.check.level")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={isRunning ? percent : 0}
            className="relative h-3 min-w-0 flex-1 overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
          >
            <div
              className={cn("h-full rounded-full transition-[width] duration-100 ease-out", percent > 85 ? "bg-amber-500" : "bg-emerald-500")}
              style={{ width: `${isRunning ? percent : 0}%` }}
            />
          </div>
        </div>
        {isRunning ? (
          // Distinct keys: a second click on "Test" must not land on "Stop" in the same element.
          <Button key="stop" variant="secondary" size="sm" onClick={test.stop} className="w-full sm:w-auto">
            {t("voice.check.stop")}
          </Button>
        ) : (
          <Button
            key="start"
            variant="secondary"
            size="sm"
            isLoading={test.state === "requesting"}
            disabled={!isSupported}
            onClick={() => void test.start(inputDeviceId)}
            className="w-full sm:w-auto"
          >
            <MicIcon className="size-4" />
            {problem ? t("voice.check.retry") : t("voice.check.start")}
          </Button>
        )}
      </div>

      <p className="mt-2 min-h-5 text-sm text-slate-600" role="status" aria-live="polite">
        {test.state === "requesting" ? t("voice.check.requesting") : isRunning ? (test.heard ? t("voice.check.working") : t("voice.check.quiet")) : ""}
      </p>
      <Alert tone="warning" className="mt-2">
        {problem ? t(problem) : null}
      </Alert>
      <p className="mt-3 border-t border-slate-100 pt-3 text-xs text-slate-500">{hasVoiceConsent ? t("voice.check.recordingOn") : t("voice.check.recordingOff")}</p>
    </Card>
  );
}

export function MicIcon({ className, isOff = false }: { className?: string; isOff?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="7" y="2.5" width="6" height="10" rx="3" />
      <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v2.5" />
      {isOff && <path d="m3 3 14 14" />}
    </svg>
  );
}
