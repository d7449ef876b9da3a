import type { SessionUser } from "../auth/session";
import { db } from "../db";
import { AppError } from "../errors";

export interface ScenarioDetail {
  id: string;
  slug: string | null;
  locale: string;
  title: string;
  summary: string;
  opening: string;
  source: "BUILTIN" | "CUSTOM" | "AI";
  roles: { position: number; name: string; brief: string; privateBrief?: string }[];
  rounds: { number: number; question: string; options: { index: number; label: string; description: string }[] }[];
}

/**
 * A whole scenario. Private briefs are shown only to facilitators and admins (players see
 * their own brief in the room). Unpublished custom scenarios only to their owner: NOT_FOUND otherwise.
 */
export async function getScenario(id: string, viewer: SessionUser): Promise<ScenarioDetail> {
  const s = await db().scenario.findUnique({
    where: { id },
    include: {
      customGame: { select: { ownerId: true, isPublished: true, deletedAt: true } },
      roles: { orderBy: { position: "asc" } },
      rounds: { orderBy: { number: "asc" }, include: { options: { orderBy: { index: "asc" } } } },
    },
  });
  const isOwner = !!s?.customGame && s.customGame.ownerId === viewer.id;
  const visible = s && (s.source === "BUILTIN" ? s.isPublished : isOwner || (s.customGame?.isPublished && !s.customGame.deletedAt));
  if (!s || !visible) throw new AppError("NOT_FOUND", "No such scenario.");
  const showPrivate = isOwner || viewer.role === "FACILITATOR" || viewer.role === "ADMIN";
  return {
    id: s.id,
    slug: s.slug,
    locale: s.locale,
    title: s.title,
    summary: s.summary,
    opening: s.opening,
    source: s.source,
    roles: s.roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief, ...(showPrivate && { privateBrief: r.privateBrief }) })),
    rounds: s.rounds.map((r) => ({ number: r.number, question: r.question, options: r.options.map((o) => ({ index: o.index, label: o.label, description: o.description })) })),
  };
}
