import { isPlaying } from "@/lib/domain/game";
import type { Locale } from "@/lib/validation/scenario";
import { askJson } from "../ai/client";
import { ROLE_PROMPT_VERSION, rolePromptsPrompt, rolePromptsSchema } from "../ai/prompts";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { findSeatedRoom } from "./get-room";

export interface RolePrompts {
  questions: string[];
  source: "ai" | "rules";
}

/** Questions any role can ask itself, for when AI is off or fails. */
function ruleQuestions(locale: Locale, roleName: string): string[] {
  return locale === "ko"
    ? [`${roleName}의 입장에서 가장 지키고 싶은 것은 무엇인가요? 어떤 선택지가 그것을 가장 잘 지키나요?`, "이 결정으로 가장 큰 영향을 받는 사람은 누구이며, 그들의 목소리는 충분히 반영되었나요?", "다른 두 역할이 받아들일 수 있는 타협점은 어디일까요?"]
    : [`As ${roleName}, what do you most want to protect, and which option protects it best?`, "Who is affected most by this decision, and is their voice heard?", "What compromise could the other two roles accept?"];
}

/**
 * One to three questions to think about, fitting the caller's role, the dilemma and the round
 * (a seated player, while the game is under way). Uses AI when it is on; otherwise, or when
 * the AI fails, answers rule-based questions: this never breaks the game. Written in `locale`
 * (the player's UI language, whatever the scenario's).
 */
export async function getRolePrompts(code: string, user: SessionUser, round: number, locale: Locale): Promise<RolePrompts> {
  const { room, seat } = await findSeatedRoom(code, user);
  if (!seat || seat.roleIndex === null) throw new AppError("NOT_SEATED");
  if (!isPlaying(room.phase) || room.round < 1) throw new AppError("WRONG_PHASE", "Role prompts are for the rounds of a game under way.");
  if (round !== room.round) throw new AppError("ROUND_MISMATCH");
  const [scenario, role, question] = await Promise.all([
    db().scenario.findUniqueOrThrow({ where: { id: room.scenarioId } }),
    db().scenarioRole.findUniqueOrThrow({ where: { scenarioId_position: { scenarioId: room.scenarioId, position: seat.roleIndex } } }),
    db().scenarioRound.findUniqueOrThrow({ where: { scenarioId_number: { scenarioId: room.scenarioId, number: round } }, include: { options: { orderBy: { index: "asc" } } } }),
  ]);
  try {
    const { system, prompt } = rolePromptsPrompt({ locale, opening: scenario.opening, role, question: question.question, options: question.options.map((o) => o.label) });
    const { data } = await askJson({ kind: "ROLE_PROMPT", promptVersion: ROLE_PROMPT_VERSION, userId: user.id, roomId: room.id, round, locale, system, prompt, schema: rolePromptsSchema });
    return { questions: data.questions, source: "ai" };
  } catch (e) {
    if (e instanceof AppError && e.code === "RATE_LIMITED") throw e;
    return { questions: ruleQuestions(locale, role.name), source: "rules" };
  }
}
