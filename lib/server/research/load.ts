import { z } from "zod";
import type { ResearchFilters } from "@/lib/validation/research";
import { db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { CodeOf, RoomRecords, ScenarioInfo } from "./rows";

/**
 * Reading research data out of the database: the filters as a Prisma condition, rooms a
 * page at a time with everything an export needs, the scenarios they were played on, and
 * who may appear under which participant code.
 */

/** The rooms a set of filters selects. */
export function roomWhere(f: ResearchFilters): Prisma.RoomWhereInput {
  const where: Prisma.RoomWhereInput = {};
  if (f.from || f.to) where.createdAt = { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) };
  if (f.test !== "all") where.isTest = f.test === "true";
  if (f.completed !== undefined) where.phase = f.completed ? "FINISHED" : { not: "FINISHED" };
  if (f.scenario) where.scenario = z.uuid().safeParse(f.scenario).success ? { id: f.scenario } : { slug: f.scenario };
  return where;
}

export const ROOM_RECORDS_INCLUDE = {
  seats: { orderBy: { seat: "asc" } },
  choices: true,
  consensuses: true,
  consensusConfs: true,
  phaseLogs: { orderBy: { enteredAt: "asc" } },
  chatMessages: { orderBy: { createdAt: "asc" } },
  recordings: {
    orderBy: [{ round: "asc" }, { startedAt: "asc" }],
    include: { transcript: { select: { status: true, text: true, language: true, attempts: true, lastError: true } } },
  },
} satisfies Prisma.RoomInclude;

export type LoadedRoom = Prisma.RoomGetPayload<{ include: typeof ROOM_RECORDS_INCLUDE }>;

/** Rooms per database page while an export is built. */
export const ROOM_PAGE_SIZE = 200;

/**
 * The rooms matching `where`, oldest first, `pageSize` at a time with their records, so an
 * export never holds more than one page of raw rows.
 */
export async function* roomPages(where: Prisma.RoomWhereInput, pageSize = ROOM_PAGE_SIZE): AsyncGenerator<LoadedRoom[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await db().room.findMany({
      where,
      include: ROOM_RECORDS_INCLUDE,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: pageSize,
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    if (page.length) yield page;
    if (page.length < pageSize) return;
    cursor = page[page.length - 1]!.id;
  }
}

/** Scenarios by id, each loaded once however many rooms use it. */
export class ScenarioCache {
  private readonly map = new Map<string, ScenarioInfo>();

  async get(ids: Iterable<string>): Promise<Map<string, ScenarioInfo>> {
    const missing = [...new Set(ids)].filter((id) => !this.map.has(id));
    if (missing.length) {
      const rows = await db().scenario.findMany({
        where: { id: { in: missing } },
        select: {
          id: true,
          slug: true,
          title: true,
          locale: true,
          source: true,
          roles: { select: { position: true, name: true }, orderBy: { position: "asc" } },
          rounds: { select: { number: true, question: true, options: { select: { index: true, label: true }, orderBy: { index: "asc" } } }, orderBy: { number: "asc" } },
        },
      });
      for (const s of rows) this.map.set(s.id, s);
    }
    return this.map;
  }
}

/** Every user a room's records mention. */
export function userIdsOf(rooms: RoomRecords[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rooms) {
    for (const s of r.seats) if (s.userId) ids.add(s.userId);
    for (const c of r.choices) ids.add(c.userId);
    for (const c of r.consensusConfs) ids.add(c.userId);
    for (const c of r.consensuses) if (c.proposedById) ids.add(c.proposedById);
    for (const l of r.phaseLogs) if (l.actorId) ids.add(l.actorId);
    for (const m of r.chatMessages) ids.add(m.userId);
    for (const m of r.recordings) ids.add(m.userId);
  }
  return ids;
}

/**
 * Who may appear in research data: a user with data consent, under their participant code.
 * Anyone else (no consent, unknown) maps to null and is left out.
 */
export async function participantCodes(userIds: Iterable<string>): Promise<CodeOf> {
  const ids = [...new Set(userIds)];
  const codes = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const users = await db().user.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, select: { id: true, participantCode: true, dataConsent: true } });
    for (const u of users) if (u.dataConsent) codes.set(u.id, u.participantCode);
  }
  return (userId) => (userId ? (codes.get(userId) ?? null) : null);
}
