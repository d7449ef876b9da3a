import { z } from "zod";
import { textSchema } from "@/lib/validation/text";

/** Prompt texts and the versions stored with every generation. Change the version when a prompt changes. */

export const DRAFT_PROMPT_VERSION = "draft-v1";
export const ROLE_PROMPT_VERSION = "role-prompts-v1";
export const FEEDBACK_PROMPT_VERSION = "feedback-v1";

const languageName = (locale: string) => (locale === "ko" ? "Korean (formal 합니다 style)" : "English");

export function draftPrompt(topic: string, locale: string, rounds: number) {
  return {
    system:
      "You write AI-ethics dilemma scenarios for a classroom game. Three players each take one stakeholder role, discuss, and decide together, round by round. " +
      "Answer with one JSON object only, no prose, with exactly these keys: " +
      '{"title": string (<=120 chars), "summary": string (<=300), "opening": string (<=5000, 3-5 short paragraphs separated by blank lines), ' +
      '"roles": [exactly 3 × {"name": string (<=60), "brief": string (public description, <=1000), "privateBrief": string (a private interest or fact that creates tension, <=1500)}], ' +
      '"rounds": [' +
      rounds +
      ' × {"question": string (<=500), "options": [2 to 4 × {"label": string (<=200), "description": string (<=500)}]}]}. ' +
      "No option may be obviously right. Rounds escalate.",
    prompt: `Topic: ${topic}\nWrite everything in ${languageName(locale)}. Exactly ${rounds} rounds.`,
  };
}

export const rolePromptsSchema = z.object({ questions: z.array(textSchema({ kind: "lines", min: 3, max: 300 })).min(1).max(3) });

export function rolePromptsPrompt(input: { locale: string; opening: string; role: { name: string; brief: string; privateBrief: string }; question: string; options: string[] }) {
  return {
    system:
      "You help one player of a three-person AI-ethics discussion game think from their role's point of view. " +
      'Answer with JSON only: {"questions": [1 to 3 short questions (each under 200 characters)]}. Questions, not answers or advice; never reveal the role\'s private brief word for word.',
    prompt: [
      `Language: ${languageName(input.locale)}.`,
      `Scenario: ${input.opening.slice(0, 2500)}`,
      `The player's role: ${input.role.name}. Public brief: ${input.role.brief}. Private brief: ${input.role.privateBrief}`,
      `This round's question: ${input.question}`,
      `Options: ${input.options.map((o, i) => `${i + 1}. ${o}`).join(" / ")}`,
    ].join("\n"),
  };
}

export const feedbackSchema = z.object({
  group: textSchema({ kind: "lines", min: 10, max: 3000 }),
  roles: z.array(z.object({ position: z.number().int().min(0).max(2), text: textSchema({ kind: "lines", min: 5, max: 2000 }) })).length(3),
});
export type FeedbackOutput = z.infer<typeof feedbackSchema>;

export function feedbackPrompt(input: { locale: string; title: string; roles: { position: number; name: string }[]; rounds: unknown; chat: string[] }) {
  return {
    system:
      "You give short, kind, specific feedback after a three-person AI-ethics dilemma game: how the group reasoned and decided, and one paragraph per role. " +
      'Answer with JSON only: {"group": string (<= 1500 chars), "roles": [3 × {"position": 0|1|2, "text": string (<= 800 chars)}]}. ' +
      "Base it only on the data given (choices, confidences, consensus, chat). Do not judge options as right or wrong.",
    prompt: [
      `Language: ${languageName(input.locale)}.`,
      `Scenario: ${input.title}`,
      `Roles: ${input.roles.map((r) => `${r.position}=${r.name}`).join(", ")}`,
      `Rounds (choice indexes are 0-based; null = no answer): ${JSON.stringify(input.rounds).slice(0, 8000)}`,
      input.chat.length ? `Chat excerpts: ${input.chat.join(" | ").slice(0, 4000)}` : "No chat.",
    ].join("\n"),
  };
}
