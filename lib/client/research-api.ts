import { EXPORT_FORMATS, SHEET_NAMES, type ExportFormat, type SheetName } from "@/lib/validation/research";
import { ApiError, apiFetch } from "./api";
import type { ScenarioSummary } from "./room-api";

/**
 * Typed calls for the research routes (API.md "Research"), the filters they share as a URL
 * query, and the streamed export download. The answer types live in lib/domain/research-views.ts,
 * shared with the services that produce them.
 */

export { PHASES } from "@/lib/domain/research-views";
export type { ResearchPhase, ResearchSummary, ResearchRoomListItem, ResearchRoomPage, ResearchStatistics, ResearchRoomDetail, ResearchRound, ResearchTimelineEntry, ResearchParticipant, ResearchParticipantGame, CleanupCounts } from "@/lib/domain/research-views";
import type { ResearchSummary, ResearchRoomPage, ResearchRoomDetail, ResearchParticipant, CleanupCounts } from "@/lib/domain/research-views";

// ---------------------------------------------------------------------------------------------
// Filters ↔ URL query

export type CompletedFilter = "true" | "false";
export type TestFilter = "true" | "false" | "all";

/** The filters of the room list and the export, as they travel in a URL (all optional, strings). */
export interface RoomFilters {
  /** YYYY-MM-DD, rooms created on or after that day (UTC). */
  from?: string;
  /** YYYY-MM-DD, rooms created on or before that day (UTC). */
  to?: string;
  /** A scenario slug or id. */
  scenario?: string;
  completed?: CompletedFilter;
  /** Absent means "false": test rooms left out (the server's default). */
  test?: TestFilter;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const SCENARIO_REF = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9-]{0,63})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDate(s: string): boolean {
  if (!DATE_ONLY.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

type ParamSource = { get(name: string): string | null };

/**
 * The filters in a URL query; a value the server would refuse (a malformed date, an unknown
 * flag) is dropped, so a hand-edited link still opens the list.
 */
export function filtersFromQuery(params: ParamSource): RoomFilters {
  const f: RoomFilters = {};
  const from = params.get("from")?.trim();
  const to = params.get("to")?.trim();
  const scenario = params.get("scenario")?.trim();
  const completed = params.get("completed");
  const test = params.get("test");
  if (from && isRealDate(from)) f.from = from;
  if (to && isRealDate(to)) f.to = to;
  if (scenario && SCENARIO_REF.test(scenario)) f.scenario = scenario;
  if (completed === "true" || completed === "false") f.completed = completed;
  if (test === "true" || test === "all") f.test = test;
  return f;
}

/** The page cursor in a URL query (a room id), or undefined. */
export function cursorFromQuery(params: ParamSource): string | undefined {
  const cursor = params.get("cursor");
  return cursor && UUID.test(cursor) ? cursor : undefined;
}

/** The filters as URL parameters in a fixed order, leaving out empty values and defaults. */
export function filtersToParams(f: RoomFilters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  if (f.scenario) params.set("scenario", f.scenario);
  if (f.completed) params.set("completed", f.completed);
  if (f.test && f.test !== "false") params.set("test", f.test);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, v);
  return params;
}

/** `?from=…&to=…` (or "" when nothing is set). */
export function filtersQuery(f: RoomFilters, extra?: Record<string, string | undefined>): string {
  const q = filtersToParams(f, extra).toString();
  return q ? `?${q}` : "";
}

/** Whether two filter sets select the same rooms. */
export function sameFilters(a: RoomFilters, b: RoomFilters): boolean {
  return filtersToParams(a).toString() === filtersToParams(b).toString();
}

/** What is wrong with a set of filters before asking the server, or null. */
export function filtersProblem(f: RoomFilters): "range" | null {
  if (f.from && f.to && f.from > f.to) return "range";
  return null;
}

/** The scenario filter's choices: built-in scenarios share a slug across languages (one choice, titled in `locale`), others go by id. */
export function scenarioOptions(scenarios: Pick<ScenarioSummary, "id" | "slug" | "locale" | "title">[], locale: string): { value: string; label: string }[] {
  const byKey = new Map<string, Pick<ScenarioSummary, "id" | "slug" | "locale" | "title">[]>();
  for (const s of scenarios) {
    const key = s.slug ?? s.id;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return [...byKey]
    .map(([value, list]) => ({ value, label: (list.find((s) => s.locale === locale) ?? list[0]!).title }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** How many filters narrow the set (the test flag counts when it is not the default). */
export function activeFilterCount(f: RoomFilters): number {
  return [f.from, f.to, f.scenario, f.completed, f.test && f.test !== "false" ? f.test : undefined].filter(Boolean).length;
}

// ---------------------------------------------------------------------------------------------
// Calls

const enc = encodeURIComponent;

export const getResearchSummary = (signal?: AbortSignal) => apiFetch<ResearchSummary>("/api/research/summary", { signal });

export const listResearchRooms = (filters: RoomFilters, cursor?: string, limit = 25, signal?: AbortSignal) =>
  apiFetch<ResearchRoomPage>(`/api/research/rooms${filtersQuery(filters, { cursor, limit: String(limit) })}`, { signal });

export const getResearchRoom = (idOrCode: string, signal?: AbortSignal) => apiFetch<ResearchRoomDetail>(`/api/research/rooms/${enc(idOrCode)}`, { signal });

export const getResearchParticipant = (code: string, signal?: AbortSignal) => apiFetch<ResearchParticipant>(`/api/research/users/${enc(code)}`, { signal });

export const getDebugCounts = (signal?: AbortSignal) => apiFetch<{ counts: Record<string, number> }>("/api/research/debug/counts", { signal }).then((r) => r.counts);

/** Deletes every test room and, with `before` (YYYY-MM-DD), abandoned rooms created before that day. */
export const cleanupTestData = (before?: string) =>
  apiFetch<{ deleted: CleanupCounts }>("/api/research/cleanup", { method: "POST", body: before ? { testOnly: true, before } : { testOnly: true } }).then((r) => r.deleted);

/** Where a researcher plays back a recording (the browser's <audio> streams it). */
export const recordingUrl = (id: string) => `/api/voice/recordings/${enc(id)}`;

// ---------------------------------------------------------------------------------------------
// Export

export { EXPORT_FORMATS, SHEET_NAMES, type ExportFormat, type SheetName };

/** The export's URL for these filters, format and (optionally) one sheet. */
export function exportUrl(filters: RoomFilters, format: ExportFormat, sheet?: SheetName): string {
  return `/api/research/export${filtersQuery(filters, { format, sheet })}`;
}

/**
 * The file name in a Content-Disposition header (`filename*=UTF-8''…` preferred over
 * `filename="…"`), reduced to a safe base name; `fallback` when there is none.
 */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  let name: string | undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      name = decodeURIComponent(star[1]!.trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header);
    const bare = /filename\s*=\s*([^;\s"]+)/.exec(header);
    name = quoted ? quoted[1]!.replace(/\\(.)/g, "$1") : bare?.[1];
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const safe = name?.split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return safe && safe !== "." && safe !== ".." ? safe : fallback;
}

/** The name to save under when the server gave none. */
export function fallbackFilename(format: ExportFormat, sheet?: SheetName): string {
  const ext = format === "csv" ? (sheet ? "csv" : "zip") : format;
  return `aedg-export.${ext}`;
}

/** `0 B`, `980 B`, `1.2 KB`, `34 MB`, `1.05 GB` (powers of 1024), in the UI language's digits. */
export function formatBytes(bytes: number, locale = "en"): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(unit === 0 ? Math.round(value) : value);
  return `${text} ${units[unit]}`;
}

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * Fetches a file, reading the body chunk by chunk so `onProgress` can report the bytes
 * received, and answers it as a Blob with the server's file name. Throws ApiError for an
 * error answer (400 with the server's message, 401, 403…); rejects with an AbortError when
 * `signal` aborts.
 */
export async function fetchFileWithProgress(url: string, { signal, onProgress, fallbackName }: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void; fallbackName: string }): Promise<DownloadedFile> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store", signal });
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => null);
    const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof error?.code === "string" ? error.code : `HTTP_${res.status}`,
      typeof error?.message === "string" ? error.message : res.statusText,
      error?.details,
    );
  }
  const length = Number(res.headers.get("content-length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = res.headers.get("content-type") ?? "application/octet-stream";
  const filename = filenameFromDisposition(res.headers.get("content-disposition"), fallbackName);
  onProgress?.({ received: 0, total });
  if (!res.body) {
    const blob = await res.blob();
    onProgress?.({ received: blob.size, total });
    return { blob, filename };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      onProgress?.({ received, total });
    }
  } finally {
    reader.releaseLock();
  }
  return { blob: new Blob(chunks, { type }), filename };
}

/** Hands a Blob to the browser as a download under `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: keep it alive for a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
