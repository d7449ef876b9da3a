import { PHASES } from "@/lib/domain/game";
import { db } from "../db";
import { metrics } from "../metrics";
import { connectionCount } from "../realtime/emitter";

/** The Prometheus text exposition, with gauges read fresh (connections, rooms by phase). */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  m.connections.set(connectionCount());
  const counts = await db()
    .room.groupBy({ by: ["phase"], _count: { _all: true } })
    .catch(() => null);
  if (counts) for (const phase of PHASES) m.roomsByPhase.set({ phase }, counts.find((c) => c.phase === phase)?._count._all ?? 0);
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
