import { z } from "zod";
import { CODE_ALPHABET, isCode } from "@/lib/domain/codes";
import { ROOM_CODE_LENGTH } from "./realtime";

/**
 * Queries and bodies of the research routes (researchers and admins). Every schema is strict:
 * an unknown key is a 400, never ignored.
 */

/** The sheets of an export, in workbook order. */
export const SHEET_NAMES = ["wide", "choices", "consensus", "consensus_confidence", "rooms", "phase_log", "chat", "transcripts", "README"] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export const EXPORT_FORMATS = ["xlsx", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO date (`2026-03-01`, midnight UTC) or date-time with a zone (`2026-03-01T09:00:00Z`,
 * `…+09:00`). Date-only values also say so, so that `to` can include the whole day.
 */
const isoInstant = z
  .string()
  .trim()
  .max(40)
  .refine((s) => DATE_ONLY.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, "An ISO date (YYYY-MM-DD) or date-time with a zone.")
  .refine(isCalendarDate, "Not a real date.")
  .transform((s) => ({ at: new Date(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s), dateOnly: DATE_ONLY.test(s) }))
  .refine((v) => !Number.isNaN(v.at.getTime()), "Not a real date.");

/** The YYYY-MM-DD part names a day that exists (Date would roll 2026-02-30 over to March). */
function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const booleanText = z.enum(["true", "false"]).transform((v) => v === "true");

/** A scenario by id (uuid) or by slug (the key shared by a built-in scenario's languages). */
const scenarioRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((s) => z.uuid().safeParse(s).success || /^[a-z0-9][a-z0-9-]*$/.test(s), "A scenario id or slug.");

const filterShape = {
  /** Rooms created at or after this instant. */
  from: isoInstant.optional(),
  /** Rooms created before this instant; a date-only value includes that whole day (UTC). */
  to: isoInstant.optional(),
  scenario: scenarioRef.optional(),
  /** true: finished rooms only; false: every other phase. */
  completed: booleanText.optional(),
  /** false (default): test rooms left out; true: test rooms only; all: both. */
  test: z.enum(["true", "false", "all"]).default("false"),
};

/** The filters the room list and the export share, as the services use them. */
export interface ResearchFilters {
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  scenario?: string;
  completed?: boolean;
  test: "true" | "false" | "all";
}

type RawFilters = { from?: { at: Date; dateOnly: boolean }; to?: { at: Date; dateOnly: boolean }; scenario?: string; completed?: boolean; test: "true" | "false" | "all" };

const DAY_MS = 24 * 60 * 60 * 1000;

function toFilters(v: RawFilters): ResearchFilters {
  return {
    from: v.from?.at,
    to: v.to ? (v.to.dateOnly ? new Date(v.to.at.getTime() + DAY_MS) : v.to.at) : undefined,
    scenario: v.scenario,
    completed: v.completed,
    test: v.test,
  };
}

const fromBeforeTo = (v: ResearchFilters) => !v.from || !v.to || v.from.getTime() < v.to.getTime();
const FROM_BEFORE_TO = { message: "`from` must be before `to`.", path: ["from"] };

export const researchFiltersSchema = z.strictObject(filterShape).transform(toFilters).refine(fromBeforeTo, FROM_BEFORE_TO);

export const researchRoomsQuerySchema = z
  .strictObject({
    ...filterShape,
    /** The last room id of the previous page. */
    cursor: z.uuid().optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, "A whole number from 1 to 100.")
      .transform(Number)
      .pipe(z.number().int().min(1).max(100))
      .default(50),
  })
  .transform(({ cursor, limit, ...rest }) => ({ filters: toFilters(rest), cursor, limit }))
  .refine((v) => fromBeforeTo(v.filters), FROM_BEFORE_TO);
export type ResearchRoomsQuery = z.output<typeof researchRoomsQuerySchema>;

export const researchExportQuerySchema = z
  .strictObject({
    ...filterShape,
    format: z.enum(EXPORT_FORMATS).default("xlsx"),
    /** One sheet only (csv: a single .csv file instead of a zip). */
    sheet: z.enum(SHEET_NAMES).optional(),
  })
  .transform(({ format, sheet, ...rest }) => ({ filters: toFilters(rest), format, sheet }))
  .refine((v) => fromBeforeTo(v.filters), FROM_BEFORE_TO);
export type ResearchExportQuery = z.output<typeof researchExportQuerySchema>;

/** Routes with no query parameters at all. */
export const emptyQuerySchema = z.strictObject({});

/** A room by id (uuid) or by its 6-character code. */
export const researchRoomRefSchema = z
  .string()
  .trim()
  .max(64)
  .transform((s) => (z.uuid().safeParse(s).success ? { id: s } : { code: s.toUpperCase() }))
  .refine((r) => "id" in r || isCode(r.code, ROOM_CODE_LENGTH), "A room id or room code.");

/** A participant by pseudonymous code ("P" + 7 characters) or by user id. */
export const PARTICIPANT_CODE = new RegExp(`^P[${CODE_ALPHABET}]{7}$`);
export const researchUserRefSchema = z
  .string()
  .trim()
  .max(64)
  .transform((s) => (z.uuid().safeParse(s).success ? { id: s } : { participantCode: s.toUpperCase() }))
  .refine((r) => "id" in r || PARTICIPANT_CODE.test(r.participantCode), "A participant code or user id.");

export const researchCleanupSchema = z.strictObject({
  /** Only test data is ever removed; the literal makes a caller say so. */
  testOnly: z.literal(true),
  /** Also remove ABANDONED rooms created before this instant. */
  before: isoInstant.optional().transform((v) => v?.at),
});
export type ResearchCleanupInput = z.output<typeof researchCleanupSchema>;

/** `DELETE /api/users/me`: delete the account, and with `withdrawData` every research row too. */
export const deleteMeSchema = z.strictObject({ withdrawData: z.boolean() });
export type DeleteMeInput = z.infer<typeof deleteMeSchema>;
