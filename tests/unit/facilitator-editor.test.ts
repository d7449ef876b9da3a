import { describe, expect, it } from "vitest";
import {
  changedSections,
  editorFrom,
  editorReducer,
  emptyEditor,
  fieldErrors,
  isDirty,
  issueToFieldError,
  roundHasError,
  toGameInput,
  validateEditor,
  type EditorAction,
  type EditorState,
} from "@/components/facilitator/editor-state";
import { customGameSchema, type CustomGameInput } from "@/lib/validation/custom-game";
import { SCENARIO_LIMITS } from "@/lib/validation/scenario";

const game: CustomGameInput = {
  locale: "en",
  title: "Face recognition at school",
  summary: "Attendance by camera.",
  opening: "A school wants to take attendance with cameras.",
  roles: [
    { name: "Principal", brief: "Runs the school.", privateBrief: "The budget is tight." },
    { name: "Parent", brief: "Has a child there.", privateBrief: "Worries about data." },
    { name: "Vendor", brief: "Sells the system.", privateBrief: "Needs this contract." },
  ],
  rounds: [
    { question: "Install the cameras?", options: [{ label: "Yes", description: "" }, { label: "No", description: "Keep roll call." }] },
    { question: "Who sees the data?", options: [{ label: "Staff", description: "" }, { label: "Parents too", description: "" }, { label: "Nobody", description: "" }] },
  ],
};

const apply = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);

