// The start-up baseline: Next.js alone on the same production build — `next()` + `prepare()`
// + an HTTP server whose /health answers by itself — without the product's boot (no
// database, no migrations, no seed, no Socket.IO hub). Prints `> Ready on <url>`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port: 0 });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  console.log(`> Ready on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  process.once("SIGTERM", () => process.exit(0));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
