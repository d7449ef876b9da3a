// Child process of bench/hub-cost.ts: one Socket.IO server that broadcasts on command, and
// reports the CPU it used. `--mode product` builds the product's hub with its own factory
// (lib/server/realtime/hub.ts: origin check, session handshake, throttle, connection state
// recovery, every event handler) and broadcasts the way a room command does (emitToRoom +
// emitToMonitors, lib/server/realtime/emitter.ts) with real room:state payloads; `--mode bare`
// is a default `new Server()` broadcasting a string of the same size. Two more modes split the
// difference: `bare-object` (the bare server sending the same snapshot objects) and
// `bare-recovery` (the bare server with connection state recovery on, as the product's hub has
// it without Redis, sending the string), and `product-room-only` is the product's hub without
// the monitor broadcast (emitToRoom alone).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { Server } from "socket.io";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { roomChannel } from "@/lib/realtime-events";
import type { SessionUser } from "@/lib/server/auth/session";
import { emitToMonitors, emitToRoom, IO_KEY } from "@/lib/server/realtime/emitter";
import { createHub } from "@/lib/server/realtime/hub";
import { remember } from "@/lib/server/remember";

type Mode = "bare" | "product" | "bare-object" | "bare-recovery" | "product-room-only";
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const mode = arg("mode") as Mode;
const payloadFile = arg("payloads");
if (!["bare", "product", "bare-object", "bare-recovery", "product-room-only"].includes(mode) || !payloadFile) throw new Error("usage: broadcast-server.ts --mode bare|product|bare-object|bare-recovery|product-room-only --payloads FILE");
const isProduct = mode === "product" || mode === "product-room-only";
const payloads = JSON.parse(readFileSync(payloadFile, "utf8")) as RoomSnapshot[];

const httpServer = createServer((_req, res) => res.writeHead(404).end());
let io: Server;
if (isProduct) {
  let n = 0;
  const hub = createHub({
    httpServer,
    // The bench's clients are who they say they are: no database behind the handshake.
    authenticate: async (cookie) => ({ id: `bench-user-${++n}`, nickname: cookie ?? "bench", role: "PLAYER" }) as unknown as SessionUser,
    allowedOrigins: [],
    log: pino({ level: "silent" }),
  });
  remember(IO_KEY, () => hub);
  io = hub as unknown as Server;
} else {
  const recovery = mode === "bare-recovery" ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false } } : {};
  io = new Server(httpServer, { path: "/socket.io", serveClient: false, ...recovery });
}
// Each client names its room in the handshake; the product's clients subscribe with room:subscribe
// (a database read); here they are put in the room's channel directly, the same channel.
io.on("connection", (socket) => {
  const room = String(socket.handshake.query.room ?? "");
  void socket.join(roomChannel(room));
});

let rooms: string[] = [];
/** Per room, the payloads it cycles through: the product's with the room's code, the baseline's as strings of the same JSON size. */
let perRoom: (RoomSnapshot | string)[][] = [];
let next = 0;
let cpu0 = process.cpuUsage();
let t0 = 0;

function broadcast(count: number) {
  for (let i = 0; i < count; i++) {
    const r = next % rooms.length;
    const list = perRoom[r]!;
    const payload = list[Math.floor(next / rooms.length) % list.length]!;
    if (isProduct) {
      const snapshot = payload as RoomSnapshot;
      emitToRoom(rooms[r]!, "room:state", snapshot as never);
      if (mode === "product") emitToMonitors(snapshot.createdById, snapshot as never);
    } else {
      io.to(roomChannel(rooms[r]!)).emit("room:state", payload);
    }
    next++;
  }
}

process.on("message", (m: { type: string; rooms?: string[]; count?: number }) => {
  if (m.type === "rooms") {
    rooms = m.rooms!;
    const asObject = isProduct || mode === "bare-object";
    perRoom = rooms.map((code) => payloads.map((p) => (asObject ? { ...p, code } : "x".repeat(Buffer.byteLength(JSON.stringify({ ...p, code })) - 2))));
    process.send!({ type: "ready" });
  } else if (m.type === "start") {
    next = 0;
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    process.send!({ type: "started" });
  } else if (m.type === "batch") {
    broadcast(m.count!);
    process.send!({ type: "sent" });
  } else if (m.type === "stop") {
    const cpu = process.cpuUsage(cpu0);
    process.send!({ type: "stopped", cpuMicros: cpu.user + cpu.system, wallMs: performance.now() - t0, broadcasts: next });
  } else if (m.type === "exit") {
    void io.close();
    process.exit(0);
  }
});

httpServer.listen(0, "127.0.0.1", () => {
  const { port } = httpServer.address() as AddressInfo;
  console.log(`> Ready on http://127.0.0.1:${port}`);
});
