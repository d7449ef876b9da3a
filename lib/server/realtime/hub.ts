import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
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
import { createSocketCap } from "./socket-cap";

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
  /** Events one user may send per second over all their sockets (default: twice eventsPerSecond). */
  userEventsPerSecond?: number;
  /** Sockets one user may hold open at once (across instances with `redis`); the next is refused. Default 10. */
  socketsPerUser?: number;
  /** The Redis the instances share (REDIS_URL): the cap on a user's sockets counts there. */
  redis?: Redis;
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

/** Throttled events within STRIKE_SECONDS after which a socket is dropped. */
const MAX_STRIKES = 20;
const STRIKE_SECONDS = 10;

/**
 * Makes taking sockets out of channels (socketsLeave: a freed seat, a room that filled) hold
 * for connections that dropped a moment ago too. Connection state recovery keeps such a
 * connection's channels and the broadcasts it missed, and would bring it back into a room it was
 * taken out of meanwhile, with that room's events since. Only the in-memory adapter recovers
 * connections (one instance); the Redis adapter has no such sessions.
 */
function keepRemovalsThroughRecovery(io: Io): void {
  type Options = { rooms: Set<string>; except?: Set<string> };
  const adapter = io.of("/").adapter as unknown as { sessions?: Map<string, { rooms: string[] }>; delSockets(opts: Options, rooms: string[]): void };
  const sessions = adapter.sessions;
  if (!(sessions instanceof Map)) return;
  const delSockets = adapter.delSockets.bind(adapter);
  adapter.delSockets = (opts, rooms) => {
    delSockets(opts, rooms);
    for (const session of sessions.values()) {
      const selected = opts.rooms.size === 0 || session.rooms.some((r) => opts.rooms.has(r));
      const excluded = session.rooms.some((r) => opts.except?.has(r));
      if (selected && !excluded) session.rooms = session.rooms.filter((r) => !rooms.includes(r));
    }
  };
}

/**
 * Creates the Socket.IO hub on `httpServer`: origin allowlist, session-cookie handshake, a cap
 * on each user's open sockets, small message limit, per-socket and per-user event throttles, and
 * the event handlers.
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

  keepRemovalsThroughRecovery(io);
  const cap = createSocketCap({
    limit: deps.socketsPerUser ?? 10,
    redis: deps.redis,
    onRedisError: (err) => log.warn({ err: err instanceof Error ? err.message : String(err) }, "counting a user's sockets in Redis failed; counting this instance's"),
  });

  io.use(async (socket, next) => {
    let user: SessionUser | null;
    try {
      user = await authenticate(socket.request.headers.cookie);
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, "socket authentication failed");
      return next(new Error("UNAVAILABLE"));
    }
    if (!user) return next(new Error("UNAUTHORIZED"));
    socket.data.userId = user.id;
    socket.data.nickname = user.nickname;
    socket.data.role = user.role;
    // One person needs a socket per open tab; hundreds are a flood. The place is given back when
    // the connection closes, whether or not it ever finished connecting.
    const userId = user.id;
    if (!(await cap.claim(userId, socket.id))) {
      log.warn({ userId, limit: cap.limit }, "socket refused: too many connections for one user");
      const refusal = Object.assign(new Error("TOO_MANY_CONNECTIONS"), { data: { limit: cap.limit, message: `At most ${cap.limit} connections per user: close another tab or window, then try again.` } });
      return next(refusal);
    }
    const release = () => cap.release(userId, socket.id);
    // Gone while its user was read and counted: no "close" would come to give the place back.
    if (socket.conn.readyState !== "open") {
      release();
      return next(new Error("CLOSED"));
    }
    socket.conn.once("close", release);
    socket.once("disconnect", release);
    next();
  });

  const eventsPerSecond = deps.eventsPerSecond ?? 40;
  const limiter = new RateLimiterMemory({ points: eventsPerSecond, duration: 1 });
  const userLimiter = new RateLimiterMemory({ points: deps.userEventsPerSecond ?? eventsPerSecond * 2, duration: 1 });
  // Throttled events a socket may collect within STRIKE_SECONDS before it is dropped; older
  // strikes are forgotten, so a client that slows down when told to is never dropped for it.
  const strikes = new RateLimiterMemory({ points: MAX_STRIKES, duration: STRIKE_SECONDS });

  io.on("connection", (socket) => {
    void socket.join(userChannel(socket.data.userId));

    // Throttle every event, per socket and per user (over all their sockets on this instance);
    // a socket that keeps flooding is dropped. A throttled event that asked for an answer gets
    // one (RATE_LIMITED, with how long to wait), so nobody waits for it.
    socket.use(async (packet, next) => {
      try {
        await limiter.consume(socket.id);
        await userLimiter.consume(socket.data.userId);
        next();
      } catch (rejection) {
        const ack = packet[packet.length - 1];
        if (typeof ack === "function") {
          const retryAfterMs = rejection instanceof RateLimiterRes ? Math.max(1, Math.ceil(rejection.msBeforeNext)) : 1000;
          (ack as Ack<never>)({ ok: false, error: { code: "RATE_LIMITED", message: "Too many events. Slow down.", status: ERROR_STATUS.RATE_LIMITED, retryAfterMs } });
        }
        if (!(await strikes.consume(socket.id).then(() => true, () => false))) {
          log.warn({ userId: socket.data.userId }, "socket dropped for flooding");
          socket.disconnect(true);
        }
        next(new Error("RATE_LIMITED"));
      }
    });
    socket.on("error", () => undefined);
    socket.on("disconnect", () => void strikes.delete(socket.id));

    registerRoomHandlers(socket);
    registerCommandHandlers(socket);
    registerChatHandlers(socket);
    registerMonitorHandlers(socket);
    registerPresenceHandlers(socket);
    registerVoiceHandlers(socket);
  });

  return io;
}
