import { writeFileSync } from "node:fs";

/**
 * A fake microphone for headless Chromium (the voice e2e test and the voice set-up bench).
 *
 * `writeToneWav` writes a mono 16-bit PCM WAV of syllable-like tone bursts (a steady tone is
 * what noise suppression removes first): 220–660 Hz with a harmonic, 260 ms on, 90 ms off.
 */
export function writeToneWav(file: string, seconds = 5, rate = 48_000): void {
  const n = seconds * rate;
  const data = Buffer.alloc(n * 2);
  const freqs = [220, 330, 440, 550, 660, 495, 385];
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const syllable = Math.floor(t / 0.35);
    const inSyllable = t - syllable * 0.35;
    const f = freqs[syllable % freqs.length]!;
    const envelope = inSyllable < 0.26 ? Math.sin((Math.PI * inSyllable) / 0.26) : 0;
    const v = envelope * (0.45 * Math.sin(2 * Math.PI * f * t) + 0.15 * Math.sin(2 * Math.PI * 2 * f * t));
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}

/**
 * Headless Chromium's launch arguments for every browser test (playwright.config.ts) and the
 * voice bench: no sandbox or GPU (root in a VM), none of its background network traffic (this
 * machine's network is closed), a fake camera and microphone granted without a prompt, and
 * WebRTC on loopback.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--allow-loopback-in-peer-connection",
];

/** CHROMIUM_ARGS, with the fake microphone playing `wav` and autoplay allowed. */
export function fakeMicrophoneArgs(wav: string): string[] {
  return [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${wav}`, "--autoplay-policy=no-user-gesture-required"];
}
