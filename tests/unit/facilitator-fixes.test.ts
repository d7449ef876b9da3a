import { describe, expect, it } from "vitest";
import { draftHref, draftKey, listDrafts, readDraft, removeDraft, storageWorks, writeDraft } from "@/components/facilitator/editor-drafts";
import { editorFrom, emptyEditor, saveErrorShown, toGameInput } from "@/components/facilitator/editor-state";
import { isScenarioId } from "@/components/facilitator/open-rooms-logic";
import { phaseNotice } from "@/components/room/phase-notice-logic";
import { advancedReason, decide, newGame, type Phase } from "@/lib/domain/game";
import { phaseChangedBy, type RoomSnapshot } from "@/lib/domain/snapshot";
import type { CustomGameInput } from "@/lib/validation/custom-game";

/** A Storage kept in memory (the browser's localStorage in the tests' Node). */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly refuseWrites = false) {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuseWrites) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const game = (title: string): CustomGameInput => ({
  locale: "en",
  title,
  summary: "",
  opening: "Once upon a time.",
  roles: [
    { name: "A", brief: "", privateBrief: "" },
    { name: "", brief: "", privateBrief: "" },
    { name: "", brief: "", privateBrief: "" },
  ],
  rounds: [{ question: "Q?", options: [{ label: "Yes", description: "" }, { label: "", description: "" }] }],
});

describe("who began a phase by hand (phaseChangedBy)", () => {
  it.each<[string, Phase, string, string | null, ReturnType<typeof phaseChangedBy>]>([
    ["a facilitator's skip", "DISCUSSION", advancedReason("facilitator skipped the phase (monitor)"), "f1", { userId: "f1", action: "skip" }],
    ["a host's skip into the roles", "ROLES", advancedReason("host skipped the phase"), "h1", { userId: "h1", action: "skip" }],
    ["an ending with someone named", "ABANDONED", "class over", "f1", { userId: "f1", action: "end" }],
    ["an ending by the server", "ABANDONED", "nobody present", null, null],
    ["a timer", "CONSENSUS", "timer", null, null],
    ["the players' answers", "DISCUSSION", "all_submitted", null, null],
    ["roles dealt by the host", "ROLES", "host_dealt", "h1", null],
    ["the room's creation", "WAITING", "created", "f1", null],
  ])("%s", (_name, phase, reason, actorId, expected) => {
    expect(phaseChangedBy(phase, reason, actorId)).toEqual(expected);
  });

  it("follows the engine's own reason for an advance", () => {
    let s = newGame({ totalRounds: 1, optionCounts: [2], hostId: "p1" });
    for (const userId of ["p1", "p2", "p3"]) s = decide(s, { type: "join", userId }, { now: 0 }).state;
    const d = decide(s, { type: "advance", actor: { userId: "f1", canManage: true }, reason: "go" }, { now: 1 });
    const change = d.effects.find((e) => e.type === "phaseChanged");
    expect(change && change.type === "phaseChanged" && phaseChangedBy(change.to, change.reason, change.actorId)).toEqual({ userId: "f1", action: "skip" });
  });
});

describe("the players' notice (phaseNotice)", () => {
  const seats = [
    { seat: 0, userId: "h1", nickname: "Hana" },
    { seat: 1, userId: "p2", nickname: "Ben" },
    { seat: 2, userId: null, nickname: null },
  ] as RoomSnapshot["seats"];
  const room = (changedBy: RoomSnapshot["phaseChangedBy"], phase: Phase = "DISCUSSION") => ({ code: "ABCDEF", phase, round: 1, phaseStartedAt: "2030-01-01T00:00:00.000Z", phaseChangedBy: changedBy, seats });

  it("names no one when the game moved on by itself", () => {
    expect(phaseNotice(room(null), "p2")).toBeNull();
  });
  it("tells the players the facilitator (not seated) skipped or ended", () => {
    expect(phaseNotice(room({ userId: "f1", action: "skip" }), "p2")).toMatchObject({ action: "skip", by: "facilitator", name: null });
    expect(phaseNotice(room({ userId: "f1", action: "end" }, "ABANDONED"), "p2")).toMatchObject({ action: "end", by: "facilitator" });
  });
  it("names a seated host, and tells the one who did it nothing", () => {
    expect(phaseNotice(room({ userId: "h1", action: "skip" }), "p2")).toMatchObject({ by: "host", name: "Hana" });
    expect(phaseNotice(room({ userId: "h1", action: "skip" }), "h1")).toBeNull();
    expect(phaseNotice(room({ userId: "f1", action: "skip" }), "f1")).toBeNull();
  });
  it("is a new notice for each phase entry (a dismissed one stays dismissed for its entry only)", () => {
    const a = phaseNotice(room({ userId: "f1", action: "skip" }), "p2")!;
    const b = phaseNotice({ ...room({ userId: "f1", action: "skip" }), phase: "CONSENSUS", phaseStartedAt: "2030-01-01T00:01:00.000Z" }, "p2")!;
    expect(a.id).not.toBe(b.id);
  });
});

