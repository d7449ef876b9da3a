import { z } from "zod";
import type { AckResponse } from "@/lib/realtime-events";
import { ERROR_STATUS, isAppError, isDbUnavailable } from "../errors";
import { logger } from "../logger";
import { metrics } from "../metrics";

/**
 * Wraps a socket event handler: parses the payload with `schema`, runs `fn`, and answers the
 * ack with `{ ok: true, data }` or `{ ok: false, error }`. Never throws; a missing ack is fine.
 */
export function withAck<S extends z.ZodType, R>(event: string, schema: S, fn: (input: z.output<S>) => Promise<R> | R) {
  return async (payload: unknown, ack?: unknown): Promise<void> => {
    const started = process.hrtime.bigint();
    const answer = (typeof ack === "function" ? ack : () => undefined) as (r: AckResponse<R>) => void;
    const reply = (r: AckResponse<R>) => {
      metrics().socketEventDuration.observe({ event, ok: String(r.ok) }, Number(process.hrtime.bigint() - started) / 1e9);
      answer(r);
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, error: { code: "VALIDATION_ERROR", message: "The payload is not valid.", details: z.treeifyError(parsed.error), status: 400 } });
      return;
    }
    try {
      reply({ ok: true, data: await fn(parsed.data) });
    } catch (e) {
      if (isAppError(e)) reply({ ok: false, error: { code: e.code, message: e.message, status: ERROR_STATUS[e.code] } });
      else if (isDbUnavailable(e)) {
        metrics().dbErrors.inc({ kind: "socket" });
        reply({ ok: false, error: { code: "DB_UNAVAILABLE", message: "The database is unavailable. Try again shortly.", status: 503 } });
      } else {
        logger().error({ err: e, event }, "socket handler failed");
        reply({ ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side.", status: 500 } });
      }
    }
  };
}
