import type { Locale } from "@/lib/validation/scenario";
import { db } from "../db";

export interface ScenarioSummary {
  id: string;
  slug: string | null;
  locale: string;
  title: string;
  summary: string;
  source: "BUILTIN" | "CUSTOM" | "AI";
  rounds: number;
  roles: string[];
}

/** Built-in scenarios and the current revision of every published custom game, optionally in one language. */
export async function listScenarios(locale?: Locale): Promise<ScenarioSummary[]> {
  const rows = await db().scenario.findMany({
    where: { isPublished: true, ...(locale && { locale }), OR: [{ source: "BUILTIN" }, { current: { some: { isPublished: true, deletedAt: null } } }] },
    orderBy: [{ source: "asc" }, { createdAt: "asc" }],
    include: { roles: { orderBy: { position: "asc" }, select: { name: true } }, _count: { select: { rounds: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    locale: s.locale,
    title: s.title,
    summary: s.summary,
    source: s.source,
    rounds: s._count.rounds,
    roles: s.roles.map((r) => r.name),
  }));
}
