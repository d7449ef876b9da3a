/**
 * Time in a phase, with and without its pauses. The phase log holds three kinds of rows: the
 * phases a room went through (PHASE), the time a phase waited for an absent or empty seat
 * (PAUSE, inside its phase's row), and moments (EVENT, entered and left at once). A phase's
 * active time is its length minus the pauses within it; the export, the research dashboards
 * and the monitor all count it this way. Pure: times are epoch milliseconds.
 */

export const PHASE_LOG_KINDS = ["PHASE", "PAUSE", "EVENT"] as const;
export type PhaseLogKind = (typeof PHASE_LOG_KINDS)[number];

/** The reason a PAUSE row gives: the room waited for a seat to be filled or its player to come back. */
export const PAUSE_REASON = "waiting_for_player";

export interface Span {
  enteredAt: number;
  /** null while it lasts. */
  leftAt: number | null;
}

export interface TimedEntry extends Span {
  kind: PhaseLogKind;
}

/**
 * Milliseconds of `pauses` that fall between `from` and `to` (each pause counted only for its
 * overlap; a pause still going on counts up to `to`).
 */
export function pausedWithin(from: number, to: number, pauses: readonly Span[]): number {
  let total = 0;
  for (const p of pauses) {
    const start = Math.max(from, p.enteredAt);
    const end = Math.min(to, p.leftAt ?? Infinity);
    if (end > start) total += end - start;
  }
  return total;
}

export interface PhaseTime {
  /** The phase's length without its pauses; null for a phase still going on, and for rows that are not phases. */
  activeMs: number | null;
  /** Its pauses; null likewise. */
  pausedMs: number | null;
}

/**
 * Active and paused time of each row of a room's phase log, in the rows' order: for a PHASE row
 * that has ended, its length split into active and paused time (the PAUSE rows within it);
 * null for a phase going on, a pause and an event.
 */
export function phaseTimes(entries: readonly TimedEntry[]): PhaseTime[] {
  const pauses = entries.filter((e) => e.kind === "PAUSE");
  return entries.map((e) => {
    if (e.kind !== "PHASE" || e.leftAt === null) return { activeMs: null, pausedMs: null };
    const length = Math.max(0, e.leftAt - e.enteredAt);
    const pausedMs = Math.min(length, pausedWithin(e.enteredAt, e.leftAt, pauses));
    return { activeMs: length - pausedMs, pausedMs };
  });
}

/**
 * How long a phase has been running at `now` without its pauses: from its start, less the pauses
 * already over (`pausedMs`) and the one going on since `pausedAt`, if any. Null when the start is unknown.
 */
export function activeSince(start: number | null, pausedMs: number, pausedAt: number | null, now: number): number | null {
  if (start === null) return null;
  const ongoing = pausedAt === null ? 0 : Math.max(0, now - Math.max(pausedAt, start));
  return Math.max(0, now - start - pausedMs - ongoing);
}
