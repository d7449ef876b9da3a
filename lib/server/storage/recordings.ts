import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Readable } from "node:stream";
import { readEnv } from "../env";
import { localStore, recordingPath as pathIn } from "./local-store";
import { s3Store } from "./s3-store";
import type { RecordingStore } from "./store";

/**
 * Recording files, wherever they are kept: under `<DATA_DIR>/recordings/<yyyy-mm>/<uuid>.<ext>`
 * (outside `public/`) by default, or in an S3-compatible bucket when S3_* is set (see
 * lib/server/env.ts). Always under names the server makes up: a client's file name never
 * reaches the storage.
 */
export function recordingsDir(): string {
  return path.join(readEnv().dataDir, "recordings");
}

/** The file of a storage key on the local disk, or null when the key would lead outside the recordings directory. */
export function recordingPath(storageKey: string, dir = recordingsDir()): string | null {
  return pathIn(storageKey, dir);
}

/** The store the environment asks for (read each time: cheap, and tests change DATA_DIR). */
export function recordingStore(): RecordingStore {
  const env = readEnv();
  return env.s3 ? s3Store(env.s3) : localStore(path.join(env.dataDir, "recordings"));
}

const MIME_BY_EXTENSION = { webm: "audio/webm", ogg: "audio/ogg", mp4: "audio/mp4" } as const;
type Extension = keyof typeof MIME_BY_EXTENSION;

export function newRecordingKey(extension: Extension, now = new Date()): string {
  return `${now.toISOString().slice(0, 7)}/${randomUUID()}.${extension}`;
}

/** Stores a received upload (a file on the local disk, which may be gone afterwards) under `key`. */
export async function saveRecordingFile(key: string, file: { path: string; size: number }): Promise<void> {
  const ext = key.split(".").pop() as Extension;
  await recordingStore().saveFile(key, file, MIME_BY_EXTENSION[ext] ?? "application/octet-stream");
}

/** Where uploads are written as they arrive, before they are stored (`<DATA_DIR>/incoming`). */
export function incomingDir(): string {
  return path.join(readEnv().dataDir, "incoming");
}

/** The recording's bytes as a stream, with its size; null when the file is missing. */
export async function openRecording(key: string): Promise<{ stream: Readable; size: number } | null> {
  return recordingStore().open(key);
}

export async function deleteRecording(key: string): Promise<void> {
  await recordingStore().remove(key);
}

/** The container of an audio file by its first bytes: WebM/Matroska, Ogg, or MP4; null for anything else. */
export function sniffAudio(head: Uint8Array): { extension: Extension; mimeType: string } | null {
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
  return recordingStore().removeMany(storageKeys);
}

/**
 * Proves at start that recordings can be stored (the directory is writable, or the bucket
 * takes a write and a delete with the given keys). Throws a message that names what to fix.
 */
export async function checkRecordingStore(): Promise<{ kind: RecordingStore["kind"]; location: string }> {
  const store = recordingStore();
  await store.check();
  return { kind: store.kind, location: store.location };
}
