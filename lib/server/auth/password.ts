import bcrypt from "bcryptjs";

const cost = () => Math.max(12, Number(process.env.BCRYPT_COST) || 12);

/** bcrypt hash with cost ≥ 12. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

// Compared against when the user does not exist, so that both failures take as long.
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `hash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("no such user", cost());
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
