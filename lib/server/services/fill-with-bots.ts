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
  const [min, max] = (process.env.BOT_THINK_MS ?? "1500-4000").split("-").map((x) => Number(x.trim().replace(/ms$/, "")));
  return Number.isFinite(min) && Number.isFinite(max) && min! >= 0 && max! >= min! ? [min!, max!] : [1500, 4000];
}

/**
 * Fills a waiting room's empty seats with bots (a facilitator demoing or trying out a custom
 * game; oTree's bots are the model). The bots are ordinary guest players connecting to this
 * server through its public API and socket; each has taken its seat when this answers, and
 * they play on until the game ends. A room with bots in it is marked as test data, so that it
 * stays out of research exports by default.
 * Throws NOT_FOUND unless the caller may manage the room (its facilitator or an admin),
 * GAME_STARTED once the game has begun, ROOM_FULL when no seat is free, RATE_LIMITED when
 * guest sign-ins from this server are over their limit (then the bots seated so far stay).
 */
export async function fillWithBots(user: SessionUser, code: string, opts: { think?: [number, number] } = {}): Promise<{ added: string[] }> {
  const room = await db().room.findUnique({ where: { code }, include: { seats: true } });
  if (!room || !canManageRoom(user, room) || (user.role !== "FACILITATOR" && user.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No room with that code.");
  if (room.phase !== "WAITING") throw new AppError("GAME_STARTED", "Bots can only take seats before the game starts.");
  const empty = room.seats.filter((s) => s.userId === null).map((s) => s.seat);
  if (!empty.length) throw new AppError("ROOM_FULL", "Every seat is already taken.");
  const baseUrl = recall<string>(INTERNAL_URL_KEY);
  if (!baseUrl) throw new AppError("INTERNAL", "The server does not know its own address yet.");
  if (!room.isTest) await db().room.update({ where: { id: room.id }, data: { isTest: true } });

  const added: string[] = [];
  const think = opts.think ?? thinkFromEnv();
  // Seats are taken in order, so each bot is named after the seat it gets.
  for (const seat of empty) {
    const bot = new Bot({ baseUrl, nickname: `Bot ${code}-${seat + 1}`.slice(0, 24), think, waitWhenRateLimited: false, log: (msg) => logger().debug({ code }, msg) });
    try {
      await bot.start();
      await bot.join(code);
    } catch (e) {
      bot.stop();
      // Someone took the last seat (or the game began) meanwhile: keep the bots that sat down.
      const status = (e as { status?: number }).status;
      if ((status === 409 || status === 429) && added.length > 0) break;
      if (status === 429) throw new AppError("RATE_LIMITED", "Too many bots were added from this server in the last minute. Try again shortly.");
      if (status === 409) throw new AppError((e as { code?: string }).code === "GAME_STARTED" ? "GAME_STARTED" : "ROOM_FULL", "The seats were taken meanwhile.");
      throw e;
    }
    added.push(bot.nickname);
    bot.play(code).then(
      (r) => logger().info({ code, bot: r.nickname, phase: r.phase, refused: r.commandsRefused, errors: r.errors.length }, "bot finished"),
      (e: unknown) => logger().warn({ code, err: e instanceof Error ? e.message : e }, "bot stopped"),
    );
  }
  return { added };
}
