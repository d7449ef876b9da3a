import { ruleBasedFeedback } from "@/lib/domain/feedback";
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

// One generation per room at a time in this process, however many players ask at once.
const inFlight = () => remember("feedback-in-flight", () => new Map<string, Promise<FeedbackOutput | null>>());

/** After a failed answer, feedback waits this long before asking the model again, doubling each time; after `maxFailures`, it stops. */
const feedbackRetry = () => ({ baseMs: (Number(process.env.AI_FEEDBACK_RETRY_SECONDS) || 60) * 1000, maxFailures: 4 });

/**
 * Whether the model may be asked for a room's feedback now. Its failed answers are stored
 * (AiGeneration, status ERROR or INVALID); after one, the room waits AI_FEEDBACK_RETRY_SECONDS,
 * doubling with each further failure, and after four it keeps the rule-based feedback, so a
 * failing model is not called again on every request.
 */
async function mayAskModel(roomId: string, now: number): Promise<boolean> {
  const { baseMs, maxFailures } = feedbackRetry();
  const failures = await db().aiGeneration.findMany({ where: { roomId, kind: "FEEDBACK", status: { in: ["ERROR", "INVALID"] } }, orderBy: { createdAt: "desc" }, take: maxFailures, select: { createdAt: true } });
  if (!failures.length) return true;
  if (failures.length >= maxFailures) return false;
  return now - failures[0]!.createdAt.getTime() >= baseMs * 2 ** (failures.length - 1);
}

/**
 * Feedback after a finished game, for the group and for each role (its players and managers).
 * AI feedback is generated once per room and stored, counted against the AI limit of the
 * room's host (or creator); without AI, past that limit, or while the model fails (backing
 * off: mayAskModel), the feedback is written from the statistics. Never throws because of the AI.
 */
export async function getFeedback(code: string, user: SessionUser): Promise<GameFeedback> {
  const { room } = await findSeatedRoom(code, user);
  if (room.phase !== "FINISHED") throw new AppError("WRONG_PHASE", "Feedback comes when the game is finished.");
  const [scenario, roles, seats] = await Promise.all([
    db().scenario.findUniqueOrThrow({ where: { id: room.scenarioId } }),
    db().scenarioRole.findMany({ where: { scenarioId: room.scenarioId }, orderBy: { position: "asc" } }),
    db().seat.findMany({ where: { roomId: room.id }, orderBy: { seat: "asc" } }),
  ]);
  const named = (output: FeedbackOutput) => output.roles.map((r) => ({ ...r, name: roles.find((x) => x.position === r.position)?.name ?? "" }));

  const storedFeedback = async (): Promise<GameFeedback | null> => {
    const stored = await db().aiGeneration.findFirst({ where: { roomId: room.id, kind: "FEEDBACK", status: "OK" }, orderBy: { createdAt: "desc" } });
    const parsed = stored ? feedbackSchema.safeParse(stored.output) : null;
    return stored && parsed?.success ? { source: "ai", model: stored.model, group: parsed.data.group, roles: named(parsed.data) } : null;
  };
  const first = await storedFeedback();
  if (first) return first;

  const stats = await getRoomStatistics(code, user);
  const rulesFeedback = (): GameFeedback => {
    const seatRoles = seats.filter((s) => s.roleIndex !== null).map((s) => ({ seat: s.seat, position: s.roleIndex!, name: roles.find((r) => r.position === s.roleIndex)?.name ?? "" }));
    return { source: "rules", model: null, ...ruleBasedFeedback(stats, seatRoles, scenario.locale === "ko" ? "ko" : "en") };
  };
  if (aiSettings().enabled) {
    let pending = inFlight().get(room.id);
    if (!pending && !(await mayAskModel(room.id, Date.now()))) return rulesFeedback();
    if (!pending) {
      // Another request for this room may have finished generating while this one read the
      // statistics: its stored answer is the one everybody gets (never a second AI call).
      const meanwhile = await storedFeedback();
      if (meanwhile) return meanwhile;
      pending = inFlight().get(room.id);
    }
    if (!pending) {
      pending = (async () => {
        try {
          const chat = await db().chatMessage.findMany({ where: { roomId: room.id }, orderBy: { createdAt: "asc" }, take: 60, include: { user: { select: { participantCode: true } } } });
          const rounds = stats.rounds.map((r) => ({ round: r.round, choices: r.players.map((p) => ({ seat: p.seat, choice: p.choice, confidence: p.confidence, consensusConfidence: p.consensusConfidence })), consensus: r.consensus }));
          const { system, prompt } = feedbackPrompt({ locale: scenario.locale, title: scenario.title, roles: roles.map((r) => ({ position: r.position, name: r.name })), rounds, chat: chat.map((c) => c.text) });
          // Stored for the group (no person), counted against the host's AI limit.
          const chargeTo = room.hostId ?? room.createdById;
          return (await askJson({ kind: "FEEDBACK", promptVersion: FEEDBACK_PROMPT_VERSION, userId: null, chargeTo, roomId: room.id, system, prompt, schema: feedbackSchema })).data;
        } catch {
          return null;
        } finally {
          inFlight().delete(room.id);
        }
      })();
      inFlight().set(room.id, pending);
    }
    const output = await pending;
    if (output) return { source: "ai", model: aiSettings().model, group: output.group, roles: named(output) };
  }
  return rulesFeedback();
}
