import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/messages";
import { customGameSchema, type CustomGameInput } from "@/lib/validation/custom-game";
import { SCENARIO_LIMITS, type Locale, type ScenarioContent } from "@/lib/validation/scenario";

/**
 * The custom-game editor as pure data: the form's state, the edits it accepts (kept within
 * SCENARIO_LIMITS), and its validation by the same zod schema the server uses
 * (unit-tested in tests/unit/facilitator-editor.test.ts).
 */

export interface EditorOption {
  /** Stable across reordering, for React keys; never sent to the server. */
  id: string;
  label: string;
  description: string;
}

export interface EditorRound {
  id: string;
  question: string;
  options: EditorOption[];
}

export interface EditorRole {
  name: string;
  brief: string;
  privateBrief: string;
}

export interface EditorState {
  locale: Locale;
  title: string;
  summary: string;
  opening: string;
  roles: EditorRole[];
  rounds: EditorRound[];
  nextId: number;
}

export type TextField = "title" | "summary" | "opening";
export type RoleField = keyof EditorRole;
export type OptionField = "label" | "description";

export type EditorAction =
  | { type: "load"; game: CustomGameInput }
  | { type: "setLocale"; locale: Locale }
  | { type: "setText"; field: TextField; value: string }
  | { type: "setRole"; role: number; field: RoleField; value: string }
  | { type: "setQuestion"; round: number; value: string }
  | { type: "setOption"; round: number; option: number; field: OptionField; value: string }
  | { type: "addRound" }
  | { type: "removeRound"; round: number }
  | { type: "moveRound"; round: number; by: -1 | 1 }
  | { type: "addOption"; round: number }
  | { type: "removeOption"; round: number; option: number }
  | { type: "moveOption"; round: number; option: number; by: -1 | 1 };

const emptyRole = (): EditorRole => ({ name: "", brief: "", privateBrief: "" });

/** A blank game: three empty roles and one round with two empty options. */
export function emptyEditor(locale: Locale): EditorState {
  const state: EditorState = { locale, title: "", summary: "", opening: "", roles: [emptyRole(), emptyRole(), emptyRole()], rounds: [], nextId: 1 };
  return editorReducer(state, { type: "addRound" });
}

/** The editor filled with a saved game or an AI draft. */
export function editorFrom(game: CustomGameInput): EditorState {
  return editorReducer(emptyEditor(game.locale), { type: "load", game });
}

function newId(state: EditorState): [string, number] {
  return [`n${state.nextId}`, state.nextId + 1];
}

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

function updateRound(state: EditorState, index: number, change: (round: EditorRound) => EditorRound): EditorState {
  const round = state.rounds[index];
  if (!round) return state;
  const next = change(round);
  return next === round ? state : { ...state, rounds: state.rounds.map((r, i) => (i === index ? next : r)) };
}

/** Applies one edit. Edits that would leave SCENARIO_LIMITS (a fifth option, no round at all) change nothing. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "load": {
      let nextId = state.nextId;
      const id = () => `n${nextId++}`;
      const g = action.game;
      const roles = [0, 1, 2].map((i) => ({ name: g.roles[i]?.name ?? "", brief: g.roles[i]?.brief ?? "", privateBrief: g.roles[i]?.privateBrief ?? "" }));
      const rounds = g.rounds.slice(0, SCENARIO_LIMITS.maxRounds).map((r) => ({
        id: id(),
        question: r.question,
        options: r.options.slice(0, SCENARIO_LIMITS.maxOptions).map((o) => ({ id: id(), label: o.label, description: o.description ?? "" })),
      }));
      return { locale: g.locale, title: g.title, summary: g.summary ?? "", opening: g.opening, roles, rounds, nextId };
    }
    case "setLocale":
      return { ...state, locale: action.locale };
    case "setText":
      return { ...state, [action.field]: action.value };
    case "setRole":
      if (!state.roles[action.role]) return state;
      return { ...state, roles: state.roles.map((r, i) => (i === action.role ? { ...r, [action.field]: action.value } : r)) };
    case "setQuestion":
      return updateRound(state, action.round, (r) => ({ ...r, question: action.value }));
    case "setOption":
      return updateRound(state, action.round, (r) =>
        r.options[action.option] ? { ...r, options: r.options.map((o, i) => (i === action.option ? { ...o, [action.field]: action.value } : o)) } : r,
      );
    case "addRound": {
      if (state.rounds.length >= SCENARIO_LIMITS.maxRounds) return state;
      let nextId = state.nextId;
      const id = () => `n${nextId++}`;
      const round: EditorRound = { id: id(), question: "", options: Array.from({ length: SCENARIO_LIMITS.minOptions }, () => ({ id: id(), label: "", description: "" })) };
      return { ...state, rounds: [...state.rounds, round], nextId };
    }
    case "removeRound":
      if (state.rounds.length <= SCENARIO_LIMITS.minRounds || !state.rounds[action.round]) return state;
      return { ...state, rounds: state.rounds.filter((_, i) => i !== action.round) };
    case "moveRound": {
      const rounds = move(state.rounds, action.round, action.by);
      return rounds === state.rounds ? state : { ...state, rounds };
    }
    case "addOption": {
      const round = state.rounds[action.round];
      if (!round || round.options.length >= SCENARIO_LIMITS.maxOptions) return state;
      const [id, nextId] = newId(state);
      return { ...updateRound(state, action.round, (r) => ({ ...r, options: [...r.options, { id, label: "", description: "" }] })), nextId };
    }
    case "removeOption":
      return updateRound(state, action.round, (r) =>
        r.options.length <= SCENARIO_LIMITS.minOptions || !r.options[action.option] ? r : { ...r, options: r.options.filter((_, i) => i !== action.option) },
      );
    case "moveOption":
      return updateRound(state, action.round, (r) => {
        const options = move(r.options, action.option, action.by);
        return options === r.options ? r : { ...r, options };
      });
  }
}

/** What the editor holds, in the shape of the API's custom-game body (ids dropped). */
export function toGameInput(state: EditorState): CustomGameInput {
  return {
    locale: state.locale,
    title: state.title,
    summary: state.summary,
    opening: state.opening,
    roles: state.roles.map((r) => ({ name: r.name, brief: r.brief, privateBrief: r.privateBrief })),
    rounds: state.rounds.map((r) => ({ question: r.question, options: r.options.map((o) => ({ label: o.label, description: o.description })) })),
  };
}

