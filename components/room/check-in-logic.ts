import { announcementMark } from "./room-logic";

/**
 * What the check-in dialog shows of its countdown: milliseconds left to answer by `checkInBy`
 * (ISO, server time) at local time `now` with the server's clock `offsetMs` ahead; null before
 * the page's clock has ticked (now 0) or for an unreadable time.
 */
export function checkInMsLeft(checkInBy: string, now: number, offsetMs: number): number | null {
  const by = Date.parse(checkInBy);
  if (!now || !Number.isFinite(by)) return null;
  return Math.max(0, by - (now + offsetMs));
}

/** Whole seconds shown (rounded up, so 0 means the time is up). */
export const secondsShown = (ms: number) => Math.ceil(ms / 1000);

/** The seconds left to read out to screen readers now (a few marks only), or null. */
export const checkInAnnouncement = (ms: number | null) => announcementMark(ms);
