import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "./errors";
import { redis } from "./redis";
import { remember } from "./remember";

/**
 * Rate limits, per key (an account name, an address, a user id). In Redis when REDIS_URL is
 * set (all instances count together), else in this process's memory.
 */
export const LIMITS = {
  /**
   * Wrong passwords on one account from one address: that address may then not try that
   * account (others may, so strangers cannot lock the owner out).
   */
  signInAccount: { points: 10, duration: 15 * 60 },
  /**
   * Wrong passwords on one account from every address. Past it, an address that has already
   * failed on the account may not try it again (a guesser with many addresses gets one try
   * from each); an address with no failure, such as the owner's, still may.
   */
  signInAccountAll: { points: 100, duration: 15 * 60 },
  /** Failed sign-ins per address. */
  signInAddress: { points: 50, duration: 15 * 60 },
  /** Username availability checks per address. */
  usernameCheckAddress: { points: 60, duration: 60 },
  /** Rooms a player opens (facilitators, researchers and admins are not limited). */
  roomUser: { points: Number(process.env.ROOMS_PER_HOUR) || 10, duration: 60 * 60 },
  /** Rooms players open from one address. */
  roomAddress: { points: Number(process.env.ROOMS_PER_ADDRESS_PER_HOUR) || 60, duration: 60 * 60 },
  /** Look-ups of room codes that led nowhere, per user… */
  roomCodeUser: { points: 20, duration: 60 },
  /** …and per address. */
  roomCodeAddress: { points: 60, duration: 60 },
  /** Guest accounts created per address. */
  guestAddress: { points: 50, duration: 60 },
  /** Registrations per address. */
  registerAddress: { points: 20, duration: 60 * 60 },
  /** AI calls per user (drafts, role prompts, feedback). */
  aiUser: { points: Number(process.env.AI_CALLS_PER_HOUR) || 30, duration: 60 * 60 },
  /** Recording uploads per user (a player uploads one per round; retries included). */
  uploadUser: { points: Number(process.env.UPLOADS_PER_HOUR) || 60, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

/** RATE_LIMIT_SCALE multiplies every limit (e.g. 10 for a classroom behind one NAT address). */
const scale = () => Math.max(0.01, Number(process.env.RATE_LIMIT_SCALE) || 1);
const pointsOf = (name: LimitName) => Math.max(1, Math.round(LIMITS[name].points * scale()));

function limiter(name: LimitName): RateLimiterAbstract {
  const store = redis();
  const opts = { keyPrefix: `aedg:rl:${name}`, points: pointsOf(name), duration: LIMITS[name].duration };
  return remember(`rate-limit:${name}:${store ? "redis" : "memory"}`, () =>
    // If Redis is unreachable, count in memory rather than refusing everyone.
    store ? new RateLimiterRedis({ ...opts, storeClient: store.pub, insuranceLimiter: new RateLimiterMemory(opts) }) : new RateLimiterMemory(opts),
  );
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one attempt; throws RATE_LIMITED (with Retry-After) once the limit is passed. */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiter(name).consume(key, points);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", undefined, { retryAfterSeconds: retryAfter(e) });
    throw e;
  }
}

/** What counting one attempt found. */
export interface Taken {
  /** Within the limit (the attempt may go ahead). */
  ok: boolean;
  /** Points counted in the window so far, this attempt included. */
  consumed: number;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt and says whether it is within the limit, without throwing. The count
 * comes before the check, so attempts made at the same time can never all find room for one
 * more: of any number of concurrent attempts, at most the limit are `ok`.
 */
export async function take(name: LimitName, key: string, points = 1): Promise<Taken> {
  try {
    const res = await limiter(name).consume(key, points);
    return { ok: true, consumed: res.consumedPoints, retryAfterSeconds: retryAfter(res) };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, consumed: e.consumedPoints, retryAfterSeconds: retryAfter(e) };
    throw e;
  }
}

/** Gives back points `take` or `consume` counted (an attempt that turned out not to count). */
export async function giveBack(name: LimitName, key: string, points = 1): Promise<void> {
  await limiter(name).reward(key, points);
}

/**
 * Counts one attempt against each of `limits` at once and throws RATE_LIMITED (with the
 * longest wait) if any of them is past its limit; a refused attempt counts nowhere.
 */
export async function consumeAll(limits: readonly (readonly [LimitName, string])[]): Promise<void> {
  const taken = await Promise.all(limits.map(([name, key]) => take(name, key)));
  const refused = taken.filter((t) => !t.ok);
  if (!refused.length) return;
  await giveBackAll(limits);
  throw new AppError("RATE_LIMITED", undefined, { retryAfterSeconds: Math.max(...refused.map((t) => t.retryAfterSeconds)) });
}

/** Gives back one point to each of `limits` (what `consumeAll` counted). */
export async function giveBackAll(limits: readonly (readonly [LimitName, string])[]): Promise<void> {
  await Promise.all(limits.map(([name, key]) => giveBack(name, key)));
}

/** Forgets `key`'s attempts (e.g. after a successful sign-in). */
export async function reset(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
