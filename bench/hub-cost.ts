// npm run bench -- hub-cost [--rooms 100] [--broadcasts 20000] [--repeat 3] [--smoke] [--url URL]
//
// The cost of one room:state broadcast in the product's hub against a bare Socket.IO broadcast
// of a payload of the same size. First a real game is played on the product server (think
// time 0) and every room:state it sent is kept. Then, for each side in turn, a child process
// (bench/lib/broadcast-server.ts) serves the same clients — `rooms` × 3 sockets, each room's
// three in its channel — and broadcasts the payloads round-robin over the rooms in batches;
// the child's CPU time from the first broadcast until every client has received the last,
// divided by the broadcasts, is the cost per broadcast. The product side is the hub as the
// server builds it (createHub) broadcasting through emitToRoom + emitToMonitors, as every
// room command does; the baseline is `new Server()` and `io.to(room).emit(string)`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { REPO_ROOT } from "../tests/support/server";
import { Args } from "./lib/args";
import { GamePlayer, playGame } from "./lib/game-player";
import { LoadStats, seeded } from "./lib/load-stats";
import { Report } from "./lib/report";
import { productServer } from "./lib/servers";
import { median } from "./lib/stats";

type Mode = "bare" | "product" | "bare-object" | "bare-recovery" | "product-room-only";

/** Every room:state of one game, as the first player received them. */
async function captureGame(args: Args): Promise<RoomSnapshot[]> {
  const server = await productServer(args, "embedded");
  try {
    const captured: RoomSnapshot[] = [];
    const stats = new LoadStats();
    const players = [0, 1, 2].map(
      (i) => new GamePlayer({ baseUrl: server.url, nickname: `Capture${i + 1}`, think: [0, 0], random: seeded(3 + i), stats, onState: i === 0 ? (s) => captured.push(s) : undefined }),
    );
    for (const p of players) await p.start();
    await playGame(players, 120_000);
    for (const p of players) p.stop();
    return captured;
  } finally {
    await server.stop();
  }
}

interface Run {
  cpuMicrosPerBroadcast: number;
  wallMicrosPerBroadcast: number;
}

function request<T>(child: ChildProcess, message: object, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== answer) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m as T);
    };
    const onExit = () => reject(new Error(`broadcast server exited while waiting for ${answer}`));
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(message);
  });
}

