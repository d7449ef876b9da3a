import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { readEnv } from "../env";
import { logger } from "../logger";

/**
 * Where recordings live: `<DATA_DIR>/recordings/<yyyy-mm>/<uuid>.<ext>`, outside `public/`,
 * under names the server makes up (a client's file name never reaches the disk).
 */
export function recordingsDir(): string {
  return path.join(readEnv().dataDir, "recordings");
}

/**
 * The file of a recording's storage key, or null when the key would lead outside the
 * recordings directory (an absolute path, `..`).
 */
export function recordingPath(storageKey: string, dir = recordingsDir()): string | null {
  const file = path.resolve(dir, storageKey);
  return file.startsWith(dir + path.sep) ? file : null;
}

function resolveKey(key: string): string {
  const file = recordingPath(key);
  if (!file) throw new Error("storage key escapes the recordings directory");
  return file;
}

export function newRecordingKey(extension: "webm" | "ogg" | "mp4", now = new Date()): string {
  return `${now.toISOString().slice(0, 7)}/${randomUUID()}.${extension}`;
}

export async function saveRecording(key: string, data: Uint8Array): Promise<void> {
  const file = resolveKey(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data, { mode: 0o600, flag: "wx" });
}

export async function openRecording(key: string): Promise<{ stream: Readable; size: number } | null> {
  const file = resolveKey(key);
  const info = await stat(file).catch(() => null);
  if (!info) return null;
  return { stream: createReadStream(file), size: info.size };
}

export async function deleteRecording(key: string): Promise<void> {
  await rm(resolveKey(key), { force: true });
}

/** The container of an audio file by its first bytes: WebM/Matroska, Ogg, or MP4; null for anything else. */
export function sniffAudio(head: Uint8Array): { extension: "webm" | "ogg" | "mp4"; mimeType: string } | null {
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { extension: "webm", mimeType: "audio/webm" };
  if (head.length >= 4 && head[0] === 0x4f && head[1] === 0x67 && head[2] === 0x67 && head[3] === 0x53) return { extension: "ogg", mimeType: "audio/ogg" };
  if (head.length >= 8 && head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) return { extension: "mp4", mimeType: "audio/mp4" };
  return null;
}

/**
 * Removes the files of these storage keys. A missing file is fine (already gone); other
 * failures are logged, never thrown: the rows are already deleted. Returns how many files
 * were removed or already absent.
 */
export async function removeRecordingFiles(storageKeys: string[]): Promise<number> {
  if (!storageKeys.length) return 0;
  const dir = recordingsDir();
  let done = 0;
  for (const key of storageKeys) {
    const file = recordingPath(key, dir);
    if (!file) {
      logger().warn({ storageKey: key }, "recording key outside the recordings directory; file left alone");
      continue;
    }
    try {
      await rm(file, { force: true });
      done++;
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, storageKey: key }, "could not remove a recording file");
    }
  }
  return done;
}
