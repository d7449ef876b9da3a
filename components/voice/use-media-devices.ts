"use client";

import { useEffect, useState } from "react";

export interface MediaDevicesList {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
}

const empty: MediaDevicesList = { inputs: [], outputs: [] };

/**
 * Microphones and speakers, kept current when devices come and go (`devicechange`). Labels are
 * empty until the page may use the microphone: pass a `refreshKey` that changes then.
 */
export function useMediaDevices(refreshKey: unknown): MediaDevicesList {
  const [devices, setDevices] = useState<MediaDevicesList>(empty);
  useEffect(() => {
    const md = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
    if (!md?.enumerateDevices) return;
    let isLive = true;
    const load = () =>
      md.enumerateDevices().then(
        (all) => {
          if (!isLive) return;
          // "default"/"communications" are aliases of real devices in Chromium; the picker offers "Default" itself.
          const real = (kind: MediaDeviceKind) => all.filter((d) => d.kind === kind && d.deviceId !== "" && d.deviceId !== "default" && d.deviceId !== "communications");
          setDevices({ inputs: real("audioinput"), outputs: real("audiooutput") });
        },
        () => undefined,
      );
    void load();
    md.addEventListener("devicechange", load);
    return () => {
      isLive = false;
      md.removeEventListener("devicechange", load);
    };
  }, [refreshKey]);
  return devices;
}