describe("the editor's drafts", () => {
  const now = new Date("2030-01-01T10:00:00.000Z");

  it("keeps one draft per user and game, reads it back and removes it", () => {
    const storage = new MemoryStorage();
    expect(writeDraft(storage, "u1", null, game("New one"), now)).toBe(true);
    expect(writeDraft(storage, "u1", "GABCDEF", game("Edited"), new Date(now.getTime() + 1000))).toBe(true);
    expect(writeDraft(storage, "u2", null, game("Someone else's"), now)).toBe(true);
    expect(readDraft(storage, "u1", null)).toEqual({ code: null, savedAt: now.toISOString(), game: game("New one") });
    expect(listDrafts(storage, "u1").map((d) => d.game.title)).toEqual(["Edited", "New one"]);
    expect(listDrafts(storage, "u2").map((d) => d.game.title)).toEqual(["Someone else's"]);
    removeDraft(storage, "u1", null);
    expect(readDraft(storage, "u1", null)).toBeNull();
    expect(listDrafts(storage, "u1")).toHaveLength(1);
    expect(draftHref({ code: null })).toBe("/facilitator/games/new");
    expect(draftHref({ code: "GABCDEF" })).toBe("/facilitator/games/GABCDEF");
  });

  it("ignores what is not a draft, and copes with storage that is missing or refuses writes", () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey("u1", null), "{not json");
    storage.setItem(draftKey("u1", "GAAAAAA"), JSON.stringify({ v: 1, code: "GAAAAAA", savedAt: "yesterday", game: {} }));
    expect(readDraft(storage, "u1", null)).toBeNull();
    expect(listDrafts(storage, "u1")).toEqual([]);
    expect(readDraft(null, "u1", null)).toBeNull();
    expect(writeDraft(null, "u1", null, game("x"), now)).toBe(false);
    expect(writeDraft(new MemoryStorage(true), "u1", null, game("x"), now)).toBe(false);
    expect(storageWorks(new MemoryStorage(true))).toBe(false);
    expect(storageWorks(storage)).toBe(true);
    expect(storageWorks(null)).toBe(false);
  });

  it("round-trips through the editor unchanged (what is restored is what was typed)", () => {
    const typed = toGameInput(editorFrom(game("Half done")));
    const storage = new MemoryStorage();
    writeDraft(storage, "u1", null, typed, now);
    expect(toGameInput(editorFrom(readDraft(storage, "u1", null)!.game))).toEqual(typed);
    expect(toGameInput(editorFrom(toGameInput(emptyEditor("ko"))))).toEqual(toGameInput(emptyEditor("ko")));
  });
});

describe("the editor's save message (saveErrorShown)", () => {
  it("drops “fix the errors first” at once, and shows the server's errors only while no field has one", () => {
    expect(saveErrorShown("facilitator.editor.fixErrors", 3)).toBeNull();
    expect(saveErrorShown("facilitator.editor.fixErrors", 0)).toBeNull();
    expect(saveErrorShown("facilitator.error.network", 0)).toBe("facilitator.error.network");
    expect(saveErrorShown("facilitator.error.network", 2)).toBeNull();
    expect(saveErrorShown(null, 0)).toBeNull();
  });
});

describe("scenario ids in page paths", () => {
  it.each([
    ["d9a678ed-b890-4053-ad15-338f7ca4d560", true],
    ["D9A678ED-B890-4053-AD15-338F7CA4D560", true],
    ["not-a-scenario", false],
    ["../../etc", false],
    ["", false],
  ])("%s → %s", (id, expected) => {
    expect(isScenarioId(id)).toBe(expected);
  });
});
