import type { Tx } from "../db";

/**
 * The content of a scenario revision (title, roles, rounds and their options) as the room
 * snapshot shows it, kept in memory. Every room command builds a snapshot, and reading this
 * from the database took five statements each time, for content that does not change while a
 * room uses it: a revision with rooms is never edited in place (custom games write a new
 * revision; the seed leaves it alone). The cache is keyed by the row's id and `updatedAt`,
 * which the room's own read fetches anyway, so an in-place edit of a revision no room has used
 * yet is never served stale, on this instance or any other.
 */
export interface ScenarioContent {
  id: string;
  updatedAt: number;
  title: string;
  summary: string;
  opening: string;
  locale: string;
  roles: { position: number; name: string; brief: string }[];
  rounds: { number: number; question: string; options: { index: number; label: string; description: string }[] }[];
}

/** Scenario revisions kept; the oldest read goes first (a server runs a few at a time). */
const MAX_ENTRIES = 200;
const cache = new Map<string, ScenarioContent>();

/** The content of scenario `id` whose row was last changed at `updatedAt`. */
export async function scenarioContent(tx: Tx, id: string, updatedAt: Date): Promise<ScenarioContent> {
  const hit = cache.get(id);
  if (hit && hit.updatedAt === updatedAt.getTime()) {
    // Re-insert so the map's order is the order of last use.
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const s = await tx.scenario.findUniqueOrThrow({
    where: { id },
    include: { roles: { orderBy: { position: "asc" } }, rounds: { orderBy: { number: "asc" }, include: { options: { orderBy: { index: "asc" } } } } },
  });
  const content: ScenarioContent = {
    id: s.id,
    updatedAt: s.updatedAt.getTime(),
    title: s.title,
    summary: s.summary,
    opening: s.opening,
    locale: s.locale,
    roles: s.roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief })),
    rounds: s.rounds.map((r) => ({ number: r.number, question: r.question, options: r.options.map((o) => ({ index: o.index, label: o.label, description: o.description })) })),
  };
  cache.delete(id);
  cache.set(id, content);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return content;
}
