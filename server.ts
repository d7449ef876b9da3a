import { startServer } from "./lib/server/boot";
import { logger } from "./lib/server/logger";

const dev = process.env.NODE_ENV !== "production";

startServer({ dev }).then(
  (server) => {
    // Tests and scripts wait for this exact line.
    console.log(`> Ready on ${server.url}`);
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        server.stop().then(
          () => {
            console.log("> Stopped");
            process.exit(0);
          },
          (err: unknown) => {
            logger().error({ err }, "shutdown failed");
            process.exit(1);
          },
        );
      });
    }
  },
  (err: unknown) => {
    logger().fatal({ err: err instanceof Error ? err.message : err }, "server failed to start");
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
