import { z } from "zod";
import type { CustomGameInput } from "@/lib/validation/custom-game";
import { localeSchema } from "@/lib/validation/scenario";

/**
 * The game editor's unsaved work, kept in the browser's local storage (one draft per user and
 * game; "new" for a game not created yet) until it is saved or discarded, so that leaving the
 * editor by any link, a reload or a closed tab loses nothing. Unit-tested in
 * tests/unit/facilitator-fixes.test.ts.
 */

const PREFIX = "aedg:editor-draft:";

/** Where a user's draft of a game (null: a new one) is kept. */
export const draftKey = (userId: string, code: string | null) => `${PREFIX}${userId}:${code ?? "new"}`;

// Lenient on purpose: a draft is work in progress (empty or over-long fields are what the editor
// shows errors for); anything that is not a draft at all is ignored.
const text = z.string().max(20_000);
const draftSchema = z.object({
  v: z.literal(1),
  code: z.string().max(16).nullable(),
  savedAt: z.iso.datetime(),
  game: z.object({
    locale: localeSchema,
    title: text,
    summary: text.optional(),
    opening: text,
    roles: z.array(z.object({ name: text, brief: text, privateBrief: text })).max(3),
    rounds: z.array(z.object({ question: text, options: z.array(z.object({ label: text, description: text.optional() })).max(10) })).max(20),
  }),
});

export interface EditorDraft {
  code: string | null;
  /** When it was last written (ISO). */
  savedAt: string;
  game: CustomGameInput;
}

/** The storage drafts live in; null where there is none (server, storage blocked). */
export function draftStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** Whether `storage` takes writes (not full, not blocked). */
export function storageWorks(storage: Storage | null): boolean {
  if (!storage) return false;
  try {
    storage.setItem(`${PREFIX}probe`, "1");
    storage.removeItem(`${PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
}

function parse(raw: string | null): EditorDraft | null {
  if (!raw) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { code: parsed.data.code, savedAt: parsed.data.savedAt, game: parsed.data.game } : null;
  } catch {
    return null;
  }
}

/** The user's draft of a game, or null (none, or unreadable). */
export function readDraft(storage: Storage | null, userId: string, code: string | null): EditorDraft | null {
  try {
    return parse(storage?.getItem(draftKey(userId, code)) ?? null);
  } catch {
    return null;
  }
}

/** Keeps `game` as the user's draft of `code`; false when the storage refused (full, blocked). */
export function writeDraft(storage: Storage | null, userId: string, code: string | null, game: CustomGameInput, now: Date): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(userId, code), JSON.stringify({ v: 1, code, savedAt: now.toISOString(), game }));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: Storage | null, userId: string, code: string | null): void {
  try {
    storage?.removeItem(draftKey(userId, code));
  } catch {
    // Storage blocked: there is nothing to remove either.
  }
}

/** Every draft of the user, newest first. */
export function listDrafts(storage: Storage | null, userId: string): EditorDraft[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${userId}:`;
  const out: EditorDraft[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = parse(storage.getItem(key));
      if (draft) out.push(draft);
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The link that reopens a draft in the editor. */
export const draftHref = (draft: Pick<EditorDraft, "code">) => (draft.code ? `/facilitator/games/${draft.code}` : "/facilitator/games/new");
