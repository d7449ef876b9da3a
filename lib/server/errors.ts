/** Every error the API answers with. One table maps each code to its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  CONFLICT: 409,
  ROOM_FULL: 409,
  GAME_STARTED: 409,
  WRONG_PHASE: 409,
  ALREADY_SUBMITTED: 409,
  ROUND_MISMATCH: 409,
  NOT_SEATED: 403,
  GAME_OVER: 409,
  ALREADY_SEATED: 409,
  PAUSED: 409,
  SEATS_NOT_FILLED: 409,
  SEAT_EMPTY: 409,
  NO_CONSENSUS_YET: 409,
  CONSENSUS_REACHED: 409,
  INVALID_CHOICE: 400,
  INVALID_CONFIDENCE: 400,
  INVALID_ASSIGNMENT: 400,
  CONSENT_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_UNAVAILABLE: 503,
  AI_DISABLED: 503,
  AI_FAILED: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: "The request is not valid.",
  INVALID_JSON: "The request body is not valid JSON.",
  UNAUTHORIZED: "Sign in first.",
  FORBIDDEN: "You are not allowed to do this.",
  NOT_FOUND: "Not found.",
  USERNAME_TAKEN: "That username is taken.",
  CONFLICT: "This conflicts with the current state.",
  ROOM_FULL: "The room is full.",
  GAME_STARTED: "The game has already started.",
  WRONG_PHASE: "That is not possible in the current phase.",
  ALREADY_SUBMITTED: "You have already answered.",
  ROUND_MISMATCH: "That round is not the current one.",
  NOT_SEATED: "You do not have a seat in this room.",
  GAME_OVER: "The game is over.",
  ALREADY_SEATED: "You already have a seat in this room.",
  PAUSED: "The room is paused until every seat is filled again.",
  SEATS_NOT_FILLED: "Three players are needed.",
  SEAT_EMPTY: "That seat is empty.",
  NO_CONSENSUS_YET: "The group has not agreed on an option yet.",
  CONSENSUS_REACHED: "The group has already agreed.",
  INVALID_CHOICE: "That option does not exist in this round.",
  INVALID_CONFIDENCE: "Confidence is a whole number from 1 to 5.",
  INVALID_ASSIGNMENT: "Give each seat a different role.",
  CONSENT_REQUIRED: "This is a research room: give data consent to play in it.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported content type.",
  RATE_LIMITED: "Too many requests. Try again later.",
  INTERNAL: "Something went wrong on our side.",
  DB_UNAVAILABLE: "The database is unavailable. Try again shortly.",
  AI_DISABLED: "AI is off on this server.",
  AI_FAILED: "The AI service failed. Try again later.",
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** A failure a service expects and a client can act on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, options?: { details?: unknown; retryAfterSeconds?: number }) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.details = options?.details;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/** True for an AppError from any module copy (server.ts and route bundles load separate copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === "AppError" && typeof (e as AppError).code === "string" && (e as AppError).code in ERROR_STATUS);
}

/** Prisma's known-request errors by code; checked by shape, since classes differ between module copies. */
export function prismaErrorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    const code = (e as { code: string }).code;
    if (/^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

/** A unique-key violation, from a Prisma query (P2002) or a raw statement (PostgreSQL's 23505). */
export function isUniqueViolation(e: unknown): boolean {
  const code = prismaErrorCode(e);
  if (code === "P2002") return true;
  // The driver's own error, for statements run without Prisma (lib/server/db: `statement`).
  if (e && typeof e === "object" && (e as { code?: unknown }).code === "23505") return true;
  const meta = e && typeof e === "object" && "meta" in e ? (e as { meta?: Record<string, unknown> }).meta : undefined;
  if (meta && (meta.code === "23505" || (meta.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind === "UniqueConstraintViolation")) return true;
  return e instanceof Error && /\b23505\b|unique constraint/i.test(e.message);
}

/** Connection-level database failures, for which the answer is 503 rather than 500. */
export function isDbUnavailable(e: unknown): boolean {
  const code = prismaErrorCode(e);
  if (code && ["P1001", "P1002", "P1008", "P1017", "P2024"].includes(code)) return true;
  const text = e instanceof Error ? `${e.name} ${e.message} ${(e as { cause?: unknown }).cause ?? ""}` : "";
  // The last two are an overloaded server rather than a lost one: every pooled connection busy
  // past the pool's connect timeout, or a transaction not started within its maxWait. Either
  // way the request can be retried shortly, so it is a 503 with Retry-After, not a 500.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connection.*closed|DatabaseNotReachable|terminating connection|the database system is (shutting down|starting up)|Can't reach database|timeout exceeded when trying to connect|Unable to start a transaction in the given time/i.test(text);
}

/** Converts anything thrown into the error body and status a client sees. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  if (isAppError(e)) return { status: ERROR_STATUS[e.code], body: e.toBody(), retryAfterSeconds: e.retryAfterSeconds };
  if (isDbUnavailable(e)) return { status: 503, body: new AppError("DB_UNAVAILABLE").toBody(), retryAfterSeconds: 5 };
  return { status: 500, body: new AppError("INTERNAL").toBody() };
}
