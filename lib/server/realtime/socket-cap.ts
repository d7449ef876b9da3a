import type { Redis } from "ioredis";

/**
 * How many sockets one user may hold open at once, counted across every instance: in Redis when
 * the instances share one (each socket an entry that its instance keeps fresh, so the sockets
 * of an instance that died are forgotten after `ttlMs`), else in this process's memory.
 */
export interface SocketCap {
  readonly limit: number;
  /** Takes a place for this socket; false when the user holds `limit` sockets already. */
  claim(userId: string, socketId: string): Promise<boolean>;
  /** Gives the socket's place back (idempotent). */
  release(userId: string, socketId: string): void;
}

export interface SocketCapOptions {
  limit: number;
  /** Shared by the instances (REDIS_URL); without it, sockets are counted in this process. */
  redis?: Redis;
  /** How long an entry lives in Redis unless refreshed; refreshed every third of it. */
  ttlMs?: number;
  /** A Redis that does not answer in this time is taken as down: the socket is counted here only. */
  timeoutMs?: number;
  onRedisError?(err: unknown): void;
}

/**
 * Drops the user's expired entries, then adds this socket's unless the user holds `limit`
 * already. KEYS[1] the user's set; ARGV: now, limit, socket id, expiry, key ttl (ms).
 */
const CLAIM = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) == false and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

const keyOf = (userId: string) => `aedg:sockets:${userId}`;

export function createSocketCap({ limit, redis, ttlMs = 90_000, timeoutMs = 1000, onRedisError }: SocketCapOptions): SocketCap {
  // This instance's sockets per user: the whole count without Redis, and what is refreshed with it.
  const local = new Map<string, Set<string>>();
  const add = (userId: string, socketId: string) => {
    const set = local.get(userId) ?? new Set<string>();
    local.set(userId, set);
    set.add(socketId);
  };
  const countHere = (userId: string) => local.get(userId)?.size ?? 0;

  const withTimeout = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("redis did not answer")), timeoutMs).unref())]);

  const refresh = () => {
    if (!redis || !local.size) return;
    const expiry = Date.now() + ttlMs;
    const batch = redis.pipeline();
    for (const [userId, sockets] of local) {
      for (const socketId of sockets) batch.zadd(keyOf(userId), expiry, socketId);
      batch.pexpire(keyOf(userId), ttlMs);
    }
    batch.exec().catch((err: unknown) => onRedisError?.(err));
  };
  // Unref'd: it never keeps the process alive.
  if (redis) setInterval(refresh, Math.max(1000, Math.floor(ttlMs / 3))).unref();

  return {
    limit,
    async claim(userId, socketId) {
      if (redis) {
        try {
          const now = Date.now();
          const ok = await withTimeout(redis.eval(CLAIM, 1, keyOf(userId), now, limit, socketId, now + ttlMs, ttlMs));
          if (Number(ok) !== 1) return false;
          add(userId, socketId);
          return true;
        } catch (err) {
          // Redis down: count this instance's sockets rather than refuse everyone.
          onRedisError?.(err);
        }
      }
      if (countHere(userId) >= limit) return false;
      add(userId, socketId);
      return true;
    },
    release(userId, socketId) {
      const set = local.get(userId);
      if (!set?.delete(socketId)) return;
      if (!set.size) local.delete(userId);
      redis?.zrem(keyOf(userId), socketId).catch((err: unknown) => onRedisError?.(err));
    },
  };
}
