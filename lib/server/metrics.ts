import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { routeMatcher } from "./http/app-routes";
import { remember } from "./remember";

/**
 * Prometheus metrics, one registry per process (kept on globalThis: server.ts and the route
 * bundles share it). Labels are kept few and bounded: routes are normalised, codes and ids
 * never become label values.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  socketEventDuration: Histogram<"event" | "ok">;
  dbErrors: Counter<"kind">;
  aiDuration: Histogram<"kind" | "status">;
  connections: Gauge;
  roomsByPhase: Gauge<"phase">;
  roomCommands: Counter<"command" | "outcome">;
  roomStateCache: Counter<"result">;
}

export function metrics(): Metrics {
  return remember("metrics", () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "aedg_" });
    const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    return {
      registry,
      httpDuration: new Histogram({ name: "aedg_http_request_duration_seconds", help: "HTTP request duration by route and status", labelNames: ["method", "route", "status"], buckets, registers: [registry] }),
      socketEventDuration: new Histogram({ name: "aedg_socket_event_duration_seconds", help: "Socket event handling duration by event", labelNames: ["event", "ok"], buckets, registers: [registry] }),
      dbErrors: new Counter({ name: "aedg_db_errors_total", help: "Requests or events that failed because the database was unreachable", labelNames: ["kind"], registers: [registry] }),
      aiDuration: new Histogram({ name: "aedg_ai_call_duration_seconds", help: "AI call duration by kind and outcome", labelNames: ["kind", "status"], buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40], registers: [registry] }),
      connections: new Gauge({ name: "aedg_socket_connections", help: "Open Socket.IO connections on this instance", registers: [registry] }),
      roomsByPhase: new Gauge({ name: "aedg_rooms", help: "Rooms by phase", labelNames: ["phase"], registers: [registry] }),
      roomCommands: new Counter({
        name: "aedg_room_commands_total",
        help: "Game commands by kind and outcome: committed (state changed), unchanged (nothing to do, or a replayed opId), refused (against the rules, 4xx), error",
        labelNames: ["command", "outcome"],
        registers: [registry],
      }),
      roomStateCache: new Counter({
        name: "aedg_room_state_cache_total",
        help: "Room commands and reads by how the room's state was found: hit (held in memory and current), stale (held but changed elsewhere; read again), read (held, but the move needs the database: a seat taken or freed, results revealed), miss (not held)",
        labelNames: ["result"],
        registers: [registry],
      }),
    };
  });
}

/**
 * A bounded route label for a request path: the pattern of the app route it matches
 * (`/api/rooms/:code/join`), `/_next/*` for Next's assets, and one `unmatched` for every
 * other path (probing, typos), so that no request can add a series of its own.
 */
export function routeLabeler(routes: readonly string[]): (pathname: string) => string {
  const match = routeMatcher(routes);
  return (pathname) => (pathname.startsWith("/_next/") ? "/_next/*" : (match(pathname) ?? "unmatched"));
}
