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
  /**
   * Calls `listener` each time the subscribing connection is back after being lost, once its
   * subscriptions are active again (messages published from then on arrive), with the time
   * the connection was lost: whatever other instances published in between never arrived.
   */
  onResubscribed(listener: (downSince: Date) => void): void;
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
    const listeners: ((downSince: Date) => void)[] = [];
    let downSince: Date | null = null;
    sub.on("close", () => (downSince ??= new Date()));
    sub.on("ready", () => {
      const since = downSince;
      if (!since) return;
      // "ready" comes before ioredis sends the subscriptions again: a PING sent after them is
      // answered once Redis has them all.
      setImmediate(() => {
        sub.ping().then(
          () => {
            if (downSince !== since) return;
            downSince = null;
            for (const listener of listeners) listener(since);
          },
          () => undefined, // lost again: the next "ready" tries again
        );
      });
    });
    return {
      pub,
      sub,
      onResubscribed: (listener) => void listeners.push(listener),
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
