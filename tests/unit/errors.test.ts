import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS, isAppError, isDbUnavailable, isUniqueViolation, toErrorResponse } from "@/lib/server/errors";

describe("error mapping", () => {
  it.each(Object.entries(ERROR_STATUS))("%s answers %i with the API error shape", (code, status) => {
    const r = toErrorResponse(new AppError(code as keyof typeof ERROR_STATUS));
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message.length).toBeGreaterThan(0);
  });

  it("recognises an AppError from another module copy by shape", () => {
    const foreign = Object.assign(new Error("x"), { name: "AppError", code: "ROOM_FULL" });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(Object.assign(new Error("x"), { name: "AppError", code: "NOPE" }))).toBe(false);
  });

  it("answers 503 with Retry-After for an unreachable database, 500 for anything else", () => {
    const down = toErrorResponse(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {}));
    expect(down.status).toBe(503);
    expect(down.retryAfterSeconds).toBeGreaterThan(0);
    expect(isDbUnavailable({ code: "P1001" })).toBe(true);
    // An overloaded database (pool exhausted, transaction not started in time) is retried too.
    expect(toErrorResponse(new Error("timeout exceeded when trying to connect")).status).toBe(503);
    expect(isDbUnavailable(new Error("Transaction API error: Unable to start a transaction in the given time."))).toBe(true);
    expect(isDbUnavailable(new Error("Unique constraint failed"))).toBe(false);
    const other = toErrorResponse(new TypeError("boom"));
    expect(other.status).toBe(500);
    expect(other.body.error.code).toBe("INTERNAL");
    expect(JSON.stringify(other.body)).not.toContain("boom");
  });

  it("carries details and retry hints", () => {
    const e = new AppError("RATE_LIMITED", undefined, { retryAfterSeconds: 7, details: { limit: 10 } });
    expect(toErrorResponse(e)).toMatchObject({ status: 429, retryAfterSeconds: 7, body: { error: { details: { limit: 10 } } } });
  });
});

describe("isUniqueViolation", () => {
  it("knows a unique-key violation from Prisma's query API and from a raw statement", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { code: "23505" } }))).toBe(true);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "ProcessedOperation_userId_opId_key"'))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("Foreign key failed"), { code: "P2003" }))).toBe(false);
    expect(isUniqueViolation(new Error("connection reset"))).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});
