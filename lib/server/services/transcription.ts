import { toFile } from "openai";
import { aiSettings, client } from "../ai/client";
import { db } from "../db";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { remember } from "../remember";
import { openRecording } from "../storage/recordings";
import { stripUnsafeText } from "@/lib/validation/text";

/**
 * Transcripts of voice recordings, made in the background through the `openai` client's
 * audio transcription endpoint (any OpenAI-compatible server). With AI configured, every
 * stored recording gets a PENDING Transcript; a worker claims one at a time (a lease in
 * `nextAttemptAt`, `FOR UPDATE SKIP LOCKED`, so several instances never work on the same
 * one), retries failures with exponential back-off and gives up (FAILED) after the last
 * attempt. Nothing waits for it: uploads answer at once, and a failure only ever touches
 * its own row. Without AI nothing is queued, and exports say why the transcript is empty.
 */

export interface TranscriptionSettings {
  enabled: boolean;
  model: string;
  maxAttempts: number;
  /** Delay before the first retry; doubled for each further one. */
  retryBaseMs: number;
  /** How long a claimed transcript is left to its worker before another may try. */
  leaseMs: number;
  timeoutMs: number;
}

export function transcriptionSettings(): TranscriptionSettings {
  return {
    enabled: aiSettings().enabled && process.env.TRANSCRIPTION !== "off",
    model: process.env.OPENAI_TRANSCRIBE_MODEL || "whisper-1",
    maxAttempts: Math.max(1, Number(process.env.TRANSCRIBE_MAX_ATTEMPTS) || 5),
    retryBaseMs: Math.max(10, Number(process.env.TRANSCRIBE_RETRY_MS) || 30_000),
    leaseMs: 10 * 60_000,
    timeoutMs: Number(process.env.TRANSCRIBE_TIMEOUT_MS) || 120_000,
  };
}

/** Queues a stored recording for transcription (no-op without AI) and wakes the worker. */
export async function queueTranscription(recordingId: string): Promise<void> {
  if (!transcriptionSettings().enabled) return;
  await db().transcript.upsert({ where: { recordingId }, create: { recordingId }, update: {} });
  kickTranscription();
}

/** Queues recordings stored before AI was configured (a bounded batch per call). */
export async function queueMissingTranscripts(limit = 200): Promise<number> {
  if (!transcriptionSettings().enabled) return 0;
  const missing = await db().recording.findMany({ where: { transcript: null }, select: { id: true }, take: limit, orderBy: { createdAt: "asc" } });
  if (!missing.length) return 0;
  const made = await db().transcript.createMany({ data: missing.map((r) => ({ recordingId: r.id })), skipDuplicates: true });
  return made.count;
}

interface Claimed {
  id: string;
  recordingId: string;
  attempts: number;
}

/** Takes the next due transcript for this worker, counting the attempt; null when none is due. */
async function claimNext(s: TranscriptionSettings, now = new Date()): Promise<Claimed | null> {
  const lease = new Date(now.getTime() + s.leaseMs);
  const rows = await db().$queryRaw<Claimed[]>`
    UPDATE "Transcript" SET "nextAttemptAt" = ${lease}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" = (
      SELECT "id" FROM "Transcript" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" ASC LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "recordingId", "attempts"`;
  return rows[0] ?? null;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Transcribes one claimed recording and records the outcome. Never throws. */
async function transcribe(t: Claimed, s: TranscriptionSettings): Promise<void> {
  const started = Date.now();
  try {
    const rec = await db().recording.findUnique({ where: { id: t.recordingId }, include: { room: { select: { scenario: { select: { locale: true } } } } } });
    if (!rec) return; // deleted meanwhile (withdrawal, cleanup): its transcript went with it
    const file = await openRecording(rec.storageKey);
    if (!file) throw new PermanentFailure("the recording's file is missing");
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    const ext = rec.storageKey.split(".").pop() ?? "webm";
    const language = rec.room.scenario.locale === "ko" ? "ko" : "en";
    const upload = await toFile(Buffer.concat(chunks), `round-${rec.round}.${ext}`, { type: rec.mimeType });
    const result = await client({ baseURL: aiSettings().baseURL, timeoutMs: s.timeoutMs }).audio.transcriptions.create({ file: upload, model: s.model, language });
    metrics().aiDuration.observe({ kind: "TRANSCRIPT", status: "ANSWERED" }, (Date.now() - started) / 1000);
    await db().transcript.updateMany({ where: { id: t.id }, data: { status: "DONE", text: stripUnsafeText(result.text ?? "").trim(), language, model: s.model, lastError: null } });
  } catch (e) {
    metrics().aiDuration.observe({ kind: "TRANSCRIPT", status: "ERROR" }, (Date.now() - started) / 1000);
    const giveUp = e instanceof PermanentFailure || t.attempts >= s.maxAttempts;
    const next = new Date(Date.now() + s.retryBaseMs * 2 ** Math.max(0, t.attempts - 1));
    logger().warn({ recordingId: t.recordingId, attempt: t.attempts, giveUp, err: errorText(e) }, "transcription failed");
    await db()
      .transcript.updateMany({ where: { id: t.id }, data: giveUp ? { status: "FAILED", lastError: errorText(e) } : { lastError: errorText(e), nextAttemptAt: next } })
      .catch((err: unknown) => logger().warn({ err: errorText(err) }, "could not record a transcription failure; the lease will expire and it will be retried"));
  }
}

class PermanentFailure extends Error {}

interface WorkerState {
  running: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
}
const state = () => remember<WorkerState>("transcription-worker", () => ({ running: false, again: false }));

/** Works through every due transcript, one at a time. Concurrent calls coalesce. */
export async function drainTranscriptions(): Promise<void> {
  const st = state();
  if (st.running) {
    st.again = true;
    return;
  }
  st.running = true;
  try {
    do {
      st.again = false;
      const s = transcriptionSettings();
      if (!s.enabled) return;
      for (;;) {
        const next = await claimNext(s);
        if (!next) break;
        await transcribe(next, s);
      }
    } while (st.again);
  } catch (e) {
    logger().warn({ err: errorText(e) }, "transcription worker pass failed; it will try again");
  } finally {
    st.running = false;
  }
}

/** Starts work now rather than at the next tick. */
export function kickTranscription(): void {
  setImmediate(() => void drainTranscriptions());
}

/** The worker: queues older recordings, then drains due transcripts every `intervalMs`. Returns its stop. */
export function startTranscriptionWorker(intervalMs = Number(process.env.TRANSCRIBE_POLL_MS) || 5000): () => void {
  if (!transcriptionSettings().enabled) return () => undefined;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    await queueMissingTranscripts().catch((e: unknown) => logger().warn({ err: errorText(e) }, "could not queue older recordings for transcription"));
    await drainTranscriptions();
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
