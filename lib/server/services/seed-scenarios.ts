import { createHash } from "node:crypto";
import { builtinScenarios } from "@/prisma/seed/scenarios";
import { scenarioContentSchema, type ScenarioContentParsed } from "@/lib/validation/scenario";
import { db, type Tx } from "../db";

export interface SeedResult {
  created: number;
  updated: number;
  unchanged: number;
}

function contentHash(c: ScenarioContentParsed): string {
  return createHash("sha256").update(JSON.stringify(c)).digest("hex").slice(0, 16);
}

/** Writes the roles and rounds of a scenario row (replacing any it had). */
export async function writeScenarioParts(tx: Tx, scenarioId: string, content: ScenarioContentParsed): Promise<void> {
  await tx.scenarioRole.deleteMany({ where: { scenarioId } });
  await tx.scenarioRound.deleteMany({ where: { scenarioId } });
  await tx.scenarioRole.createMany({ data: content.roles.map((r, position) => ({ scenarioId, position, ...r })) });
  for (const [i, round] of content.rounds.entries()) {
    await tx.scenarioRound.create({
      data: {
        scenarioId,
        number: i + 1,
        question: round.question,
        options: { create: round.options.map((o, index) => ({ index, label: o.label, description: o.description })) },
      },
    });
  }
}

/**
 * Loads the built-in scenario library (every scenario in Korean and English). Idempotent:
 * an unchanged scenario is left alone; a changed one is updated only while no room uses it.
 */
/**
 * A scenario's rows are written one statement at a time; on a busy machine's first boot that
 * can take longer than Prisma's default 5 s for a transaction (seen on CI), which would stop
 * the server from starting.
 */
const SEED_TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

export async function seedScenarios(): Promise<SeedResult> {
  const result: SeedResult = { created: 0, updated: 0, unchanged: 0 };
  for (const scenario of builtinScenarios) {
    for (const locale of ["ko", "en"] as const) {
      const content = scenarioContentSchema.parse(scenario.content[locale]);
      const hash = contentHash(content);
      await db().$transaction(async (tx) => {
        const existing = await tx.scenario.findUnique({
          where: { slug_locale: { slug: scenario.slug, locale } },
          select: { id: true, summary: true, _count: { select: { rooms: true } } },
        });
        if (!existing) {
          const row = await tx.scenario.create({
            data: { slug: scenario.slug, locale, title: content.title, summary: content.summary, opening: content.opening, source: "BUILTIN", isPublished: true },
          });
          await writeScenarioParts(tx, row.id, content);
          result.created++;
          return;
        }
        const current = await readContent(tx, existing.id);
        if (current && contentHash(current) === hash) {
          result.unchanged++;
          return;
        }
        if (existing._count.rooms > 0) {
          result.unchanged++;
          return;
        }
        await tx.scenario.update({ where: { id: existing.id }, data: { title: content.title, summary: content.summary, opening: content.opening } });
        await writeScenarioParts(tx, existing.id, content);
        result.updated++;
      }, SEED_TX_OPTIONS);
    }
  }
  return result;
}

/** A scenario row read back into the content shape, or null if it is gone. */
export async function readContent(tx: Tx, scenarioId: string): Promise<ScenarioContentParsed | null> {
  const s = await tx.scenario.findUnique({
    where: { id: scenarioId },
    include: { roles: { orderBy: { position: "asc" } }, rounds: { orderBy: { number: "asc" }, include: { options: { orderBy: { index: "asc" } } } } },
  });
  if (!s) return null;
  return {
    title: s.title,
    summary: s.summary,
    opening: s.opening,
    roles: s.roles.map((r) => ({ name: r.name, brief: r.brief, privateBrief: r.privateBrief })),
    rounds: s.rounds.map((r) => ({ question: r.question, options: r.options.map((o) => ({ label: o.label, description: o.description })) })),
  };
}
