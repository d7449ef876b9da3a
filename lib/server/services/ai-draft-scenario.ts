import { APIConnectionTimeoutError } from "openai";
import { customGameSchema, type AiDraftInput, type CustomGameInput } from "@/lib/validation/custom-game";
import { aiDraftSchema } from "@/lib/validation/custom-game";
import { scenarioContentSchema } from "@/lib/validation/scenario";
import { AiInvalidOutput, askJson } from "../ai/client";
import { DRAFT_PROMPT_VERSION, draftPrompt } from "../ai/prompts";
import type { SessionUser } from "../auth/session";
import { AppError, isDbUnavailable } from "../errors";
import { isFacilitator } from "./custom-games";

/**
 * Drafts a scenario from a topic with AI (facilitators). The draft is checked by the same
 * schema as a custom game (one retry), and is not saved: the facilitator edits it first.
 * Throws AI_DISABLED without a configured key, and a clear error when the model fails.
 */
export async function draftScenario(user: SessionUser, input: AiDraftInput): Promise<{ draft: CustomGameInput; model: string; generationId: string }> {
  if (!isFacilitator(user)) throw new AppError("FORBIDDEN", "Only facilitators can draft scenarios.");
  const { topic, locale, rounds } = aiDraftSchema.parse(input);
  const { system, prompt } = draftPrompt(topic, locale, rounds);
  const schema = scenarioContentSchema.refine((c) => c.rounds.length === rounds, `Exactly ${rounds} rounds are needed.`);
  try {
    const { data, model, generationId } = await askJson({ kind: "SCENARIO_DRAFT", promptVersion: DRAFT_PROMPT_VERSION, userId: user.id, locale, system, prompt, schema, temperature: 0.9 });
    return { draft: customGameSchema.parse({ ...data, locale }), model, generationId };
  } catch (e) {
    if (e instanceof AiInvalidOutput) throw new AppError("AI_FAILED", "The AI's draft did not fit a valid scenario twice. Try again, or rephrase the topic.", { details: e.problems });
    if (e instanceof AppError || isDbUnavailable(e)) throw e;
    // Only a timeout is "did not answer in time"; anything else is said as it is.
    if (e instanceof APIConnectionTimeoutError) throw new AppError("AI_FAILED", "The AI service did not answer in time. Try again later.");
    throw new AppError("AI_FAILED");
  }
}
