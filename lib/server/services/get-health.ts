import { dbHandle } from "../db";
import { connectionCount } from "../realtime/emitter";
import { redis } from "../redis";

export interface Health {
  status: "ok" | "degraded";
  db: "up" | "down";
  /** Only with REDIS_URL. */
  redis?: "up" | "down";
  dbKind: "pglite" | "postgres" | null;
  uptime: number;
  connections: number;
  timestamp: string;
}

/**
 * The server's health: database (and Redis) reachability, pinged now with a 2 s timeout; uptime;
 * socket connections. "degraded" (GET /health answers 503) while the database, or a configured
 * Redis, does not answer: without Redis this instance cannot reach the players on the others.
 */
export async function getHealth(): Promise<Health> {
  const handle = dbHandle();
  let up = false;
  if (handle) up = await handle.ping(2000).then(() => true, () => false);
  const r = redis();
  const redisUp = r ? await r.ping(2000).then(() => true, () => false) : undefined;
  return {
    status: up && redisUp !== false ? "ok" : "degraded",
    db: up ? "up" : "down",
    ...(redisUp !== undefined && { redis: redisUp ? "up" : "down" }),
    dbKind: handle?.kind ?? null,
    uptime: Math.round(process.uptime()),
    connections: connectionCount(),
    timestamp: new Date().toISOString(),
  };
}
