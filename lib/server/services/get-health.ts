import { dbHandle } from "../db";
import { connectionCount } from "../realtime/emitter";

export interface Health {
  status: "ok" | "degraded";
  db: "up" | "down";
  dbKind: "pglite" | "postgres" | null;
  uptime: number;
  connections: number;
  timestamp: string;
}

/** The server's health: database reachability (pinged now, 2 s timeout), uptime and socket connections. */
export async function getHealth(): Promise<Health> {
  const handle = dbHandle();
  let up = false;
  if (handle) up = await handle.ping(2000).then(() => true, () => false);
  return {
    status: up ? "ok" : "degraded",
    db: up ? "up" : "down",
    dbKind: handle?.kind ?? null,
    uptime: Math.round(process.uptime()),
    connections: connectionCount(),
    timestamp: new Date().toISOString(),
  };
}
