import OpenAI from "openai";
import type { z } from "zod";
import { stripUnsafeJson, stripUnsafeText } from "@/lib/validation/text";
import { db } from "../db";
import type { AiKind } from "../db/generated/client";
import { AppError } from "../errors";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { consume } from "../rate-limit";
import { remember } from "../remember";

/**
 * The one way the app talks to a language model: any OpenAI-compatible endpoint
 * (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL). Every call is rate-limited per user,
 * has a timeout, asks for JSON, is checked against a zod schema (one retry with the
 * problems listed), and is stored in AiGeneration with model, prompt version, latency
 * and token counts — failures included.
 */

export interface AiSettings {
  enabled: boolean;
  model: string;
  baseURL?: string;
  timeoutMs: number;
}

export function aiSettings(): AiSettings {
  return {
    enabled: !!process.env.OPENAI_API_KEY,
    model: process.env.OPENAI_MODEL || "gpt-4o-mini",
    baseURL: process.env.OPENAI_BASE_URL || undefined,
    timeoutMs: Number(process.env.AI_TIMEOUT_MS) || 20_000,
  };
}

/** The shared OpenAI client for these settings (retries are ours to decide: none here). */
export function client(s: Pick<AiSettings, "baseURL" | "timeoutMs">): OpenAI {
  return remember(`openai:${s.baseURL ?? "default"}:${s.timeoutMs}`, () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: s.baseURL, timeout: s.timeoutMs, maxRetries: 0 }));
}

export interface JsonCall<S extends z.ZodType> {
  kind: AiKind;
  promptVersion: string;
  /** Whose call it is: stored with it, and counted against their AI limit. */
  userId: string | null;
  /** Count the call against this user's AI limit instead (a call made for a group, stored without a person). */
  chargeTo?: string | null;
  roomId?: string | null;
  round?: number | null;
  /** The language the answer is asked in, kept with the generation (stored answers are looked up by it). */
  locale?: string | null;
  system: string;
  prompt: string;
  schema: S;
  temperature?: number;
}

export class AiInvalidOutput extends Error {
  constructor(readonly problems: string) {
    super(`The AI's answer did not fit the expected shape twice: ${problems}`);
    this.name = "AiInvalidOutput";
  }
}

const describeIssues = (e: z.ZodError) =>
  e.issues
    .slice(0, 12)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");

/**
 * Asks the model for JSON matching `schema`. Throws AI_DISABLED when no key is configured,
 * RATE_LIMITED past the per-user limit, AiInvalidOutput after two answers that do not fit,
 * and the client's error for timeouts and network failures.
 */
export async function askJson<S extends z.ZodType>(call: JsonCall<S>): Promise<{ data: z.output<S>; model: string; generationId: string }> {
  const s = aiSettings();
  if (!s.enabled) throw new AppError("AI_DISABLED");
  const charged = call.chargeTo ?? call.userId;
  if (charged) await consume("aiUser", charged);
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: "system", content: call.system },
    { role: "user", content: call.prompt },
  ];
  let lastProblems = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    const started = Date.now();
    const base = { kind: call.kind, userId: call.userId, roomId: call.roomId ?? null, round: call.round ?? null, locale: call.locale ?? null, model: s.model, promptVersion: call.promptVersion, input: { messages } as never };
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await client(s).chat.completions.create({ model: s.model, messages, response_format: { type: "json_object" }, temperature: call.temperature ?? 0.7 });
    } catch (e) {
      metrics().aiDuration.observe({ kind: call.kind, status: "ERROR" }, (Date.now() - started) / 1000);
      await db().aiGeneration.create({ data: { ...base, status: "ERROR", error: e instanceof Error ? e.message.slice(0, 500) : String(e), latencyMs: Date.now() - started } }).catch(() => undefined);
      logger().warn({ kind: call.kind, err: e instanceof Error ? e.message : e }, "AI call failed");
      throw e;
    }
    const latencyMs = Date.now() - started;
    metrics().aiDuration.observe({ kind: call.kind, status: "ANSWERED" }, latencyMs / 1000);
    // A model may answer with control characters or half a surrogate pair (written or escaped
    // in the JSON): none of them is text, and the database refuses a NUL. They go, the rest is
    // checked as any text from outside.
    const text = stripUnsafeText(completion.choices[0]?.message?.content ?? "");
    const usage = { promptTokens: completion.usage?.prompt_tokens ?? null, completionTokens: completion.usage?.completion_tokens ?? null };
    let parsed: unknown;
    try {
      parsed = stripUnsafeJson(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    const checked = call.schema.safeParse(parsed);
    if (checked.success) {
      const row = await db().aiGeneration.create({ data: { ...base, status: "OK", output: checked.data as never, latencyMs, ...usage, model: completion.model || s.model } });
      return { data: checked.data, model: completion.model || s.model, generationId: row.id };
    }
    lastProblems = parsed === undefined ? "the answer was not JSON" : describeIssues(checked.error);
    await db().aiGeneration.create({ data: { ...base, status: "INVALID", output: { text: text.slice(0, 20_000) } as never, error: lastProblems.slice(0, 1000), latencyMs, ...usage } });
    messages.push({ role: "assistant", content: text.slice(0, 20_000) }, { role: "user", content: `That JSON does not fit the required shape: ${lastProblems}. Answer again with only the corrected JSON object.` });
  }
  throw new AiInvalidOutput(lastProblems);
}