// ─── Validation ────────────────────────────────────────────────────────────────

export interface FieldError {
  key: MessageKey;
  values?: Record<string, number>;
}

/** Field errors by path ("title", "roles.1.brief", "rounds.0.options.2.label"). */
export type FieldErrors = Partial<Record<string, FieldError>>;

type Issue = Pick<z.core.$ZodIssue, "code" | "path"> & { minimum?: unknown; maximum?: unknown; origin?: unknown };

/** The translated message for one issue of customGameSchema: by its code and what it was about. */
export function issueToFieldError(issue: Issue): FieldError {
  const isList = issue.origin === "array";
  switch (issue.code) {
    case "too_small":
      if (isList) return { key: "facilitator.error.tooFewItems", values: { min: Number(issue.minimum) } };
      return { key: "facilitator.error.required" };
    case "too_big":
      if (isList) return { key: "facilitator.error.tooManyItems", values: { max: Number(issue.maximum) } };
      return { key: "facilitator.error.tooLong", values: { max: Number(issue.maximum) } };
    case "invalid_type":
      return { key: "facilitator.error.required" };
    default:
      return { key: "facilitator.error.invalid" };
  }
}

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join(".");

/** The first error of each field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = pathKey(issue.path);
    if (!(key in out)) out[key] = issueToFieldError(issue as Issue);
  }
  return out;
}

export type Validation = { ok: true; data: z.output<typeof customGameSchema>; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Checks the editor with customGameSchema, exactly as POST /api/custom-games will. */
export function validateEditor(state: EditorState): Validation {
  const parsed = customGameSchema.safeParse(toGameInput(state));
  return parsed.success ? { ok: true, data: parsed.data, errors: {} } : { ok: false, errors: fieldErrors(parsed.error) };
}

/** Which of a round's fields has an error (to flag a folded round). */
export function roundHasError(errors: FieldErrors, round: number): boolean {
  const prefix = `rounds.${round}.`;
  return Object.keys(errors).some((k) => k.startsWith(prefix) || k === `rounds.${round}`);
}

// ─── Saving ────────────────────────────────────────────────────────────────────

export type Section = "opening" | "roles" | "dilemma";

/** The parts of a game that differ between what was saved and what the editor now holds (both already parsed). */
export function changedSections(saved: ScenarioContent, next: ScenarioContent): Section[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: Section[] = [];
  if (!same([saved.title, saved.summary ?? "", saved.opening], [next.title, next.summary ?? "", next.opening])) out.push("opening");
  if (!same(saved.roles, next.roles)) out.push("roles");
  const rounds = (c: ScenarioContent) => c.rounds.map((r) => ({ question: r.question, options: r.options.map((o) => ({ label: o.label, description: o.description ?? "" })) }));
  if (!same(rounds(saved), rounds(next))) out.push("dilemma");
  return out;
}

/** Whether the editor differs from a saved game (null: nothing saved yet, so any text counts). */
export function isDirty(state: EditorState, saved: CustomGameInput | null): boolean {
  const now = toGameInput(state);
  if (!saved) return JSON.stringify(now) !== JSON.stringify(toGameInput(emptyEditor(state.locale)));
  return JSON.stringify(now) !== JSON.stringify(toGameInput(editorFrom(saved)));
}

/**
 * The save error to show beside the save button. "Fix the errors first" holds only while some
 * field has one (their count is shown instead while it is on screen), so it goes as soon as the
 * last field is fixed; any other error (the server's answer) stays until the next save.
 */
export function saveErrorShown(error: MessageKey | null, errorCount: number): MessageKey | null {
  if (error === "facilitator.editor.fixErrors") return null;
  return errorCount === 0 ? error : null;
}