async function measure(mode: Mode, payloadFile: string, rooms: number, broadcasts: number, batch: number): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "bench/lib/broadcast-server.ts"), "--mode", mode, "--payloads", payloadFile], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const sockets: Socket[] = [];
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", () => {
        const m = out.match(/> Ready on (http:\/\/\S+)/);
        if (m) resolve(m[1]!);
      });
      child.once("exit", () => reject(new Error(`broadcast server (${mode}) exited:\n${out}`)));
    });
    const codes = Array.from({ length: rooms }, (_, i) => `B${String(i).padStart(5, "0")}`);
    await request(child, { type: "rooms", rooms: codes }, "ready");
    let received = 0;
    let expected = 0;
    let onProgress: (() => void) | undefined;
    for (const code of codes) {
      for (let seat = 0; seat < 3; seat++) {
        const s = connect(url, { transports: ["websocket"], forceNew: true, query: { room: code }, extraHeaders: { cookie: `bench=${code}-${seat}` }, reconnection: false });
        s.on("room:state", () => {
          received++;
          if (received >= expected) onProgress?.();
        });
        sockets.push(s);
      }
    }
    await Promise.all(sockets.map((s) => (s.connected ? undefined : new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject))))));
    // Joining a channel happens in the connection handler; give the last ones a moment.
    await new Promise((r) => setTimeout(r, 300));

    await request(child, { type: "start" }, "started");
    for (let sent = 0; sent < broadcasts; sent += batch) {
      const count = Math.min(batch, broadcasts - sent);
      expected += count * 3;
      const arrived = new Promise<void>((resolve) => (onProgress = resolve));
      await request(child, { type: "batch", count }, "sent");
      if (received < expected) await arrived;
    }
    const done = await request<{ cpuMicros: number; wallMs: number; broadcasts: number }>(child, { type: "stop" }, "stopped");
    return { cpuMicrosPerBroadcast: done.cpuMicros / done.broadcasts, wallMicrosPerBroadcast: (done.wallMs * 1000) / done.broadcasts };
  } finally {
    for (const s of sockets) s.disconnect();
    if (child.exitCode === null) child.send({ type: "exit" });
    await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r(null)));
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const smoke = args.smoke;
  const rooms = args.number("rooms", smoke ? 5 : 100);
  const broadcasts = args.number("broadcasts", smoke ? 300 : 20_000);
  const repeat = args.number("repeat", smoke ? 1 : 5);
  const batch = 100;
  const report = new Report(
    "hub-cost",
    `server CPU per room:state broadcast to a room of 3, ${rooms} rooms (${rooms * 3} sockets), ${broadcasts.toLocaleString("en-US")} broadcasts, median of ${repeat} alternating runs`,
    "bare Socket.IO (`new Server()`, `io.to(room).emit(string of the same size)`)",
    smoke,
  );

  const snapshots = await captureGame(args);
  if (!snapshots.length) throw new Error("the capture game sent no room:state");
  const sizes = snapshots.map((s) => Buffer.byteLength(JSON.stringify(s)));
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-hub-cost-"));
  const payloadFile = path.join(dir, "payloads.json");
  writeFileSync(payloadFile, JSON.stringify(snapshots));

  const runs: Record<Mode, Run[]> = { bare: [], product: [], "bare-object": [], "bare-recovery": [], "product-room-only": [] };
  const modes: Mode[] = ["bare", "product", "bare-object", "bare-recovery", "product-room-only"];
  for (let i = 0; i < repeat; i++) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const run = await measure(mode, payloadFile, rooms, broadcasts, batch);
      runs[mode].push(run);
      console.log(`  ${mode.padEnd(17)} run ${i + 1}: ${run.cpuMicrosPerBroadcast.toFixed(1)} µs CPU, ${run.wallMicrosPerBroadcast.toFixed(1)} µs wall per broadcast`);
    }
  }
  const cpu = (m: Mode) => median(runs[m].map((r) => r.cpuMicrosPerBroadcast));
  const wall = (m: Mode) => median(runs[m].map((r) => r.wallMicrosPerBroadcast));
  report
    .add({ measure: "server CPU per broadcast (3 receivers)", figure: cpu("product"), unit: "µs", baseline: cpu("bare"), target: "≤ 2× the bare broadcast", met: cpu("product") <= 2 * cpu("bare") })
    .add({ measure: "wall time per broadcast, until all 3 received", figure: wall("product"), unit: "µs", baseline: wall("bare") })
    .add({ measure: "room:state payload, median", figure: median(sizes), unit: "bytes", baseline: median(sizes) })
    .add({ measure: "where the difference is: bare server sending the snapshot objects", figure: cpu("bare-object"), unit: "µs", baseline: cpu("bare") })
    .add({ measure: "where the difference is: bare server with connection state recovery", figure: cpu("bare-recovery"), unit: "µs", baseline: cpu("bare") })
    .add({ measure: "where the difference is: the product's hub without the monitor broadcast", figure: cpu("product-room-only"), unit: "µs", baseline: cpu("bare") })
    .note(`${snapshots.length} room:state payloads captured from one real game (${Math.min(...sizes)}–${Math.max(...sizes)} bytes of JSON); each broadcast also goes to the monitor channels (emitToMonitors), as after every room command`)
    .note("clients run in the bench process; wall time includes their decoding, CPU is the server child's alone");
  report.print();
}

if (process.argv[1] && /hub-cost\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
