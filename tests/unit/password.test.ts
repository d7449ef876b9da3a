import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";

// bcrypt at cost 12 in JavaScript takes a few hundred ms per hash: allow for a loaded machine.
describe("password hashing (SECURITY.md item 9)", { timeout: 60_000 }, () => {
  it("uses bcrypt with a cost of at least 12", async () => {
    const hash = await hashPassword("correct horse battery staple");
    const cost = Number(hash.split("$")[2]);
    expect(hash).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(cost).toBeGreaterThanOrEqual(12);
  });

  it("verifies the right password only, and answers false without a hash", async () => {
    const hash = await hashPassword("s3cret-pass");
    expect(await verifyPassword("s3cret-pass", hash)).toBe(true);
    expect(await verifyPassword("s3cret-pasS", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });

  it("never goes below cost 12, whatever BCRYPT_COST says", async () => {
    const before = process.env.BCRYPT_COST;
    process.env.BCRYPT_COST = "4";
    try {
      expect(Number((await hashPassword("x")).split("$")[2])).toBe(12);
    } finally {
      if (before === undefined) delete process.env.BCRYPT_COST;
      else process.env.BCRYPT_COST = before;
    }
  });
});
