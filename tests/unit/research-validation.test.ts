import { describe, expect, it } from "vitest";
import { deleteMeSchema, researchCleanupSchema, researchExportQuerySchema, researchRoomRefSchema, researchRoomsQuerySchema, researchUserRefSchema } from "@/lib/validation/research";

describe("research query schemas", () => {
  it.each([
    [{}, true],
    [{ format: "csv" }, true],
    [{ format: "pdf" }, false],
    [{ format: "json", sheet: "wide" }, true],
    [{ sheet: "secrets" }, false],
    [{ from: "2026-03-01", to: "2026-03-31" }, true],
    [{ from: "2026-03-31", to: "2026-03-01" }, false],
    [{ from: "yesterday" }, false],
    [{ from: "2026-02-30" }, false],
    [{ to: "2026-02-29T10:00:00Z" }, false],
    [{ to: "2028-02-29T10:00:00Z" }, true],
    [{ from: "2026-03-01T09:00:00Z" }, true],
    [{ from: "2026-03-01T09:00:00+09:00" }, true],
    [{ from: "2026-03-01T09:00:00" }, false],
    [{ scenario: "autonomous-vehicle" }, true],
    [{ scenario: "0b7d4a46-8a5e-4a53-9c1e-3f0a3b7e2c11" }, true],
    [{ scenario: "Robert'); DROP TABLE" }, false],
    [{ completed: "true" }, true],
    [{ completed: "yes" }, false],
    [{ test: "all" }, true],
    [{ test: "1" }, false],
    [{ cursor: "x" }, false],
    [{ unknown: "1" }, false],
  ])("export %j → %s", (query, ok) => {
    expect(researchExportQuerySchema.safeParse(query).success).toBe(ok);
  });

  it("reads dates as UTC, includes the whole `to` day and defaults to no test rooms", () => {
    const q = researchExportQuerySchema.parse({ from: "2026-03-01", to: "2026-03-02" });
    expect(q.filters.from!.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(q.filters.to!.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(q.filters.test).toBe("false");
    expect(q.format).toBe("xlsx");
  });

  it.each([
    [{ limit: "100" }, true],
    [{ limit: "0" }, false],
    [{ limit: "101" }, false],
    [{ limit: "ten" }, false],
    [{ cursor: "0b7d4a46-8a5e-4a53-9c1e-3f0a3b7e2c11" }, true],
    [{ format: "csv" }, false],
  ])("rooms %j → %s", (query, ok) => {
    expect(researchRoomsQuerySchema.safeParse(query).success).toBe(ok);
  });

  it("tells ids from codes", () => {
    expect(researchRoomRefSchema.parse("abc234")).toEqual({ code: "ABC234" });
    expect(researchRoomRefSchema.safeParse("ABC10O").success).toBe(false);
    expect(researchUserRefSchema.parse("pabcdefg")).toEqual({ participantCode: "PABCDEFG" });
    expect(researchUserRefSchema.safeParse("alice").success).toBe(false);
  });

  it.each([
    [{ testOnly: true }, true],
    [{ testOnly: true, before: "2026-01-01" }, true],
    [{ testOnly: false }, false],
    [{}, false],
    [{ testOnly: true, all: true }, false],
    [{ testOnly: true, before: "soon" }, false],
  ])("cleanup %j → %s", (body, ok) => {
    expect(researchCleanupSchema.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ withdrawData: true }, true],
    [{ withdrawData: false }, true],
    [{ withdrawData: "yes" }, false],
    [{}, false],
    [{ withdrawData: true, reason: "x" }, false],
  ])("delete me %j → %s", (body, ok) => {
    expect(deleteMeSchema.safeParse(body).success).toBe(ok);
  });
});
