import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { ensureAuthSecret } from "./auth/secret";
import { CLIENT_IP_HEADER, clientIpOf, dropUntrustedForwarding } from "./http/client-ip";
import { restoreDeclaredLength } from "./http/declared-length";
import { appRoutes } from "./http/app-routes";
import { refuseMalformedPath } from "./http/malformed-url";
import { observeRequest } from "./http/observe";
import { userFromCookieHeader } from "./auth/session";
import { closeDb, openDb } from "./db/open";
import { readEnv } from "./env";
import { logger } from "./logger";
import { routeLabeler } from "./metrics";
import { createHub } from "./realtime/hub";
import { resyncRooms } from "./realtime/resync";
import { IO_KEY, IO_SHARED_KEY } from "./realtime/emitter";
import { remember } from "./remember";
import { INTERNAL_URL_KEY } from "./services/fill-with-bots";
import { ensureAdmin } from "./services/ensure-admin";
import { clearAllTimers, markAwayWithoutSockets, startSweeper } from "./services/room-timers";
import { startTranscriptionWorker } from "./services/transcription";
import { openRedis } from "./redis";
import { createAdapter } from "@socket.io/redis-adapter";
import { seedScenarios } from "./services/seed-scenarios";
import { checkRecordingStore } from "./storage/recordings";

export interface RunningServer {
  url: string;
  httpServer: HttpServer;
  stop(): Promise<void>;
}

/**
 * Starts the whole application in this process: checks the environment, opens (and migrates)
 * the database, seeds the scenario library, creates the first admin if asked to, and serves
 * Next.js and the Socket.IO hub on one HTTP server.
 */
export async function startServer({ dev }: { dev: boolean }): Promise<RunningServer> {
  const env = readEnv();
  const log = logger();
  ensureAuthSecret(env.dataDir, log);
  // A bucket that refuses writes is a start-up error, not a surprise at the first round's end.
  const recordings = await checkRecordingStore();
  log.info(recordings, "recordings storage ready");
  // Without a configured public URL, next-auth takes the origin from the request's Host header
  // (or, with TRUST_PROXY, the proxy's X-Forwarded-Host: see dropUntrustedForwarding).
  if (!process.env.NEXTAUTH_URL) {
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST ??= "true";
  }

  await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, log });
  const redisHandle = env.REDIS_URL ? await openRedis(env.REDIS_URL) : undefined;
  if (redisHandle) log.info({ host: new URL(env.REDIS_URL!).host }, "sharing rooms, presence and rate limits through Redis");
  if (env.SEED_ON_START === "true") {
    const seeded = await seedScenarios();
    if (seeded.created || seeded.updated) log.info(seeded, "scenario library loaded");
  }
  if (env.ADMIN_USERNAME && env.ADMIN_PASSWORD) {
    const r = await ensureAdmin(env.ADMIN_USERNAME, env.ADMIN_PASSWORD);
    if (r.created || r.promoted) log.info({ username: env.ADMIN_USERNAME, ...r }, "admin account ready");
  }

  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();
  const routeLabel = routeLabeler(appRoutes({ dir: process.cwd(), distDir: dev ? undefined : process.env.NEXT_DIST_DIR || ".next" }));

  const httpServer = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIpOf(req);
    observeRequest(req, res, log, routeLabel);
    if (refuseMalformedPath(req, res)) return;
    restoreDeclaredLength(res);
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, "unhandled request error");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Node closes an idle keep-alive connection after 5 s; a client that sends its next request
  // just then gets ECONNRESET (clients other than browsers do not retry a POST), and a reverse
  // proxy keeps its upstream connections longer than that. Idle connections stay a minute.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const allowedOrigins = [
    ...(env.APP_ORIGINS?.split(",").map((o) => o.trim()).filter(Boolean) ?? []),
    ...(env.NEXTAUTH_URL ? [new URL(env.NEXTAUTH_URL).origin] : []),
  ];
  const adapter = redisHandle ? createAdapter(redisHandle.pub, redisHandle.sub, { key: "aedg" }) : undefined;
  const io = createHub({
    httpServer,
    authenticate: userFromCookieHeader,
    allowedOrigins,
    log,
    adapter,
    redis: redisHandle?.pub,
    recoverySeconds: env.SOCKET_RECOVERY_SECONDS,
    eventsPerSecond: env.SOCKET_EVENTS_PER_SECOND,
    userEventsPerSecond: env.SOCKET_USER_EVENTS_PER_SECOND,
    socketsPerUser: env.SOCKETS_PER_USER,
  });
  remember(IO_KEY, () => io);
  // First of all listeners (Socket.IO's included, so added after it): forwarding headers count
  // only from a trusted proxy.
  httpServer.prependListener("request", (req) => dropUntrustedForwarding(req));
  httpServer.prependListener("upgrade", (req) => dropUntrustedForwarding(req));
  remember(IO_SHARED_KEY, () => !!adapter);
  // Pushes between instances published while Redis was away never arrived: catch this instance's sockets up.
  redisHandle?.onResubscribed((downSince) => {
    log.warn({ downSince }, "Redis is back: sending this instance's sockets the rooms' current state");
    void resyncRooms(downSince).then((rooms) => log.info({ rooms }, "rooms brought back in step after Redis returned"));
  });
  // Players whose connection this process (or, with Redis, the cluster) does not have are away
  // until they come back: after a restart their grace period starts now.
  const away = await markAwayWithoutSockets(io);
  if (away) log.info({ seats: away }, "marked seated players away until they reconnect");
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io/")) void handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });
  const stopSweeper = startSweeper();
  const stopTranscription = startTranscriptionWorker();
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const url = `http://${shownHost}:${port}`;
  // Where in-process clients (bots a facilitator adds) reach this server.
  const internalHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  remember(INTERNAL_URL_KEY, () => `http://${internalHost.includes(":") ? `[${internalHost}]` : internalHost}:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info("shutting down");
      stopSweeper();
      stopTranscription();
      clearAllTimers();
      httpServer.close();
      await io.close().catch(() => undefined);
      httpServer.closeAllConnections();
      await app.close?.().catch(() => undefined);
      await closeDb();
      await redisHandle?.close();
      log.info("stopped");
    })());

  return { url, httpServer, stop };
}
