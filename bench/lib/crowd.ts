import { monitorEventLoopDelay } from "node:perf_hooks";
import { BarePlayer, type BarePlan } from "./bare-player";
import { GamePlayer } from "./game-player";
import { seeded, type LoadStats } from "./load-stats";
import { mapLimit } from "./stats";

/** Groups of three signed-in players with open sockets: the product's and the baseline's. */

export interface CrowdOptions {
  baseUrl: string;
  rooms: number;
  think: [number, number];
  stats: LoadStats;
  seed: number;
  /** Sign-ins at a time. */
  concurrency?: number;
  /** Numbering of the first room (throughput adds rooms in steps). */
  firstRoom?: number;
  sizeSampleEvery?: number;
  dataConsent?: boolean;
  /** How the product's players send moves (default: the socket, as the UI does). */
  transport?: "socket" | "http";
  /** Whether the product's players subscribe for lean states (the default, as the UI does). */
  lean?: boolean;
}

export async function gameCrowd(o: CrowdOptions): Promise<GamePlayer[][]> {
  const first = o.firstRoom ?? 0;
  const specs = Array.from({ length: o.rooms * 3 }, (_, i) => ({ room: first + Math.floor(i / 3), seat: i % 3 }));
  const players = await mapLimit(specs, o.concurrency ?? 16, async ({ room, seat }) => {
    const p = new GamePlayer({
      baseUrl: o.baseUrl,
      nickname: `Bench${room + 1}-${seat + 1}`,
      think: o.think,
      random: seeded(o.seed * 100_003 + room * 3 + seat),
      stats: o.stats,
      sizeSampleEvery: o.sizeSampleEvery,
      dataConsent: o.dataConsent,
      transport: o.transport,
      lean: o.lean,
    });
    await p.start();
    return p;
  });
  return groups(players);
}

export async function bareCrowd(o: CrowdOptions & { plan: BarePlan }): Promise<BarePlayer[][]> {
  const first = o.firstRoom ?? 0;
  const specs = Array.from({ length: o.rooms * 3 }, (_, i) => ({ room: first + Math.floor(i / 3), seat: i % 3 }));
  const players = await mapLimit(specs, o.concurrency ?? 16, async ({ room, seat }) => {
    const p = new BarePlayer({ baseUrl: o.baseUrl, think: o.think, random: seeded(o.seed * 100_003 + room * 3 + seat), stats: o.stats, plan: o.plan });
    await p.start();
    return p;
  });
  return groups(players);
}

function groups<T>(players: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < players.length; i += 3) out.push(players.slice(i, i + 3));
  return out;
}

/** The load generator's own event-loop delay (a busy client inflates what it measures). */
export function clientLag() {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      h.disable();
      const cpu = process.cpuUsage(cpu0);
      const seconds = (performance.now() - t0) / 1000;
      return { lagP99Ms: h.percentile(99) / 1e6, cpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100 };
    },
  };
}
