import { Bot } from "@/lib/bots/bot";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../logger";
import { recall } from "../remember";
import { canManageRoom } from "./room-access";

export const INTERNAL_URL_KEY = "internal-url";

/** BOT_THINK_MS="min-max" (default 1500-4000: a human-like pace). */
function thinkFromEnv(): [number, number] {
  const [min, max] = (process.env.BOT_THINK_MS ?? "1500-4000").split("-").map(Number);
  return Number.isFinite(min) && Number.isFinite(max) ? [min!, max!] : [1500, 4000];
}

/**
 * Fills a waiting room's empty seats with bots (a facilitator demoing or trying out a custom
 * game; oTree's bots are the model). The bots are ordinary guest players connecting to this
 * server through its public API and socket; they play until the game ends. Returns their names.
 */
export async function fillWithBots(user: SessionUser, code: string, opts: { think?: [number, number] } = {}): Promise<{ added: string[] }> {
  const room = await db().room.findUnique({ where: { code }, include: { seats: true } });
  if (!room || !canManageRoom(user, room) || (user.role !== "FACILITATOR" && user.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No room with that code.");
  if (room.phase !== "WAITING") throw new AppError("GAME_STARTED", "Bots can only take seats before the game starts.");
  const empty = room.seats.filter((s) => s.userId === null).length;
  if (!empty) throw new AppError("ROOM_FULL");
  const baseUrl = recall<string>(INTERNAL_URL_KEY);
  if (!baseUrl) throw new AppError("INTERNAL", "The server does not know its own address yet.");
  const added: string[] = [];
  for (let i = 0; i < empty; i++) {
    const bot = new Bot({ baseUrl, nickname: `Bot ${code}-${i + 1}`.slice(0, 24), think: opts.think ?? thinkFromEnv() });
    await bot.start();
    // Take the seat now (so the answer is true when it comes), then play in the background.
    bot.play(code).then(
      (r) => logger().info({ code, bot: r.nickname, phase: r.phase, refused: r.commandsRefused }, "bot finished"),
      (e: unknown) => logger().warn({ code, err: e instanceof Error ? e.message : e }, "bot stopped"),
    );
    await new Promise((r) => setTimeout(r, 50));
    added.push(bot.nickname);
  }
  return { added };
}
