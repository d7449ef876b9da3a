import { ruleBasedFeedback } from "@/lib/domain/feedback";
import type { Locale } from "@/lib/validation/scenario";
import { aiSettings, askJson } from "../ai/client";
import { FEEDBACK_PROMPT_VERSION, feedbackPrompt, feedbackSchema, type FeedbackOutput } from "../ai/prompts";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { remember } from "../remember";
import { findSeatedRoom } from "./get-room";
import { getRoomStatistics } from "./get-room-statistics";

export interface GameFeedback {
  source: "ai" | "rules";
  model: string | null;
  group: string;
  roles: { position: number; name: string; text: string }[];
}

// One generation per room and language at a time in this process, however many players ask at once.
// After a failed generation the model is not asked again for this room and language until a
// back-off has passed (AI_FEEDBACK_RETRY_SECONDS, doubling with each failure, at most an hour);
// meanwhile the rule-based feedback is the answer. Failures are read from AiGeneration, so every
// instance backs off alike.
const retryMs = () => (Number(process.env.AI_FEEDBACK_RETRY_SECONDS) || 60) * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const inFlight = () => remember("feedback-in-flight", () => new Map<string, Promise<FeedbackOutput | null>>());

/**
 * Feedback after a finished game, for the group and for each role (its players and managers),
 * written in `locale` (the reader's UI language, whatever the scenario's). AI feedback is
 * generated once per room and language and stored, counted against the AI limit of the room's
 * host (or creator); without AI, past that limit, or while the model fails (backing off), the
 * feedback is written from the statistics. Never throws because of the AI.
 */
export async function getFeedback(code: string, user: SessionUser, locale: Locale): Promise<GameFeedback> {
  const { room } = await findSeatedRoom(code, user);
  if (room.phase !== "FINISHED") throw new AppError("WRONG_PHASE", "Feedback comes when the game is finished.");
  const [scenario, roles, seats] = await Promise.all([
    db().scenario.findUniqueOrThrow({ where: { id: room.scenarioId } }),
    db().scenarioRole.findMany({ where: { scenarioId: room.scenarioId }, orderBy: { position: "asc" } }),
    db().seat.findMany({ where: { roomId: room.id }, orderBy: { seat: "asc" } }),
  ]);
  const named = (output: FeedbackOutput) => output.roles.map((r) => ({ ...r, name: roles.find((x) => x.position === r.position)?.name ?? "" }));

  const storedFeedback = async (): Promise<GameFeedback | null> => {
    // Rows from before languages were stored are in the scenario's language.
    const inLocale = locale === scenario.locale ? { OR: [{ locale }, { locale: null }] } : { locale };
    const stored = await db().aiGeneration.findFirst({ where: { roomId: room.id, kind: "FEEDBACK", status: "OK", ...inLocale }, orderBy: { createdAt: "desc" } });
    const parsed = stored ? feedbackSchema.safeParse(stored.output) : null;
    return stored && parsed?.success ? { source: "ai", model: stored.model, group: parsed.data.group, roles: named(parsed.data) } : null;
  };
  const first = await storedFeedback();
  if (first) return first;

  /** Whether the model failed this room's feedback in this language lately enough to wait. */
  const backingOff = async (): Promise<boolean> => {
    const recent = await db().aiGeneration.findMany({ where: { roomId: room.id, kind: "FEEDBACK", locale }, orderBy: { createdAt: "desc" }, take: 12, select: { status: true, createdAt: true } });
    const failures = recent.findIndex((g) => g.status === "OK");
    const count = failures === -1 ? recent.length : failures;
    if (count === 0) return false;
    const wait = Math.min(retryMs() * 2 ** (count - 1), MAX_BACKOFF_MS);
    return Date.now() - recent[0]!.createdAt.getTime() < wait;
  };

  const stats = await getRoomStatistics(code, user);
  if (aiSettings().enabled) {
    const key = `${room.id}:${locale}`;
    let pending = inFlight().get(key);
    let mayAsk = false;
    if (!pending) {
      // Another request for this room may have finished generating while this one read the
      // statistics: its stored answer is the one everybody gets (never a second AI call).
      const meanwhile = await storedFeedback();
      if (meanwhile) return meanwhile;
      mayAsk = !(await backingOff());
      // Read again after the last await: another request may have started the call meanwhile,
      // and nothing may come between this read and setting ours.
      pending = inFlight().get(key);
    }
    if (!pending && mayAsk) {
      pending = (async () => {
        try {
          const chat = await db().chatMessage.findMany({ where: { roomId: room.id }, orderBy: { createdAt: "asc" }, take: 60, include: { user: { select: { participantCode: true } } } });
          const rounds = stats.rounds.map((r) => ({ round: r.round, choices: r.players.map((p) => ({ seat: p.seat, choice: p.choice, confidence: p.confidence, consensusConfidence: p.consensusConfidence })), consensus: r.consensus }));
          const { system, prompt } = feedbackPrompt({ locale, title: scenario.title, roles: roles.map((r) => ({ position: r.position, name: r.name })), rounds, chat: chat.map((c) => c.text) });
          // Stored for the group (no person), counted against the AI budget of the room's host (or
          // its creator), as role prompts count against the player who asks: a room's feedback
          // costs one call however many read it. Over budget, the rule-based feedback is given.
          const chargeTo = room.hostId ?? room.createdById ?? user.id;
          return (await askJson({ kind: "FEEDBACK", promptVersion: FEEDBACK_PROMPT_VERSION, userId: null, chargeTo, roomId: room.id, locale, system, prompt, schema: feedbackSchema })).data;
        } catch {
          return null;
        } finally {
          inFlight().delete(key);
        }
      })();
      inFlight().set(key, pending);
    }
    const output = pending ? await pending : null;
    if (output) return { source: "ai", model: aiSettings().model, group: output.group, roles: named(output) };
  }
  const seatRoles = seats.filter((s) => s.roleIndex !== null).map((s) => ({ seat: s.seat, position: s.roleIndex!, name: roles.find((r) => r.position === s.roleIndex)?.name ?? "" }));
  const rules = ruleBasedFeedback(stats, seatRoles, locale);
  return { source: "rules", model: null, ...rules };
}
