import { randomBytes } from "node:crypto";
import { makeCode } from "@/lib/domain/codes";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ROOM_CODE_LENGTH } from "@/lib/validation/realtime";
import type { CreateRoomInput } from "@/lib/validation/room";
import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError, prismaErrorCode } from "../errors";
import { isFacilitator } from "./custom-games";
import { joinRoom } from "./play-room";
import { TX_OPTIONS } from "./room-command";
import { keepRoom } from "./room-cache";
import { readView, viewSnapshot } from "./room-state";

/** Picks the scenario: the one asked for, a custom game's current one, or the first built-in in the user's language. */
async function resolveScenario(user: SessionUser, input: CreateRoomInput) {
  if (input.customGameCode) {
    const game = await db().customGame.findUnique({ where: { code: input.customGameCode.toUpperCase() } });
    const mayUse = game && !game.deletedAt && (game.isPublished || game.ownerId === user.id || user.role === "ADMIN");
    if (!mayUse) throw new AppError("NOT_FOUND", "No custom game with that code.");
    return { scenarioId: game!.scenarioId, customGameId: game!.id };
  }
  if (input.scenarioId) {
    const s = await db().scenario.findUnique({ where: { id: input.scenarioId }, include: { customGame: true } });
    const mayUse = s && (s.source === "BUILTIN" ? s.isPublished : s.customGame && !s.customGame.deletedAt && (s.customGame.isPublished || s.customGame.ownerId === user.id));
    if (!mayUse) throw new AppError("NOT_FOUND", "No such scenario.");
    return { scenarioId: s!.id, customGameId: s!.customGameId };
  }
  const s = await db().scenario.findFirst({ where: { source: "BUILTIN", isPublished: true, locale: user.locale ?? "ko" }, orderBy: { createdAt: "asc" } });
  const any = s ?? (await db().scenario.findFirst({ where: { source: "BUILTIN", isPublished: true }, orderBy: { createdAt: "asc" } }));
  if (!any) throw new AppError("NOT_FOUND", "No scenario is available.");
  return { scenarioId: any.id, customGameId: null };
}

/**
 * Opens a room on a scenario with three empty seats; the creator is its host. With `takeSeat`,
 * a player also takes the first seat (a refused seat leaves the room open, unseated: its page
 * offers the seat again); facilitators and admins never sit in a room they open, so they can
 * follow it from the monitor without holding a seat. Only facilitators may mark rooms as
 * research or test rooms.
 */
export async function createRoom(user: SessionUser, input: CreateRoomInput): Promise<RoomSnapshot> {
  const snapshot = await openRoom(user, input);
  if (!input.takeSeat || isFacilitator(user)) return snapshot;
  try {
    return await joinRoom(snapshot.code, user);
  } catch (e) {
    if (e instanceof AppError) return snapshot;
    throw e;
  }
}

async function openRoom(user: SessionUser, input: CreateRoomInput): Promise<RoomSnapshot> {
  const { scenarioId, customGameId } = await resolveScenario(user, input);
  const totalRounds = await db().scenarioRound.count({ where: { scenarioId } });
  const isStaff = user.role === "FACILITATOR" || user.role === "ADMIN" || user.role === "RESEARCHER";
  if ((input.isResearch || input.isTest) && !isStaff) throw new AppError("FORBIDDEN", "Only facilitators can open research or test rooms.");
  for (let attempt = 0; ; attempt++) {
    const code = makeCode(ROOM_CODE_LENGTH, (n) => randomBytes(n));
    try {
      const view = await db().$transaction(async (tx) => {
        const room = await tx.room.create({
          data: {
            code,
            title: input.title ?? null,
            visibility: input.visibility === "public" ? "PUBLIC" : "PRIVATE",
            scenarioId,
            customGameId,
            createdById: user.id,
            hostId: user.id,
            totalRounds,
            settings: input.settings ?? {},
            isTest: input.isTest ?? false,
            isResearch: input.isResearch ?? false,
            seats: { create: [0, 1, 2].map((seat) => ({ seat })) },
            phaseLogs: { create: { phase: "WAITING", round: 0, reason: "created", actorId: user.id } },
          },
        });
        return readView(tx, room.id);
      }, TX_OPTIONS);
      // Its first commands (the joins) start from this state instead of reading it.
      keepRoom(view);
      return viewSnapshot(view, new Date());
    } catch (e) {
      if (prismaErrorCode(e) === "P2002" && attempt < 5) continue;
      throw e;
    }
  }
}
