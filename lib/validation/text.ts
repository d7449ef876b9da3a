import { z } from "zod";

/**
 * Text from outside — typed by people, or written by a model — as every schema takes it. Some
 * characters are never text: control characters (PostgreSQL refuses a NUL outright; the others
 * are invisible and break exports and screens) and a half of a surrogate pair standing alone (no
 * character at all; the database would store U+FFFD instead). Multi-line text may hold tab, line
 * feed and carriage return. A name shown on other people's screens also may not hold
 * invisible or direction-changing characters (zero-width, line separators, bidi overrides).
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE = /[\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;

/** `line`: one line (titles, labels, chat); `lines`: several (openings, briefs, memos); `name`: one line shown as someone's name. */
export type TextKind = "line" | "lines" | "name";

/** Whether `s` holds only characters text of this kind may hold. */
export function isCleanText(s: string, kind: TextKind = "line"): boolean {
  if (CONTROL.test(s) || LONE_SURROGATE.test(s)) return false;
  if (kind !== "lines" && LINE_BREAK_OR_TAB.test(s)) return false;
  return kind !== "name" || !INVISIBLE.test(s);
}

const REFUSED: Record<TextKind, string> = {
  line: "Control characters and line breaks are not allowed.",
  lines: "Control characters are not allowed.",
  name: "Control characters are not allowed.",
};

export interface TextRules {
  kind?: TextKind;
  /** Characters after trimming (default 1: required). */
  min?: number;
  max: number;
  /** Trim surrounding white space (default true; a memo keeps it). */
  trim?: boolean;
  tooShort?: string;
  tooLong?: string;
}

/**
 * The one schema of free text: trimmed, `min`–`max` characters, refused (400 naming the field)
 * when it holds a character text of its kind may not hold.
 */
export function textSchema({ kind = "line", min = 1, max, trim = true, tooShort, tooLong }: TextRules) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(min, tooShort)
    .max(max, tooLong)
    .refine((s) => isCleanText(s, kind), REFUSED[kind]);
}

// eslint-disable-next-line no-control-regex -- as above
const STRIP_LINE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- as above
const STRIP_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `s` without what `textSchema` refuses in text of that kind (line breaks and tabs in one line
 * become spaces): for text the app takes as it comes rather than refusing, such as a model's
 * answers and transcripts.
 */
export function stripUnsafeText(s: string, kind: "line" | "lines" = "lines"): string {
  if (kind === "line") return s.replace(/[\t\n\r]/g, " ").replace(STRIP_LINE, "");
  return s.replace(STRIP_LINES, "");
}

/** stripUnsafeText (multi-line) over every string of a JSON value, keys included. */
export function stripUnsafeJson(value: unknown): unknown {
  if (typeof value === "string") return stripUnsafeText(value);
  if (Array.isArray(value)) return value.map(stripUnsafeJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripUnsafeText(k), stripUnsafeJson(v)]));
  return value;
}
