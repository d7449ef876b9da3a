import pino from "pino";
import { remember } from "./remember";

type Destination = ReturnType<typeof pino.destination> & { broken?: boolean; destroyed?: boolean };

/**
 * Where the log goes: stdout, written asynchronously. A write that fails (stdout closed by
 * whoever read it: EPIPE) ends logging rather than the process; pino does the same for EPIPE.
 */
function destination(): Destination {
  return remember("logDestination", () => {
    const dest: Destination = pino.destination({ dest: 1, sync: false });
    dest.on("error", () => abandon(dest));
    return dest;
  });
}

/**
 * Stops writing the log for good. sonic-boom's last flush at exit (pino registers it) retries a
 * write that fails, every 100 ms and for ever: a stdout that is closed or that nobody reads any
 * more would keep the process from exiting.
 */
function abandon(dest: Destination): void {
  dest.broken = true;
  dest.write = () => true;
  dest.flushSync = () => undefined;
}

/** The process-wide structured logger (JSON lines on stdout). Secrets are redacted by path. */
export function logger(): pino.Logger {
  return remember("logger", () =>
    pino(
      {
        level: process.env.LOG_LEVEL || "info",
        base: { service: "aedg" },
        redact: {
          paths: ["password", "*.password", "passwordHash", "*.passwordHash", "secret", "*.secret", "headers.cookie", "*.headers.cookie", "req.headers.authorization"],
          censor: "[redacted]",
        },
      },
      destination(),
    ),
  );
}

/**
 * Writes out what the log still holds and stops it; resolves once written, or at once when the
 * log cannot be written (stdout gone). A stdout that is full and never read keeps it waiting:
 * give up on it with `abandonLog` (the shutdown's deadline does).
 */
export function closeLog(): Promise<void> {
  const dest = destination();
  if (dest.broken || dest.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    dest.once("close", () => {
      abandon(dest);
      resolve();
    });
    dest.once("error", () => resolve());
    dest.end();
  });
}

/** Gives up on whatever the log still holds, so that exiting never waits for stdout. */
export function abandonLog(): void {
  abandon(destination());
}
