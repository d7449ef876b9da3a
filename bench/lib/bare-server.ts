import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

/**
 * The baseline server: a bare Socket.IO echo/broadcast server with no framework, no database,
 * no sign-in and no game rules, serving the same kind of traffic as the product:
 *
 * - `POST /rooms/:room/act { player, step }` — a move: recorded in memory, then the room's new
 *   state (padded to the size of a real room:state) is broadcast to the room as `room:state`
 *   and sent back as the answer. When all three players have moved, the room goes to the next
 *   step, as a game goes to its next phase.
 * - socket `room:subscribe { room }` (ack: the state) and `chat:send { room, text }` (ack:
 *   `{ ok, data: { id } }`, broadcast as `chat:message`).
 * - `GET /health`.
 *
 * Run it alone with `tsx bench/lib/bare-server.ts [--pad BYTES]`: it prints `> Ready on <url>`.
 */

export interface BareRoomState {
  room: string;
  version: number;
  step: number;
  acted: number[];
  pad: string;
}

export interface BareServer {
  url: string;
  httpServer: HttpServer;
  io: Server;
  close(): Promise<void>;
}

export async function startBareServer(opts: { port?: number; host?: string; padBytes?: number } = {}): Promise<BareServer> {
  const rooms = new Map<string, BareRoomState>();
  let pad = "x".repeat(opts.padBytes ?? 6000);
  let chatId = 0;
  const roomOf = (room: string) => {
    let r = rooms.get(room);
    if (!r) rooms.set(room, (r = { room, version: 1, step: 0, acted: [], pad }));
    return r;
  };

  const httpServer = createServer((req, res) => {
    const url = req.url ?? "/";
    if (req.method === "GET" && url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    const act = req.method === "POST" ? url.match(/^\/rooms\/([\w-]{1,40})\/act$/) : null;
    const setPad = req.method === "POST" && url.startsWith("/pad/") ? Number(url.slice(5)) : NaN;
    if (!act && Number.isNaN(setPad)) {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      if (!act) {
        pad = "x".repeat(Math.max(0, Math.min(1_000_000, setPad)));
        res.writeHead(204).end();
        return;
      }
      let move: { player?: unknown; step?: unknown };
      try {
        move = JSON.parse(body || "{}");
      } catch {
        res.writeHead(400).end();
        return;
      }
      const r = roomOf(act[1]!);
      const player = Number(move.player);
      if (move.step !== r.step || r.acted.includes(player) || !(player >= 0 && player < 3)) {
        res.writeHead(409, { "content-type": "application/json" }).end('{"error":"conflict"}');
        return;
      }
      r.acted.push(player);
      if (r.acted.length === 3) {
        r.step++;
        r.acted = [];
      }
      r.version++;
      r.pad = pad;
      const text = JSON.stringify(r);
      io.to(`room:${r.room}`).emit("room:state", r);
      res.writeHead(200, { "content-type": "application/json" }).end(text);
    });
  });

  const io = new Server(httpServer, { path: "/socket.io", serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.on("connection", (socket) => {
    socket.on("room:subscribe", (p: { room?: unknown }, ack: (a: unknown) => void) => {
      if (typeof p?.room !== "string") return ack?.({ ok: false });
      void socket.join(`room:${p.room}`);
      ack?.({ ok: true, data: roomOf(p.room) });
    });
    socket.on("chat:send", (p: { room?: unknown; text?: unknown }, ack: (a: unknown) => void) => {
      if (typeof p?.room !== "string" || typeof p.text !== "string") return ack?.({ ok: false });
      const message = { id: String(++chatId), userId: socket.id, nickname: "player", text: p.text.slice(0, 500), at: new Date().toISOString() };
      io.to(`room:${p.room}`).emit("chat:message", message);
      ack?.({ ok: true, data: message });
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    httpServer,
    io,
    close: async () => {
      await io.close().catch(() => undefined);
      httpServer.closeAllConnections();
    },
  };
}

// Alone: `tsx bench/lib/bare-server.ts [--pad BYTES]` (the bench runs it as a child process).
if (process.argv[1] && /bare-server\.[tj]s$/.test(process.argv[1])) {
  const i = process.argv.indexOf("--pad");
  const padBytes = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  startBareServer({ padBytes, port: Number(process.env.PORT) || 0 }).then(
    (s) => {
      console.log(`> Ready on ${s.url}`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