describe("editor state", () => {
  it("starts with three empty roles and one round of two options", () => {
    const s = emptyEditor("ko");
    expect(s.locale).toBe("ko");
    expect(s.roles).toHaveLength(3);
    expect(s.rounds).toHaveLength(1);
    expect(s.rounds[0]!.options).toHaveLength(SCENARIO_LIMITS.minOptions);
  });

  it("round-trips a game through the editor unchanged", () => {
    expect(toGameInput(editorFrom(game))).toEqual(game);
  });

  it("gives rounds and options ids that stay unique and survive reordering", () => {
    const s = apply(editorFrom(game), { type: "addRound" }, { type: "addOption", round: 0 });
    const ids = s.rounds.flatMap((r) => [r.id, ...r.options.map((o) => o.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    const moved = apply(s, { type: "moveRound", round: 0, by: 1 });
    expect(moved.rounds[1]!.id).toBe(s.rounds[0]!.id);
    expect(moved.rounds[0]!.question).toBe("Who sees the data?");
  });

  it("edits text, roles, questions and options", () => {
    const s = apply(
      editorFrom(game),
      { type: "setText", field: "title", value: "New title" },
      { type: "setRole", role: 2, field: "privateBrief", value: "Secret" },
      { type: "setQuestion", round: 1, value: "Q2?" },
      { type: "setOption", round: 0, option: 1, field: "description", value: "D" },
    );
    const out = toGameInput(s);
    expect(out.title).toBe("New title");
    expect(out.roles[2]!.privateBrief).toBe("Secret");
    expect(out.rounds[1]!.question).toBe("Q2?");
    expect(out.rounds[0]!.options[1]!.description).toBe("D");
  });

  it.each<[string, EditorAction]>([
    ["a round beyond the first is kept", { type: "removeRound", round: 0 }],
    ["an option below two", { type: "removeOption", round: 0, option: 0 }],
    ["moving the first round up", { type: "moveRound", round: 0, by: -1 }],
    ["moving the last option down", { type: "moveOption", round: 0, option: 1, by: 1 }],
    ["editing a round that does not exist", { type: "setQuestion", round: 5, value: "x" }],
    ["editing a role that does not exist", { type: "setRole", role: 3, field: "name", value: "x" }],
  ])("changes nothing for %s at the limit", (_name, action) => {
    const s = emptyEditor("en");
    expect(editorReducer(s, action)).toBe(s);
  });

  it("keeps rounds within 1..10 and options within 2..4", () => {
    let s = emptyEditor("en");
    for (let i = 0; i < 15; i++) s = editorReducer(s, { type: "addRound" });
    expect(s.rounds).toHaveLength(SCENARIO_LIMITS.maxRounds);
    for (let i = 0; i < 5; i++) s = editorReducer(s, { type: "addOption", round: 0 });
    expect(s.rounds[0]!.options).toHaveLength(SCENARIO_LIMITS.maxOptions);
    for (let i = 0; i < 5; i++) s = editorReducer(s, { type: "removeOption", round: 0, option: 0 });
    expect(s.rounds[0]!.options).toHaveLength(SCENARIO_LIMITS.minOptions);
    for (let i = 0; i < 15; i++) s = editorReducer(s, { type: "removeRound", round: 0 });
    expect(s.rounds).toHaveLength(SCENARIO_LIMITS.minRounds);
  });

  it("moves an option within its round", () => {
    const s = apply(editorFrom(game), { type: "moveOption", round: 1, option: 2, by: -1 });
    expect(toGameInput(s).rounds[1]!.options.map((o) => o.label)).toEqual(["Staff", "Nobody", "Parents too"]);
  });
});

describe("validation with the server's schema", () => {
  it("accepts exactly what customGameSchema accepts", () => {
    const v = validateEditor(editorFrom(game));
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.data).toEqual(customGameSchema.parse(game));
  });

  it("names every empty required field of a blank game by its path", () => {
    const v = validateEditor(emptyEditor("en"));
    expect(v.ok).toBe(false);
    expect(Object.keys(v.errors).sort()).toEqual(
      [
        "title",
        "opening",
        ...[0, 1, 2].flatMap((i) => [`roles.${i}.name`, `roles.${i}.brief`, `roles.${i}.privateBrief`]),
        "rounds.0.question",
        "rounds.0.options.0.label",
        "rounds.0.options.1.label",
      ].sort(),
    );
    expect(v.errors.title).toEqual({ key: "facilitator.error.required" });
    // The summary and option descriptions are optional.
    expect(v.errors.summary).toBeUndefined();
  });

  it("reports text over its limit with the limit, counting trimmed text like the server", () => {
    const s = apply(editorFrom(game), { type: "setText", field: "title", value: "x".repeat(SCENARIO_LIMITS.title + 1) });
    expect(validateEditor(s).errors.title).toEqual({ key: "facilitator.error.tooLong", values: { max: SCENARIO_LIMITS.title } });
    const padded = apply(editorFrom(game), { type: "setText", field: "title", value: `  ${"x".repeat(SCENARIO_LIMITS.title)}  ` });
    expect(validateEditor(padded).ok).toBe(true);
    const blank = apply(editorFrom(game), { type: "setRole", role: 1, field: "brief", value: "   " });
    expect(validateEditor(blank).errors["roles.1.brief"]).toEqual({ key: "facilitator.error.required" });
  });

  it.each([
    [{ code: "too_small", path: ["rounds"], origin: "array", minimum: 1 }, { key: "facilitator.error.tooFewItems", values: { min: 1 } }],
    [{ code: "too_big", path: ["rounds", 0, "options"], origin: "array", maximum: 4 }, { key: "facilitator.error.tooManyItems", values: { max: 4 } }],
    [{ code: "too_big", path: ["title"], origin: "string", maximum: 120 }, { key: "facilitator.error.tooLong", values: { max: 120 } }],
    [{ code: "too_small", path: ["title"], origin: "string", minimum: 1 }, { key: "facilitator.error.required" }],
    [{ code: "invalid_type", path: ["opening"] }, { key: "facilitator.error.required" }],
    [{ code: "unrecognized_keys", path: [] }, { key: "facilitator.error.invalid" }],
  ] as const)("maps issue %j", (issue, expected) => {
    expect(issueToFieldError(issue as never)).toEqual(expected);
  });

  it("keeps the first issue per field and flags rounds with errors", () => {
    const r = customGameSchema.safeParse({ ...game, title: "", rounds: [game.rounds[0], { question: "", options: [{ label: "" }, { label: "" }] }] });
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!);
    expect(errors.title?.key).toBe("facilitator.error.required");
    expect(roundHasError(errors, 0)).toBe(false);
    expect(roundHasError(errors, 1)).toBe(true);
  });
});

describe("saving", () => {
  const parsed = customGameSchema.parse(game);

  it("finds which of the three PUT routes a change needs", () => {
    expect(changedSections(parsed, parsed)).toEqual([]);
    expect(changedSections(parsed, { ...parsed, summary: "Other" })).toEqual(["opening"]);
    expect(changedSections(parsed, { ...parsed, roles: parsed.roles.map((r, i) => (i === 1 ? { ...r, name: "Teacher" } : r)) })).toEqual(["roles"]);
    expect(changedSections(parsed, { ...parsed, rounds: [...parsed.rounds].reverse() })).toEqual(["dilemma"]);
    expect(changedSections(parsed, { ...parsed, title: "T", rounds: parsed.rounds.slice(0, 1) })).toEqual(["opening", "dilemma"]);
  });

  it("treats a missing option description as empty, as the server stores it", () => {
    const withoutDescriptions = { ...parsed, rounds: parsed.rounds.map((r) => ({ ...r, options: r.options.map(({ label }) => ({ label })) })) };
    const blank = { ...parsed, rounds: parsed.rounds.map((r) => ({ ...r, options: r.options.map(({ label }) => ({ label, description: "" })) })) };
    expect(changedSections(withoutDescriptions, blank)).toEqual([]);
  });

  it("knows when the form differs from what was saved", () => {
    expect(isDirty(emptyEditor("en"), null)).toBe(false);
    expect(isDirty(apply(emptyEditor("en"), { type: "setText", field: "title", value: "x" }), null)).toBe(true);
    expect(isDirty(editorFrom(game), game)).toBe(false);
    expect(isDirty(apply(editorFrom(game), { type: "addOption", round: 0 }), game)).toBe(true);
  });
});
