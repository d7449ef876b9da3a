import { z } from "zod";
import { textSchema } from "./text";

/** Limits shared by the custom-game form, the API and the AI draft validator. */
export const SCENARIO_LIMITS = {
  title: 120,
  summary: 300,
  opening: 5000,
  roleName: 60,
  brief: 1000,
  privateBrief: 1500,
  question: 500,
  optionLabel: 200,
  optionDescription: 500,
  minRounds: 1,
  maxRounds: 10,
  minOptions: 2,
  maxOptions: 4,
} as const;

const line = (max: number) => textSchema({ max });
const lines = (max: number, min = 1) => textSchema({ kind: "lines", min, max });

export const scenarioOptionSchema = z.strictObject({
  label: line(SCENARIO_LIMITS.optionLabel),
  description: lines(SCENARIO_LIMITS.optionDescription, 0).default(""),
});

export const scenarioRoundSchema = z.strictObject({
  question: lines(SCENARIO_LIMITS.question),
  options: z.array(scenarioOptionSchema).min(SCENARIO_LIMITS.minOptions).max(SCENARIO_LIMITS.maxOptions),
});

export const scenarioRoleSchema = z.strictObject({
  name: line(SCENARIO_LIMITS.roleName),
  brief: lines(SCENARIO_LIMITS.brief),
  privateBrief: lines(SCENARIO_LIMITS.privateBrief),
});

/** A whole scenario in one language: opening, exactly three roles, 1–10 rounds of 2–4 options. */
export const scenarioContentSchema = z.strictObject({
  title: line(SCENARIO_LIMITS.title),
  summary: lines(SCENARIO_LIMITS.summary, 0).default(""),
  opening: lines(SCENARIO_LIMITS.opening),
  roles: z.array(scenarioRoleSchema).length(3),
  rounds: z.array(scenarioRoundSchema).min(SCENARIO_LIMITS.minRounds).max(SCENARIO_LIMITS.maxRounds),
});

export type ScenarioContent = z.input<typeof scenarioContentSchema>;
export type ScenarioContentParsed = z.output<typeof scenarioContentSchema>;

export const localeSchema = z.enum(["ko", "en"]);
export type Locale = z.infer<typeof localeSchema>;
