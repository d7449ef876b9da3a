import type { Phase } from "@/lib/domain/game";
import type { MessageKey } from "@/lib/i18n/messages";

/** Phase names as a facilitator says them (the players' screens say "Your choice" for INDIVIDUAL). */
export const MONITOR_PHASE_LABEL: Record<Phase, MessageKey> = {
  WAITING: "facilitator.phase.WAITING",
  ROLES: "facilitator.phase.ROLES",
  INDIVIDUAL: "facilitator.phase.INDIVIDUAL",
  DISCUSSION: "facilitator.phase.DISCUSSION",
  CONSENSUS: "facilitator.phase.CONSENSUS",
  REVEAL: "facilitator.phase.REVEAL",
  FINISHED: "facilitator.phase.FINISHED",
  ABANDONED: "facilitator.phase.ABANDONED",
};
