import type { MicState } from "../stores/voice";

/** Echo cancellation, noise suppression and automatic gain stay on: people talk over speakers. */
export const VOICE_PROCESSING = { echoCancellation: true, noiseSuppression: true, autoGainControl: true } as const;

/** Whether this page may ask for a microphone at all (a secure page in a browser that can). */
export function canUseMicrophone(): boolean {
  return typeof navigator !== "undefined" && !!navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === "function";
}

/** Whether audio output can be sent to a chosen device (HTMLMediaElement.setSinkId; Chromium, Firefox 116+). */
export function canPickOutput(): boolean {
  return typeof HTMLMediaElement !== "undefined" && "setSinkId" in HTMLMediaElement.prototype;
}

/**
 * The microphone, with the voice processing on. A remembered device that is gone is not an
 * error: the default microphone is used instead.
 */
export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  if (!canUseMicrophone()) throw Object.assign(new Error("No getUserMedia here."), { name: "NotSupportedError" });
  if (deviceId) {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: { ...VOICE_PROCESSING, deviceId: { exact: deviceId } }, video: false });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name !== "OverconstrainedError" && name !== "NotFoundError") throw e;
    }
  }
  return navigator.mediaDevices.getUserMedia({ audio: { ...VOICE_PROCESSING }, video: false });
}

/** What a getUserMedia failure means for the player. */
export function micErrorState(err: unknown): MicState {
  switch ((err as { name?: string } | null)?.name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
      return "no-device";
    case "NotReadableError":
    case "AbortError":
    case "TrackStartError":
      return "busy";
    case "NotSupportedError":
      return "unsupported";
    default:
      return "error";
  }
}

/** The microphone permission as the browser reports it, when it can ("granted" lets a check start unasked). */
export async function micPermission(): Promise<PermissionState | "unknown"> {
  try {
    const status = await navigator.permissions.query({ name: "microphone" as PermissionName });
    return status.state;
  } catch {
    return "unknown";
  }
}

/** Stops every track of a stream (releases the microphone). */
export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((t) => t.stop());
}

/** The microphone on offer (the check's while it runs, or one opened ahead of a seat): its stream and the device asked for. */
let offered: { stream: MediaStream; deviceId: string | null } | null = null;
/** A microphone being opened ahead of a seat, until it is open or has failed. */
let opening: { promise: Promise<unknown>; deviceId: string | null } | null = null;

/** How long a microphone opened ahead of a seat stays on offer before it is released. */
const AHEAD_MS = 15_000;

/**
 * The microphone check lends its open stream, so that the voice session does not open the
 * microphone again (the player allowed it already: no new prompt).
 */
export function offerMicrophone(stream: MediaStream, deviceId: string | null): void {
  offered = { stream, deviceId };
}

/** The check stopped (or is opening another device): its stream is no longer on offer. */
export function withdrawMicrophone(stream: MediaStream | null | undefined): void {
  if (offered && offered.stream === stream) offered = null;
}

/**
 * A stream of the microphone on offer for the voice session, if it is open on the device asked
 * for with every track still live: a clone, which goes on when the lender stops its own. Waits
 * first for a microphone being opened ahead on that device.
 */
export async function borrowMicrophone(deviceId: string | null): Promise<MediaStream | null> {
  if (opening && opening.deviceId === deviceId) await opening.promise;
  if (!offered || offered.deviceId !== deviceId) return null;
  const tracks = offered.stream.getAudioTracks();
  if (tracks.length === 0 || tracks.some((t) => t.readyState !== "live")) return null;
  return offered.stream.clone();
}

/**
 * Opens the microphone as the player asks for a seat, alongside the request: the voice starts
 * with the seat, and its session borrows this stream rather than asking for the microphone
 * only then (and the browser's prompt, if any, follows the click). The stream stays on offer
 * for a short while and is then released (a session's clone goes on); the returned function
 * releases it at once (the seat was refused). Never throws: a failure is the session's to
 * report when it asks again.
 */
export function openMicrophoneAhead(deviceId: string | null): () => void {
  if (!canUseMicrophone()) return () => undefined;
  let stream: MediaStream | null = null;
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    clearTimeout(timer);
    if (opening === entry) opening = null;
    withdrawMicrophone(stream);
    stopStream(stream);
  };
  const entry = {
    deviceId,
    promise: openMicrophone(deviceId).then(
      (s) => {
        if (isReleased) return stopStream(s);
        stream = s;
        offerMicrophone(s, deviceId);
      },
      () => undefined,
    ),
  };
  opening = entry;
  void entry.promise.then(() => {
    if (opening === entry) opening = null;
  });
  const timer = setTimeout(release, AHEAD_MS);
  return release;
}
