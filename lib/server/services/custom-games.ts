import { randomBytes } from "node:crypto";
import { makeCode } from "@/lib/domain/codes";
import type { CustomGameInput } from "@/lib/validation/custom-game";
import { customGameSchema } from "@/lib/validation/custom-game";
import { SCENARIO_LIMITS, type ScenarioContentParsed } from "@/lib/validation/scenario";
import type { SessionUser } from "../auth/session";
import { db, type Tx } from "../db";
import type { CustomGame, Scenario } from "../db/generated/client";
import { AppError, prismaErrorCode } from "../errors";
import { TX_OPTIONS } from "./room-command";
import { readContent, writeScenarioParts } from "./seed-scenarios";

/**
 * Facilitators' custom games. The content lives in Scenario rows (source CUSTOM); a revision
 * that a room has used is never edited: an edit then writes a new revision and the game
 * points at it, so every room keeps the exact scenario it was played with.
 */

export interface CustomGameView {
  code: string;
  isPublished: boolean;
  ownerId: string;
  scenarioId: string;
  revision: number;
  locale: "ko" | "en";
  content: ScenarioContentParsed;
  roomsPlayed: number;
  createdAt: string;
  updatedAt: string;
}

export const isFacilitator = (user: Pick<SessionUser, "role">) => user.role === "FACILITATOR" || user.role === "ADMIN";

/** The game if `user` owns it (admins own everything); NOT_FOUND otherwise, as for a game that does not exist. */
async function ownedGame(tx: Tx, code: string, user: SessionUser): Promise<CustomGame> {
  const game = await tx.customGame.findUnique({ where: { code } });
  if (!game || game.deletedAt || (game.ownerId !== user.id && user.role !== "ADMIN")) throw new AppError("NOT_FOUND", "No custom game with that code.");
  return game;
}

async function view(tx: Tx, game: CustomGame): Promise<CustomGameView> {
  const scenario = await tx.scenario.findUniqueOrThrow({ where: { id: game.scenarioId } });
  const content = (await readContent(tx, game.scenarioId))!;
  const roomsPlayed = await tx.room.count({ where: { customGameId: game.id } });
  return {
    code: game.code,
    isPublished: game.isPublished,
    ownerId: game.ownerId,
    scenarioId: game.scenarioId,
    revision: scenario.revision,
    locale: scenario.locale === "en" ? "en" : "ko",
    content,
    roomsPlayed,
    createdAt: game.createdAt.toISOString(),
    updatedAt: game.updatedAt.toISOString(),
  };
}

async function newScenarioRow(tx: Tx, ownerId: string, customGameId: string | null, locale: string, content: ScenarioContentParsed, revision: number) {
  const row = await tx.scenario.create({
    data: { locale, title: content.title, summary: content.summary, opening: content.opening, source: "CUSTOM", isPublished: true, revision, createdById: ownerId, customGameId },
  });
  await writeScenarioParts(tx, row.id, content);
  return row;
}

/** Creates a custom game (facilitators). Throws FORBIDDEN for anyone else. */
export async function createCustomGame(user: SessionUser, input: CustomGameInput): Promise<CustomGameView> {
  if (!isFacilitator(user)) throw new AppError("FORBIDDEN", "Only facilitators can write custom games.");
  const { locale, ...rest } = customGameSchema.parse(input);
  for (let attempt = 0; ; attempt++) {
    const code = `G${makeCode(6, (n) => randomBytes(n))}`;
    try {
      return await db().$transaction(async (tx) => {
        const scenario = await newScenarioRow(tx, user.id, null, locale, rest, 1);
        const game = await tx.customGame.create({ data: { code, ownerId: user.id, scenarioId: scenario.id } });
        await tx.scenario.update({ where: { id: scenario.id }, data: { customGameId: game.id } });
        return view(tx, game);
      }, TX_OPTIONS);
    } catch (e) {
      if (prismaErrorCode(e) === "P2002" && attempt < 5) continue;
      throw e;
    }
  }
}

/** The caller's own custom games (all of them for an admin), newest first. */
export async function listCustomGames(user: SessionUser): Promise<CustomGameView[]> {
  if (!isFacilitator(user)) throw new AppError("FORBIDDEN", "Only facilitators have custom games.");
  return db().$transaction(async (tx) => {
    const games = await tx.customGame.findMany({ where: { deletedAt: null, ...(user.role === "ADMIN" ? {} : { ownerId: user.id }) }, orderBy: { createdAt: "desc" }, take: 200 });
    return Promise.all(games.map((g) => view(tx, g)));
  }, TX_OPTIONS);
}

