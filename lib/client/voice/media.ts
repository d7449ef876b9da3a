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

/** The waiting room's microphone check, while it runs: its stream and the device asked for. */
let offered: { stream: MediaStream; deviceId: string | null } | null = null;

/**
 * The microphone check lends its open stream, so that the voice starting with the game does not
 * open the microphone again (the player allowed it already: no new prompt).
 */
export function offerMicrophone(stream: MediaStream, deviceId: string | null): void {
  offered = { stream, deviceId };
}

/** The check stopped (or is opening another device): its stream is no longer on offer. */
export function withdrawMicrophone(stream: MediaStream | null | undefined): void {
  if (offered && offered.stream === stream) offered = null;
}

/**
 * A stream of the check's microphone for the voice session, if the check runs on the device
 * asked for with every track still live: a clone, which goes on when the check stops its own.
 */
export function borrowMicrophone(deviceId: string | null): MediaStream | null {
  if (!offered || offered.deviceId !== deviceId) return null;
  const tracks = offered.stream.getAudioTracks();
  if (tracks.length === 0 || tracks.some((t) => t.readyState !== "live")) return null;
  return offered.stream.clone();
}
