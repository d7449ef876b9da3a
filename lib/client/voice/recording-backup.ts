/**
 * A copy of each round's recording in this browser's IndexedDB, chunk by chunk as the
 * MediaRecorder hands them over, so that a reload (or a closed tab, a crash) in the middle of
 * a round does not lose what was recorded before it: the next voice session in this browser
 * uploads such a leftover as a recording of its own (same round and start time, so a repeated
 * upload answers the first). A copy is deleted once its upload is stored or refused for good.
 *
 * A recording still being made holds a Web Lock named after it: a leftover is one whose lock
 * nobody holds (its page is gone), so a second tab never uploads another tab's live recording.
 * Without Web Locks, a copy counts as left over once no chunk came for a while. Every
 * operation gives up quietly when IndexedDB is unavailable (private modes, full disks): the
 * recording then lives in memory only, as before.
 */

const DB_NAME = "aedg-voice";
const DB_VERSION = 1;
const PARTS = "parts";
const CHUNKS = "chunks";
/** Without Web Locks: a copy with no new chunk for this long belongs to no live page. */
const STALE_MS = 30_000;
/** Leftovers older than this are dropped rather than uploaded (the room is long over). */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the upload of a backed-up recording needs, besides its chunks. */
export interface BackedUpRecording {
  id: string;
  userId: string;
  roomCode: string;
  round: number;
  /** ISO time the recording began (the upload's `startedAt`). */
  startedAt: string;
  /** Recorded time up to the last stored chunk. */
  durationMs: number;
  mimeType: string;
  /** When the last chunk was stored (ms since epoch). */
  savedAt: number;
}

let opening: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      if (typeof indexedDB === "undefined") return resolve(null);
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(PARTS)) db.createObjectStore(PARTS, { keyPath: "id" }).createIndex("userId", "userId");
        if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS, { keyPath: ["id", "seq"] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });

const result = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });

const chunkRange = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);
const lockName = (id: string) => `aedg-recording:${id}`;

/** Holds the recording's lock until the returned function is called (or the page goes). */
function holdLock(id: string): () => void {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  locks.request(lockName(id), () => held).catch(() => undefined);
  return () => release();
}

/** The backup of one recording being made; writes go out in order, failures are ignored. */
export class RecordingBackup {
  private seq = 0;
  private queue: Promise<unknown>;
  private readonly releaseLock: () => void;
  private isClosed = false;

  constructor(private readonly meta: Omit<BackedUpRecording, "durationMs" | "savedAt" | "mimeType">) {
    this.releaseLock = holdLock(meta.id);
    this.queue = this.write((db) => {
      const tx = db.transaction(PARTS, "readwrite");
      tx.objectStore(PARTS).put({ ...meta, durationMs: 0, mimeType: "", savedAt: Date.now() } satisfies BackedUpRecording);
      return done(tx);
    });
  }

  get id(): string {
    return this.meta.id;
  }

  /** Stores the next chunk and the recorded time so far. */
  append(chunk: Blob, durationMs: number): void {
    if (this.isClosed) return;
    const seq = this.seq++;
    this.queue = this.queue.then(() =>
      this.write((db) => {
        const tx = db.transaction([PARTS, CHUNKS], "readwrite");
        tx.objectStore(CHUNKS).put({ id: this.meta.id, seq, blob: chunk });
        tx.objectStore(PARTS).put({ ...this.meta, durationMs, mimeType: chunk.type, savedAt: Date.now() } satisfies BackedUpRecording);
        return done(tx);
      }),
    );
  }

  /** The recording is stored on the server (or refused for good): forget the copy. */
  async discard(): Promise<void> {
    this.isClosed = true;
    await this.queue;
    await discardBackup(this.meta.id);
    this.releaseLock();
  }

  /** The upload failed for now: keep the copy for a later session to upload. */
  release(): void {
    this.isClosed = true;
    void this.queue.finally(() => this.releaseLock());
  }

  private async write(fn: (db: IDBDatabase) => Promise<void>): Promise<void> {
    try {
      const db = await openDb();
      if (db) await fn(db);
    } catch {
      // quota, private mode, a closing page: the in-memory recording still stands
    }
  }
}

/** Recordings of `userId` left in this browser by pages that are gone, oldest first. */
export async function leftoverBackups(userId: string): Promise<BackedUpRecording[]> {
  try {
    const db = await openDb();
    if (!db) return [];
    const tx = db.transaction(PARTS, "readonly");
    const parts = await result(tx.objectStore(PARTS).index("userId").getAll(IDBKeyRange.only(userId)) as IDBRequest<BackedUpRecording[]>);
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    let isLive: (p: BackedUpRecording) => boolean = (p) => Date.now() - p.savedAt < STALE_MS;
    if (locks) {
      const snapshot = await locks.query();
      const names = new Set([...(snapshot.held ?? []), ...(snapshot.pending ?? [])].map((l) => l.name));
      isLive = (p) => names.has(lockName(p.id));
    }
    return parts.filter((p) => !isLive(p)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  } catch {
    return [];
  }
}

/** Whether a leftover is too old to be worth uploading. */
export function isExpiredBackup(p: BackedUpRecording, now = Date.now()): boolean {
  return now - Date.parse(p.startedAt) > MAX_AGE_MS;
}

/** The audio of a backed-up recording (its chunks in order), or null when none was stored. */
export async function readBackup(p: BackedUpRecording): Promise<Blob | null> {
  try {
    const db = await openDb();
    if (!db) return null;
    const tx = db.transaction(CHUNKS, "readonly");
    const rows = await result(tx.objectStore(CHUNKS).getAll(chunkRange(p.id)) as IDBRequest<{ seq: number; blob: Blob }[]>);
    if (!rows.length) return null;
    rows.sort((a, b) => a.seq - b.seq);
    return new Blob(
      rows.map((r) => r.blob),
      { type: p.mimeType || rows[0]!.blob.type || "audio/webm" },
    );
  } catch {
    return null;
  }
}

/** Deletes a backed-up recording and its chunks. */
export async function discardBackup(id: string): Promise<void> {
  try {
    const db = await openDb();
    if (!db) return;
    const tx = db.transaction([PARTS, CHUNKS], "readwrite");
    tx.objectStore(CHUNKS).delete(chunkRange(id));
    tx.objectStore(PARTS).delete(id);
    await done(tx);
  } catch {
    // left for the next session to try again
  }
}
