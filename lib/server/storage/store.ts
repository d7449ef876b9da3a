import type { Readable } from "node:stream";

/**
 * Where recording files live: the local disk (lib/server/storage/local-store.ts) or an
 * S3-compatible bucket (s3-store.ts). Keys are made by the server (`yyyy-mm/<uuid>.<ext>`);
 * a key that could reach outside the store (absolute, `..`) is refused by both.
 */
export interface RecordingStore {
  readonly kind: "local" | "s3";
  /** For logs: the directory, or `s3://bucket/prefix`. Never a credential. */
  readonly location: string;
  /**
   * Stores a new file from a file on the local disk (an upload as it was received), streaming
   * it, never reading it whole; the local file may be gone afterwards. Throws when it cannot.
   */
  saveFile(key: string, file: { path: string; size: number }, contentType: string): Promise<void>;
  /** The file as a stream (read as it is sent, never buffered whole) with its size; null when there is none. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes one file (a missing one is fine); throws when it cannot. */
  remove(key: string): Promise<void>;
  /** Removes these files; never throws (failures are logged): the rows are gone already. Answers how many are gone now. */
  removeMany(keys: string[]): Promise<number>;
  /** Proves at start that files can be written and removed; throws a message that says what to fix. */
  check(): Promise<void>;
}

/** A key made of plain relative segments (no empty, `.` or `..` segment, no leading slash or backslash). */
export function isSafeKey(key: string): boolean {
  if (!key || key.length > 512 || key.includes("\\") || key.includes("\0")) return false;
  return key.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}
