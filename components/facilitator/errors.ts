import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";

/** Codes the facilitator screens explain in their own words. */
const KNOWN: Partial<Record<string, MessageKey>> = {
  NOT_FOUND: "facilitator.error.NOT_FOUND",
  FORBIDDEN: "facilitator.error.FORBIDDEN",
  UNAUTHORIZED: "facilitator.error.UNAUTHORIZED",
  VALIDATION_ERROR: "facilitator.error.VALIDATION_ERROR",
  CONFLICT: "facilitator.error.CONFLICT",
  RATE_LIMITED: "facilitator.error.RATE_LIMITED",
  AI_DISABLED: "facilitator.error.AI_DISABLED",
  AI_FAILED: "facilitator.error.AI_FAILED",
  WRONG_PHASE: "facilitator.error.WRONG_PHASE",
  GAME_OVER: "facilitator.error.WRONG_PHASE",
  SEAT_EMPTY: "facilitator.error.SEAT_EMPTY",
  DB_UNAVAILABLE: "facilitator.error.busy",
  TIMEOUT: "facilitator.error.busy",
};

/** The message for a failed facilitator action: by error code; "network" when nothing answered. */
export function facilitatorErrorKey(e: unknown): MessageKey {
  if (!isApiError(e)) return "facilitator.error.network";
  return KNOWN[e.code] ?? (e.status >= 500 ? "facilitator.error.server" : "facilitator.error.unknown");
}
