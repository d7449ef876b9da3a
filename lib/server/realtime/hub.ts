import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { Server } from "socket.io";
import { userChannel, type Ack } from "@/lib/realtime-events";
import { ERROR_STATUS } from "../errors";
import type { SessionUser } from "../auth/session";
import type { Io } from "./emitter";
import { registerChatHandlers } from "./handlers/chat.handlers";
import { registerCommandHandlers } from "./handlers/command.handlers";
import { registerMonitorHandlers } from "./handlers/monitor.handlers";
import { registerPresenceHandlers } from "./handlers/presence.handlers";
import { registerRoomHandlers } from "./handlers/room.handlers";
import { registerVoiceHandlers } from "./handlers/voice.handlers";

export interface HubDeps {
  httpServer: HttpServer;
  /** Resolves the session cookie of a handshake to a user, or null. */
  authenticate(cookieHeader: string | undefined): Promise<SessionUser | null>;
  /** Origins allowed besides the server's own (the Host the request was sent to). */
  allowedOrigins: string[];
  log: Logger;
  /** Largest accepted message; a bigger one closes that client's connection only. */
  maxPayloadBytes?: number;
  /** Events a socket may send per second before being refused, and then dropped. */
  eventsPerSecond?: number;
  /** Shares rooms across instances (REDIS_URL); without it, everything stays in this process. */
  adapter?: Parameters<Io["adapter"]>[0];
  /**
   * How long a dropped connection may come back with its rooms and the events it missed
   * (single instance; 0 turns it off). Socket.IO keeps every broadcast for this long (plus up
   * to a minute) for such connections, so memory grows with it times the broadcast rate.
   * Default 30 s (it was 2 minutes).
   */
  recoverySeconds?: number;
}

/** True when a handshake's Origin is the server's own host or an allowed origin; no Origin (non-browser clients) is allowed. */
export function isOriginAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.includes(parsed.origin)) return true;
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  return typeof host === "string" && parsed.host === host.split(",")[0]!.trim();
}

/**
 * Creates the Socket.IO hub on `httpServer`: origin allowlist, session-cookie handshake,
 * small message limit, per-socket event throttle, and the event handlers.
 */
export function createHub(deps: HubDeps): Io {
  const { httpServer, authenticate, allowedOrigins, log } = deps;
  const io: Io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: deps.maxPayloadBytes ?? 64 * 1024,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    // Next's own websocket (dev hot reload) shares the server: leave other upgrades alone.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const ok = isOriginAllowed(req, allowedOrigins);
      if (!ok) log.warn({ origin: req.headers.origin }, "socket handshake from a foreign origin refused");
      callback(ok ? null : "origin not allowed", ok);
    },
    cors: { origin: allowedOrigins, credentials: true },
    // The Redis adapter cannot restore a session; clients then re-subscribe and get the state.
    ...(deps.adapter
      ? { adapter: deps.adapter }
      : (deps.recoverySeconds ?? 30) > 0
        ? { connectionStateRecovery: { maxDisconnectionDuration: (deps.recoverySeconds ?? 30) * 1000, skipMiddlewares: false } }
        : {}),
  });

  io.use(async (socket, next) => {
    try {
      const user = await authenticate(socket.request.headers.cookie);
      if (!user) return next(new Error("UNAUTHORIZED"));
      socket.data.userId = user.id;
      socket.data.nickname = user.nickname;
      socket.data.role = user.role;
      next();
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, "socket authentication failed");
      next(new Error("UNAVAILABLE"));
    }
  });

  const limiter = new RateLimiterMemory({ points: deps.eventsPerSecond ?? 40, duration: 1 });
  const strikes = new Map<string, number>();

  io.on("connection", (socket) => {
    void socket.join(userChannel(socket.data.userId));

    // Throttle every event; a socket that keeps flooding is dropped. A throttled event that
    // asked for an answer gets one (RATE_LIMITED, with how long to wait), so nobody waits for it.
    socket.use(async (packet, next) => {
      try {
        await limiter.consume(socket.id);
        next();
      } catch (rejection) {
        const ack = packet[packet.length - 1];
        if (typeof ack === "function") {
          const retryAfterMs = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext)) : 1000;
          (ack as Ack<never>)({ ok: false, error: { code: "RATE_LIMITED", message: "Too many events. Slow down.", status: ERROR_STATUS.RATE_LIMITED, retryAfterMs } });
        }
        const n = (strikes.get(socket.id) ?? 0) + 1;
        strikes.set(socket.id, n);
        if (n > 20) {
          log.warn({ userId: socket.data.userId }, "socket dropped for flooding");
          socket.disconnect(true);
        }
        next(new Error("RATE_LIMITED"));
      }
    });
    socket.on("error", () => undefined);
    socket.on("disconnect", () => strikes.delete(socket.id));

    registerRoomHandlers(socket);
    registerCommandHandlers(socket);
    registerChatHandlers(socket);
    registerMonitorHandlers(socket);
    registerPresenceHandlers(socket);
    registerVoiceHandlers(socket);
  });

  return io;
}
