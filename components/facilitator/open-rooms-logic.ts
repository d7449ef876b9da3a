import type { RoomSettingsInput } from "@/lib/validation/room";

/** The room timers a facilitator may set, in the order the form shows them. */
export const TIMER_FIELDS = ["rolesSeconds", "individualSeconds", "discussionSeconds", "consensusSeconds", "revealSeconds", "graceSeconds"] as const;
export type TimerField = (typeof TIMER_FIELDS)[number];

/** Minutes typed by a person ("5", "1.5", "0,5") as whole seconds; null when blank or not a number. */
export function minutesToSeconds(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const minutes = Number(trimmed);
  if (!Number.isFinite(minutes)) return Number.NaN;
  return Math.round(minutes * 60);
}

/**
 * The timers the form filled in, in seconds; blank ones are left out (the room takes the
 * default). A value that is not a number stays NaN so that the schema rejects it.
 */
export function settingsFromMinutes(minutes: Partial<Record<TimerField, string>>): Omit<RoomSettingsInput, "roleAssignment"> {
  const out: Partial<Record<TimerField, number>> = {};
  for (const field of TIMER_FIELDS) {
    const seconds = minutesToSeconds(minutes[field] ?? "");
    if (seconds !== null) out[field] = seconds;
  }
  return out;
}

/** Whether a page's path segment can be a scenario's id (a UUID). */
export const isScenarioId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
