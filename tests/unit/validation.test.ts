import { describe, expect, it } from "vitest";
import { roomCodeSchema } from "@/lib/validation/realtime";
import { scenarioContentSchema } from "@/lib/validation/scenario";
import { consentSchema, nicknameSchema, registerSchema, updateMeSchema } from "@/lib/validation/user";

describe("user schemas", () => {
  it.each([
    [{ username: "alice", password: "correct horse" }, true],
    [{ username: "al", password: "correct horse" }, false],
    [{ username: "alice!", password: "correct horse" }, false],
    [{ username: "alice", password: "short" }, false],
    [{ username: "alice", password: "correct horse", role: "ADMIN" }, false],
    [{ username: "alice", password: "x".repeat(129) }, false],
    [{ username: "alice", password: "correct horse", email: "not-an-email" }, false],
    [{ username: "alice", password: "correct horse", email: "a@example.org" }, true],
    [{ username: 5, password: "correct horse" }, false],
  ])("register %j → %s", (input, ok) => {
    expect(registerSchema.safeParse(input).success).toBe(ok);
  });

  it.each([
    ["민지", true],
    ["  Ann  ", true],
    ["", false],
    ["   ", false],
    ["a".repeat(25), false],
    ["bad\u0000name", false],
    ["rtl\u202eeman", false],
  ])("nickname %j → %s", (nickname, ok) => {
    expect(nicknameSchema.safeParse(nickname).success).toBe(ok);
  });

  it("trims nicknames", () => {
    expect(nicknameSchema.parse("  Ann ")).toBe("Ann");
  });

  it("requires both consent flags as booleans and nothing else", () => {
    expect(consentSchema.safeParse({ dataConsent: true, voiceConsent: false }).success).toBe(true);
    expect(consentSchema.safeParse({ dataConsent: "yes", voiceConsent: false }).success).toBe(false);
    expect(consentSchema.safeParse({ dataConsent: true }).success).toBe(false);
    expect(consentSchema.safeParse({ dataConsent: true, voiceConsent: true, role: "ADMIN" }).success).toBe(false);
  });

  it("refuses an empty profile update and unknown locales", () => {
    expect(updateMeSchema.safeParse({}).success).toBe(false);
    expect(updateMeSchema.safeParse({ locale: "fr" }).success).toBe(false);
    expect(updateMeSchema.safeParse({ locale: "ko" }).success).toBe(true);
  });
});

describe("room codes", () => {
  it("upper-cases and trims, and refuses ambiguous characters", () => {
    expect(roomCodeSchema.parse(" abc234 ")).toBe("ABC234");
    expect(roomCodeSchema.safeParse("ABC230").success).toBe(false);
    expect(roomCodeSchema.safeParse("ABCDEFG").success).toBe(false);
  });
});

describe("scenario content", () => {
  const role = { name: "R", brief: "b", privateBrief: "p" };
  const round = { question: "Q?", options: [{ label: "A" }, { label: "B" }] };
  const base = { title: "T", opening: "O", roles: [role, role, role], rounds: [round] };

  it("accepts 1–10 rounds of 2–4 options with exactly three roles", () => {
    expect(scenarioContentSchema.safeParse(base).success).toBe(true);
    expect(scenarioContentSchema.safeParse({ ...base, rounds: Array(10).fill(round) }).success).toBe(true);
  });

  it.each([
    ["no rounds", { ...base, rounds: [] }],
    ["11 rounds", { ...base, rounds: Array(11).fill(round) }],
    ["two roles", { ...base, roles: [role, role] }],
    ["one option", { ...base, rounds: [{ question: "Q", options: [{ label: "A" }] }] }],
    ["five options", { ...base, rounds: [{ question: "Q", options: Array(5).fill({ label: "A" }) }] }],
    ["blank title", { ...base, title: "  " }],
    ["extra key", { ...base, extra: 1 }],
  ])("refuses %s", (_name, input) => {
    expect(scenarioContentSchema.safeParse(input).success).toBe(false);
  });
});
