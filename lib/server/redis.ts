import type { Redis } from "ioredis";
import { recall, remember } from "./remember";

/**
 * The Redis connections of a multi-instance deployment (REDIS_URL): one for commands and
 * publishing, one for subscribing (the Socket.IO adapter needs both). Absent without REDIS_URL.
 */
export interface RedisHandle {
  pub: Redis;
  sub: Redis;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const KEY = "redis";

export async function openRedis(url: string): Promise<RedisHandle> {
  const { Redis } = await import("ioredis");
  return remember(KEY, () => {
    // Keep retrying forever: a restarted Redis is picked up again without restarting the app.
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
    const pub = new Redis(url, options);
    const sub = pub.duplicate();
    // Errors are reported by health checks; an unhandled 'error' event must not crash the process.
    pub.on("error", () => undefined);
    sub.on("error", () => undefined);
    return {
      pub,
      sub,
      ping: async (timeoutMs = 2000) => {
        await Promise.race([pub.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error("redis ping timed out")), timeoutMs).unref())]);
      },
      close: async () => {
        pub.disconnect();
        sub.disconnect();
      },
    };
  });
}

export function redis(): RedisHandle | undefined {
  return recall<RedisHandle>(KEY);
}
