import pino from "pino";
import { remember } from "./remember";

/** The process-wide structured logger (JSON lines on stdout). Secrets are redacted by path. */
export function logger(): pino.Logger {
  return remember("logger", () =>
    pino({
      level: process.env.LOG_LEVEL || "info",
      base: { service: "aedg" },
      redact: {
        paths: ["password", "*.password", "passwordHash", "*.passwordHash", "secret", "*.secret", "headers.cookie", "*.headers.cookie", "req.headers.authorization"],
        censor: "[redacted]",
      },
    }),
  );
}
