import { backoffMs, isRetryableStatus, pickRecorderMime } from "./logic";

export interface FinishedRecording {
  blob: Blob;
  round: number;
  startedAt: string;
  durationMs: number;
}

/** The server's answer to an upload (API.md "Voice"). */
export interface UploadedRecording {
  id: string;
  roomCode: string;
  round: number;
  mimeType: string;
  sizeBytes: number;
  durationMs: number;
  startedAt: string;
  createdAt: string;
}

/** A chunk of a recording as it comes: the audio so far ends with it, `durationMs` in. */
export type ChunkListener = (chunk: Blob, durationMs: number) => void;

/** One player's microphone over one round (MediaRecorder; Opus in WebM where the browser has it). */
export class RoundRecorder {
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly startedAt = new Date();
  private readonly startedMs = performance.now();
  private stopped: Promise<FinishedRecording | null> | null = null;

  static isSupported(): boolean {
    return typeof MediaRecorder !== "undefined";
  }

  constructor(
    stream: MediaStream,
    readonly round: number,
    onChunk?: ChunkListener,
  ) {
    const mimeType = pickRecorderMime((t) => MediaRecorder.isTypeSupported(t));
    this.recorder = new MediaRecorder(stream, mimeType ? { mimeType, audioBitsPerSecond: 32_000 } : { audioBitsPerSecond: 32_000 });
    this.recorder.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      this.chunks.push(e.data);
      onChunk?.(e.data, this.elapsedMs());
    };
    // A chunk every second: a long round never waits on one huge buffer, and a reload loses
    // at most the last second of what was backed up (recording-backup.ts).
    this.recorder.start(1000);
  }

  get isRecording(): boolean {
    return this.recorder.state === "recording";
  }

  /** When the recording began (ISO): with the round, what tells one recording of a player from another. */
  get startedAtIso(): string {
    return this.startedAt.toISOString();
  }

  private elapsedMs(): number {
    return Math.max(0, Math.round(performance.now() - this.startedMs));
  }

  /** The audio recorded so far, while recording goes on (a page about to go sends it). */
  snapshot(): FinishedRecording | null {
    const blob = new Blob(this.chunks, { type: this.recorder.mimeType || this.chunks[0]?.type || "audio/webm" });
    return blob.size > 0 ? { blob, round: this.round, startedAt: this.startedAtIso, durationMs: this.elapsedMs() } : null;
  }

  /** Ends the recording; resolves with the audio, or null when nothing was captured. */
  stop(): Promise<FinishedRecording | null> {
    this.stopped ??= new Promise((resolve) => {
      const done = () => {
        const durationMs = this.elapsedMs();
        const type = this.recorder.mimeType || this.chunks[0]?.type || "audio/webm";
        const blob = new Blob(this.chunks, { type });
        resolve(blob.size > 0 ? { blob, round: this.round, startedAt: this.startedAt.toISOString(), durationMs } : null);
      };
      if (this.recorder.state === "inactive") return done();
      this.recorder.addEventListener("stop", done, { once: true });
      try {
        this.recorder.stop();
      } catch {
        done();
      }
    });
    return this.stopped;
  }
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Upload failed: ${status} ${code}`);
    this.name = "UploadError";
  }
}

const extensionOf = (type: string) => (type.includes("mp4") ? "m4a" : type.includes("ogg") ? "ogg" : "webm");

/** One POST of the multipart form, reporting upload progress (fetch cannot). */
function postOnce(form: FormData, onProgress: (fraction: number) => void): Promise<UploadedRecording> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/voice/recordings");
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.timeout = 120_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 || xhr.status === 200) return resolve(body as UploadedRecording);
      const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
      reject(new UploadError(xhr.status, typeof code === "string" ? code : `HTTP_${xhr.status}`));
    };
    xhr.onerror = () => reject(new UploadError(0, "NETWORK"));
    xhr.ontimeout = () => reject(new UploadError(0, "TIMEOUT"));
    xhr.send(form);
  });
}

/** The multipart form of an upload (API.md "Voice"). */
function uploadForm(rec: FinishedRecording, roomCode: string): FormData {
  const form = new FormData();
  form.append("file", rec.blob, `round-${rec.round}.${extensionOf(rec.blob.type)}`);
  form.append("roomCode", roomCode);
  form.append("round", String(rec.round));
  form.append("startedAt", rec.startedAt);
  form.append("durationMs", String(rec.durationMs));
  return form;
}

/** What a request kept alive past its page may carry (browsers allow 64 KiB in flight in all). */
export const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * A last try, as the page goes away, to upload what was recorded so far: a keep-alive
 * request, so small recordings only. Best effort: whatever it misses stays in the backup and
 * is uploaded by the next session (same start time, so this one and that one make one row).
 */
export function uploadOnExit(rec: FinishedRecording, roomCode: string): boolean {
  if (rec.blob.size > KEEPALIVE_MAX_BYTES) return false;
  try {
    void fetch("/api/voice/recordings", { method: "POST", body: uploadForm(rec, roomCode), credentials: "same-origin", keepalive: true, headers: { Accept: "application/json" } }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}

/**
 * Uploads one round's recording, retrying network failures, timeouts, rate limits and server
 * errors with a growing delay (the server answers a repeated round + start time with the first
 * upload). Rejects with an UploadError: CONSENT_REQUIRED, PAYLOAD_TOO_LARGE… are not retried.
 */
export async function uploadRecording(
  rec: FinishedRecording,
  roomCode: string,
  { onProgress = () => undefined, attempts = 4, wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) }: { onProgress?: (fraction: number) => void; attempts?: number; wait?: (ms: number) => Promise<void> } = {},
): Promise<UploadedRecording> {
  const form = uploadForm(rec, roomCode);
  for (let attempt = 0; ; attempt++) {
    try {
      onProgress(0);
      return await postOnce(form, onProgress);
    } catch (e) {
      const status = e instanceof UploadError ? e.status : 0;
      if (!isRetryableStatus(status) || attempt + 1 >= attempts) throw e instanceof UploadError ? e : new UploadError(0, "NETWORK");
      await wait(backoffMs(attempt, { baseMs: 1000, maxMs: 8000 }));
    }
  }
}
