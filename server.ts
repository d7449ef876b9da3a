import { startServer, type RunningServer } from "./lib/server/boot";
import { abandonLog, closeLog, logger } from "./lib/server/logger";

const dev = process.env.NODE_ENV !== "production";
/** How long stopping may take before the process exits anyway (SHUTDOWN_TIMEOUT_MS). */
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 10_000;

let server: RunningServer | undefined;
let stopReason: string | undefined;

/** Stops the server (once it is up) and exits; repeated calls change nothing. */
function shutdown(reason: string): void {
  if (stopReason) return;
  stopReason = reason;
  // Whatever holds the shutdown up (a stdout nobody reads, a connection that will not close),
  // the process ends by this deadline.
  setTimeout(() => {
    abandonLog();
    process.stderr.write(`> shutdown did not finish within ${shutdownMs} ms (${reason}): exiting anyway\n`);
    process.exit(1);
  }, shutdownMs).unref();
  if (server) void stopAndExit(server);
}

async function stopAndExit(s: RunningServer): Promise<void> {
  let code = 0;
  try {
    await s.stop();
  } catch (err) {
    logger().error({ err }, "shutdown failed");
    code = 1;
  }
  await closeLog();
  console.log("> Stopped");
  process.exit(code);
}

// Listening from the first moment: a signal during start-up stops the server as soon as it is
// up, and repeated signals (a terminal's Ctrl-C reaches `npm start` and the server) change nothing.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => shutdown(signal));
// Started by `npm start` (scripts/start.mjs) with a channel to it: once that process is gone,
// even killed outright, nothing else would ever stop this one.
if (process.channel) {
  process.channel.unref();
  process.once("disconnect", () => shutdown("start script gone"));
}

startServer({ dev }).then(
  (running) => {
    server = running;
    // Tests and scripts wait for this exact line.
    console.log(`> Ready on ${running.url}`);
    if (stopReason) void stopAndExit(running);
  },
  (err: unknown) => {
    logger().fatal({ err: err instanceof Error ? err.message : err }, "server failed to start");
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