/** One custom game with its whole content, private briefs included (owner or admin). */
export async function getCustomGame(user: SessionUser, code: string): Promise<CustomGameView> {
  return db().$transaction(async (tx) => view(tx, await ownedGame(tx, code, user)), TX_OPTIONS);
}

/**
 * Changes part of a game's content. Edits the current revision in place while no room has
 * used it; otherwise writes the change as a new revision.
 */
export async function updateCustomGame(user: SessionUser, code: string, change: (content: ScenarioContentParsed) => ScenarioContentParsed): Promise<CustomGameView> {
  return db().$transaction(async (tx) => {
    const game = await ownedGame(tx, code, user);
    const current = await tx.scenario.findUniqueOrThrow({ where: { id: game.scenarioId }, include: { _count: { select: { rooms: true } } } });
    const content = customGameSchema.omit({ locale: true }).parse(change((await readContent(tx, game.scenarioId))!));
    if (current._count.rooms === 0) {
      await tx.scenario.update({ where: { id: current.id }, data: { title: content.title, summary: content.summary, opening: content.opening } });
      await writeScenarioParts(tx, current.id, content);
      await tx.customGame.update({ where: { id: game.id }, data: { updatedAt: new Date() } });
      return view(tx, game);
    }
    const next = await newScenarioRow(tx, game.ownerId, game.id, current.locale, content, current.revision + 1);
    return view(tx, await tx.customGame.update({ where: { id: game.id }, data: { scenarioId: next.id } }));
  }, TX_OPTIONS);
}

/** Makes a game available to everyone's room list (published) or only to its owner. */
export async function setPublished(user: SessionUser, code: string, isPublished: boolean): Promise<CustomGameView> {
  return db().$transaction(async (tx) => {
    const game = await ownedGame(tx, code, user);
    return view(tx, await tx.customGame.update({ where: { id: game.id }, data: { isPublished } }));
  }, TX_OPTIONS);
}

/** A copy's title, marked as a copy in the game's language. */
const copyTitle = (title: string, locale: string) => `${title} ${locale === "ko" ? "(사본)" : "(copy)"}`.slice(0, SCENARIO_LIMITS.title);

/** A copy of a game (unpublished) owned by the caller. */
export async function duplicateCustomGame(user: SessionUser, code: string): Promise<CustomGameView> {
  const source = await getCustomGame(user, code);
  return createCustomGame(user, { ...source.content, title: copyTitle(source.content.title, source.locale), locale: source.locale });
}

/** A published built-in scenario; NOT_FOUND for any other id (a custom game's scenarios go through its code). */
export async function builtInScenario(tx: Tx, id: string): Promise<Scenario> {
  const scenario = await tx.scenario.findUnique({ where: { id } });
  if (!scenario || scenario.source !== "BUILTIN" || !scenario.isPublished) throw new AppError("NOT_FOUND", "No built-in scenario with that id.");
  return scenario;
}

/**
 * A built-in scenario copied into a custom game of the caller's (unpublished), to edit as their
 * own; the built-in stays as it is. FORBIDDEN for non-facilitators, NOT_FOUND for anything but
 * a published built-in scenario.
 */
export async function duplicateScenario(user: SessionUser, scenarioId: string): Promise<CustomGameView> {
  if (!isFacilitator(user)) throw new AppError("FORBIDDEN", "Only facilitators can write custom games.");
  const { scenario, content } = await db().$transaction(async (tx) => {
    const scenario = await builtInScenario(tx, scenarioId);
    return { scenario, content: (await readContent(tx, scenario.id))! };
  }, TX_OPTIONS);
  const locale = scenario.locale === "en" ? "en" : "ko";
  return createCustomGame(user, { ...content, title: copyTitle(content.title, locale), locale });
}

/** Deletes a game that no room has used; CONFLICT once it has been played (unpublish it instead). */
export async function deleteCustomGame(user: SessionUser, code: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const game = await ownedGame(tx, code, user);
    if ((await tx.room.count({ where: { customGameId: game.id } })) > 0) throw new AppError("CONFLICT", "Rooms have been played with this game: unpublish it instead of deleting it.");
    const revisions = await tx.scenario.findMany({ where: { customGameId: game.id }, select: { id: true } });
    await tx.scenario.updateMany({ where: { customGameId: game.id }, data: { customGameId: null } });
    await tx.customGame.delete({ where: { id: game.id } });
    await tx.scenario.deleteMany({ where: { id: { in: revisions.map((r) => r.id) }, rooms: { none: {} } } });
  }, TX_OPTIONS);
}
