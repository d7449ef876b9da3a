import { describe, expect, it } from "vitest";
import { decide, GameRuleError, newGame, nextWakeUp, answeredInPhase, type Command, type GameState, type Phase, type RuleCode } from "@/lib/domain/game";

const T0 = 1_000_000;
const A = "user-a";
const B = "user-b";
const C = "user-c";
const D = "user-d";
const host = { userId: A, canManage: false };
const stranger = { userId: D, canManage: false };
const facilitator = { userId: "fac", canManage: true };

const apply = (state: GameState, command: Command, now = T0, permutation?: number[]) => decide(state, command, { now, permutation }).state;
const applyAll = (state: GameState, commands: Command[], now = T0) => commands.reduce((s, c) => apply(s, c, now), state);
const codeOf = (fn: () => unknown): RuleCode | "ok" => {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof GameRuleError) return e.code;
    throw e;
  }
};

function fresh(): GameState {
  return newGame({ totalRounds: 2, optionCounts: [3, 2], hostId: A });
}
const seated = () => applyAll(fresh(), [A, B, C].map((userId) => ({ type: "join", userId }) as Command));
const ready = (s: GameState) => applyAll(s, [A, B, C].map((userId) => ({ type: "ready", userId, ready: true }) as Command));
const rolesPhase = () => ready(seated());
const individual = () => applyAll(rolesPhase(), [A, B, C].map((userId) => ({ type: "confirmRole", userId }) as Command));
const choose = (s: GameState, round = 1, choices: [number, number, number] = [0, 1, 1]) =>
  applyAll(s, [A, B, C].map((userId, i) => ({ type: "submitChoice", userId, round, choice: choices[i]!, confidence: 3 }) as Command));
const discussion = () => choose(individual());
const endVotes = (s: GameState, round = 1) => applyAll(s, [A, B, C].map((userId) => ({ type: "endDiscussion", userId, round }) as Command));
const consensus = () => endVotes(discussion());
const agree = (s: GameState, round = 1, choice = 1) => applyAll(s, [A, B, C].map((userId) => ({ type: "proposeConsensus", userId, round, choice }) as Command));
const consensusReached = () => agree(consensus());
const rate = (s: GameState, round = 1) => applyAll(s, [A, B, C].map((userId) => ({ type: "consensusConfidence", userId, round, confidence: 4 }) as Command));
const reveal = () => rate(consensusReached());
const cont = (s: GameState, round = 1) => applyAll(s, [A, B, C].map((userId) => ({ type: "continue", userId, round }) as Command));
const finished = () => {
  let s = cont(reveal());
  s = choose(s, 2, [0, 0, 1]);
  s = endVotes(s, 2);
  s = agree(s, 2, 0);
  s = rate(s, 2);
  return cont(s, 2);
};
const abandoned = () => apply(discussion(), { type: "abandon", actor: host, reason: "test" });

const states: Record<string, () => GameState> = {
  WAITING: seated,
  ROLES: rolesPhase,
  INDIVIDUAL: individual,
  DISCUSSION: discussion,
  CONSENSUS: consensus,
  "CONSENSUS (agreed)": consensusReached,
  REVEAL: reveal,
  FINISHED: finished,
  ABANDONED: abandoned,
};

const commands: Record<string, (s: GameState) => Command> = {
  join: () => ({ type: "join", userId: D }),
  leave: () => ({ type: "leave", userId: B }),
  ready: () => ({ type: "ready", userId: B, ready: false }),
  assignRoles: () => ({ type: "assignRoles", actor: host, mode: "random" }),
  confirmRole: () => ({ type: "confirmRole", userId: A }),
  submitChoice: (s) => ({ type: "submitChoice", userId: A, round: s.round, choice: 0, confidence: 5 }),
  endDiscussion: (s) => ({ type: "endDiscussion", userId: A, round: s.round }),
  proposeConsensus: (s) => ({ type: "proposeConsensus", userId: A, round: s.round, choice: 0 }),
  consensusConfidence: (s) => ({ type: "consensusConfidence", userId: A, round: s.round, confidence: 5 }),
  continue: (s) => ({ type: "continue", userId: A, round: s.round }),
  release: () => ({ type: "release", actor: host, seat: 1 }),
  advance: () => ({ type: "advance", actor: host, reason: "stuck" }),
  abandon: () => ({ type: "abandon", actor: host, reason: "done" }),
};

// The one table of what is legal where; every other cell must be refused with the code given.
const legal: Record<string, string[]> = {
  join: [],
  leave: ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "CONSENSUS (agreed)", "REVEAL"],
  ready: ["WAITING"],
  assignRoles: ["WAITING"],
  confirmRole: ["ROLES"],
  submitChoice: ["INDIVIDUAL"],
  endDiscussion: ["DISCUSSION"],
  proposeConsensus: ["CONSENSUS"],
  consensusConfidence: ["CONSENSUS (agreed)"],
  continue: ["REVEAL"],
  release: ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "CONSENSUS (agreed)", "REVEAL"],
  advance: ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "CONSENSUS (agreed)", "REVEAL"],
  abandon: ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "CONSENSUS (agreed)", "REVEAL"],
};
const refusal = (cmd: string, state: string): RuleCode => {
  if (state === "FINISHED" || state === "ABANDONED") return "GAME_OVER";
  if (cmd === "join") return state === "WAITING" ? "ROOM_FULL" : "GAME_STARTED";
  if (cmd === "proposeConsensus" && state === "CONSENSUS (agreed)") return "CONSENSUS_REACHED";
  if (cmd === "consensusConfidence" && state === "CONSENSUS") return "NO_CONSENSUS_YET";
  return "WRONG_PHASE";
};

const table = Object.keys(commands).flatMap((cmd) => Object.keys(states).map((state) => [cmd, state, legal[cmd]!.includes(state) ? "ok" : refusal(cmd, state)] as const));

describe("transition table: every command in every phase", () => {
  it.each(table)("%s in %s → %s", (cmd, stateName, expected) => {
    const state = states[stateName]!();
    const before = structuredClone(state);
    expect(codeOf(() => decide(state, commands[cmd]!(state), { now: T0 + 1 }))).toBe(expected);
    expect(state).toEqual(before); // decide never mutates its input
  });

  it.each(Object.keys(states))("the state decided from %s shares no object or array with its input", (stateName) => {
    const state = states[stateName]!();
    const inputObjects = new Set<object>();
    const collect = (v: unknown) => {
      if (v === null || typeof v !== "object") return;
      inputObjects.add(v);
      Object.values(v).forEach(collect);
    };
    collect(state);
    const shared: string[] = [];
    const check = (v: unknown, path: string) => {
      if (v === null || typeof v !== "object") return;
      if (inputObjects.has(v)) shared.push(path);
      for (const [k, x] of Object.entries(v)) check(x, `${path}.${k}`);
    };
    // A command that changes nothing, then one that changes something: each gives a working copy.
    check(decide(state, { type: "tick" }, { now: T0 + 1 }).state, "state");
    const anyLegal = table.find(([, s, expected]) => s === stateName && expected === "ok");
    if (anyLegal) check(decide(state, commands[anyLegal[0]]!(state), { now: T0 + 1 }).state, "state");
    expect(shared).toEqual([]);
    expect(inputObjects.size).toBeGreaterThan(8);
  });

  it("reaches each phase it names", () => {
    const phases: Record<string, Phase> = { WAITING: "WAITING", ROLES: "ROLES", INDIVIDUAL: "INDIVIDUAL", DISCUSSION: "DISCUSSION", CONSENSUS: "CONSENSUS", "CONSENSUS (agreed)": "CONSENSUS", REVEAL: "REVEAL", FINISHED: "FINISHED", ABANDONED: "ABANDONED" };
    for (const [name, make] of Object.entries(states)) expect(make().phase, name).toBe(phases[name]);
  });
});

describe("a whole game", () => {
  it("walks WAITING → ROLES → (INDIVIDUAL → DISCUSSION → CONSENSUS → REVEAL) × 2 → FINISHED", () => {
    const phases: string[] = [];
    let s = fresh();
    let clock = T0;
    const step = (c: Command, perm?: number[]) => {
      const r = decide(s, c, { now: ++clock, permutation: perm });
      for (const e of r.effects) if (e.type === "phaseChanged") phases.push(`${e.to}:${e.round}`);
      s = r.state;
    };
    for (const u of [A, B, C]) step({ type: "join", userId: u });
    for (const u of [A, B, C]) step({ type: "ready", userId: u, ready: true }, [2, 0, 1]);
    expect(s.seats.map((x) => x.roleIndex)).toEqual([2, 0, 1]);
    for (const u of [A, B, C]) step({ type: "confirmRole", userId: u });
    for (const round of [1, 2]) {
      for (const u of [A, B, C]) step({ type: "submitChoice", userId: u, round, choice: 1, confidence: 2 });
      for (const u of [A, B, C]) step({ type: "endDiscussion", userId: u, round });
      step({ type: "proposeConsensus", userId: A, round, choice: 0 });
      step({ type: "proposeConsensus", userId: B, round, choice: 1 });
      step({ type: "proposeConsensus", userId: C, round, choice: 1 });
      expect(s.current.consensus).toBeNull();
      step({ type: "proposeConsensus", userId: A, round, choice: 1 });
      expect(s.current.consensus).toEqual({ choice: 1, proposedBy: B });
      for (const u of [A, B, C]) step({ type: "consensusConfidence", userId: u, round, confidence: 5 });
      for (const u of [A, B, C]) step({ type: "continue", userId: u, round });
    }
    expect(phases).toEqual(["ROLES:0", "INDIVIDUAL:1", "DISCUSSION:1", "CONSENSUS:1", "REVEAL:1", "INDIVIDUAL:2", "DISCUSSION:2", "CONSENSUS:2", "REVEAL:2", "FINISHED:2"]);
    expect(s.deadline).toBeNull();
  });

  it("sets each phase's deadline from the room's settings", () => {
    const s = newGame({ totalRounds: 1, optionCounts: [2], hostId: A, settings: { individualSeconds: 30, discussionSeconds: 45 } });
    const i = applyAll(ready(applyAll(s, [A, B, C].map((userId) => ({ type: "join", userId }) as Command))), [A, B, C].map((userId) => ({ type: "confirmRole", userId }) as Command), T0);
    expect(i.deadline).toBe(T0 + 30_000);
    const d = choose(i, 1, [0, 0, 0]);
    expect(d.deadline).toBe(T0 + 45_000);
  });
});

describe("rules within a phase", () => {
  it.each([
    ["a second submission", (s: GameState) => apply(s, { type: "submitChoice", userId: A, round: 1, choice: 0, confidence: 3 }), { type: "submitChoice", userId: A, round: 1, choice: 1, confidence: 3 }, "ALREADY_SUBMITTED"],
    ["another round's number", (s: GameState) => s, { type: "submitChoice", userId: A, round: 2, choice: 0, confidence: 3 }, "ROUND_MISMATCH"],
    ["a choice past the last option", (s: GameState) => s, { type: "submitChoice", userId: A, round: 1, choice: 3, confidence: 3 }, "INVALID_CHOICE"],
    ["a negative choice", (s: GameState) => s, { type: "submitChoice", userId: A, round: 1, choice: -1, confidence: 3 }, "INVALID_CHOICE"],
    ["a fractional choice", (s: GameState) => s, { type: "submitChoice", userId: A, round: 1, choice: 0.5, confidence: 3 }, "INVALID_CHOICE"],
    ["confidence 0", (s: GameState) => s, { type: "submitChoice", userId: A, round: 1, choice: 0, confidence: 0 }, "INVALID_CONFIDENCE"],
    ["confidence 6", (s: GameState) => s, { type: "submitChoice", userId: A, round: 1, choice: 0, confidence: 6 }, "INVALID_CONFIDENCE"],
    ["someone without a seat", (s: GameState) => s, { type: "submitChoice", userId: D, round: 1, choice: 0, confidence: 3 }, "NOT_SEATED"],
  ] as const)("INDIVIDUAL refuses %s", (_name, prepare, command, code) => {
    const s = prepare(individual());
    expect(codeOf(() => decide(s, command as Command, { now: T0 }))).toBe(code);
  });

  it("does not let a player or a stranger manage the room", () => {
    const s = discussion();
    for (const cmd of [
      { type: "advance", actor: { userId: B, canManage: false }, reason: "x" },
      { type: "abandon", actor: stranger, reason: "x" },
      { type: "release", actor: { userId: C, canManage: false }, seat: 0 },
    ] as Command[]) {
      expect(codeOf(() => decide(s, cmd, { now: T0 }))).toBe("NOT_ALLOWED");
    }
    expect(apply(s, { type: "advance", actor: facilitator, reason: "x" }).phase).toBe("CONSENSUS");
  });

  it("lets a player change their stance until everyone agrees, and only then asks for consensus confidence", () => {
    let s = consensus();
    s = apply(s, { type: "proposeConsensus", userId: A, round: 1, choice: 2 });
    expect(codeOf(() => decide(s, { type: "proposeConsensus", userId: A, round: 1, choice: 2 }, { now: T0 }))).toBe("ALREADY_SUBMITTED");
    s = apply(s, { type: "proposeConsensus", userId: A, round: 1, choice: 0 });
    expect(s.current.consensusVotes[A]!.choice).toBe(0);
    expect(codeOf(() => decide(s, { type: "consensusConfidence", userId: A, round: 1, confidence: 3 }, { now: T0 }))).toBe("NO_CONSENSUS_YET");
  });

  it("needs manual role assignments to give three different roles to three seats", () => {
    const s = seated();
    const bad = [
      [{ seat: 0, roleIndex: 0 }, { seat: 1, roleIndex: 0 }, { seat: 2, roleIndex: 1 }],
      [{ seat: 0, roleIndex: 0 }, { seat: 0, roleIndex: 1 }, { seat: 2, roleIndex: 2 }],
      [{ seat: 0, roleIndex: 0 }, { seat: 1, roleIndex: 1 }],
      [{ seat: 0, roleIndex: 0 }, { seat: 1, roleIndex: 1 }, { seat: 3, roleIndex: 2 }],
    ];
    for (const assignments of bad) expect(codeOf(() => decide(s, { type: "assignRoles", actor: host, mode: "manual", assignments }, { now: T0 }))).toBe("INVALID_ASSIGNMENT");
    const ok = apply(s, { type: "assignRoles", actor: host, mode: "manual", assignments: [{ seat: 2, roleIndex: 0 }, { seat: 0, roleIndex: 1 }, { seat: 1, roleIndex: 2 }] });
    expect(ok.phase).toBe("ROLES");
    expect(ok.seats.map((x) => x.roleIndex)).toEqual([1, 2, 0]);
  });

  it("waits for the host when roles are dealt manually, and cannot start with an empty seat", () => {
    const s = newGame({ totalRounds: 1, optionCounts: [2], hostId: A, settings: { roleAssignment: "manual" } });
    const full = ready(applyAll(s, [A, B, C].map((userId) => ({ type: "join", userId }) as Command)));
    expect(full.phase).toBe("WAITING");
    const two = applyAll(s, [A, B].map((userId) => ({ type: "join", userId }) as Command));
    expect(codeOf(() => decide(two, { type: "assignRoles", actor: host, mode: "random" }, { now: T0 }))).toBe("SEATS_NOT_FILLED");
    expect(codeOf(() => decide(two, { type: "advance", actor: host, reason: "go" }, { now: T0 }))).toBe("SEATS_NOT_FILLED");
  });

  it("refuses to seat the same user twice", () => {
    expect(codeOf(() => decide(apply(fresh(), { type: "join", userId: A }), { type: "join", userId: A }, { now: T0 }))).toBe("ALREADY_SEATED");
  });
});

describe("timers", () => {
  it("records missing answers as missing when a timer runs out, never inventing them", () => {
    let s = individual();
    s = apply(s, { type: "submitChoice", userId: A, round: 1, choice: 2, confidence: 4 });
    const early = decide(s, { type: "tick" }, { now: s.deadline! - 1 });
    expect(early.effects).toEqual([]);
    const r = decide(s, { type: "tick" }, { now: s.deadline! });
    expect(r.state.phase).toBe("DISCUSSION");
    const recorded = r.effects.filter((e) => e.type === "choiceRecorded");
    expect(recorded).toEqual([
      { type: "choiceRecorded", round: 1, userId: B, seat: 1, choice: null, confidence: null, missing: true },
      { type: "choiceRecorded", round: 1, userId: C, seat: 2, choice: null, confidence: null, missing: true },
    ]);
    expect(r.effects.at(-1)).toMatchObject({ type: "phaseChanged", from: "INDIVIDUAL", to: "DISCUSSION", reason: "timer" });
  });

  it("closes a consensus phase without agreement as 'no consensus' with missing confidences", () => {
    let s = consensus();
    s = apply(s, { type: "proposeConsensus", userId: A, round: 1, choice: 0 });
    const r = decide(s, { type: "tick" }, { now: s.deadline! + 5 });
    expect(r.state.phase).toBe("REVEAL");
    expect(r.effects).toContainEqual({ type: "consensusReached", round: 1, choice: null, proposedBy: null, missing: true });
    expect(r.effects.filter((e) => e.type === "consensusConfidenceRecorded")).toHaveLength(3);
  });

  it("moves past the last reveal to FINISHED when time is up", () => {
    let s = cont(reveal());
    s = rate(agree(endVotes(choose(s, 2), 2), 2, 0), 2);
    expect(s.phase).toBe("REVEAL");
    expect(apply(s, { type: "tick" }, s.deadline!).phase).toBe("FINISHED");
  });

  it("lets a facilitator advance a stuck phase, recording missing answers the same way", () => {
    const r = decide(individual(), { type: "advance", actor: facilitator, reason: "stuck" }, { now: T0 + 10 });
    expect(r.state.phase).toBe("DISCUSSION");
    expect(r.effects.filter((e) => e.type === "choiceRecorded" && e.missing)).toHaveLength(3);
    expect(r.effects.at(-1)).toMatchObject({ type: "phaseChanged", actorId: "fac", reason: "advanced: stuck" });
  });
});

describe("absence", () => {
  it("keeps the seat through the grace period and pauses after it; the timer resumes where it stopped", () => {
    let s = discussion();
    const deadline = s.deadline!;
    s = apply(s, { type: "disconnect", userId: B }, T0 + 1000);
    expect(s.seats[1]).toMatchObject({ userId: B, connected: false, disconnectedAt: T0 + 1000 });
    expect(nextWakeUp(s)).toBe(Math.min(deadline, T0 + 1000 + 90_000));
    expect(apply(s, { type: "tick" }, T0 + 1000 + 89_999).pausedAt).toBeNull();
    s = apply(s, { type: "tick" }, T0 + 1000 + 90_000);
    expect(s.pausedAt).toBe(T0 + 91_000);
    // Timers do not fire while paused.
    expect(apply(s, { type: "tick" }, deadline + 60_000).phase).toBe("DISCUSSION");
    expect(codeOf(() => decide(s, { type: "endDiscussion", userId: A, round: 1 }, { now: T0 + 100_000 }))).toBe("PAUSED");
    s = apply(s, { type: "reconnect", userId: B }, T0 + 101_000);
    expect(s.pausedAt).toBeNull();
    expect(s.deadline).toBe(deadline + 10_000);
  });

  it("does not pause for a short disconnect", () => {
    let s = discussion();
    s = apply(s, { type: "disconnect", userId: C }, T0);
    s = apply(s, { type: "reconnect", userId: C }, T0 + 5000);
    s = apply(s, { type: "tick" }, T0 + 200_000);
    expect(s.pausedAt).toBeNull();
    expect(s.seats[2]).toMatchObject({ connected: true, disconnectedAt: null });
  });

  it("lets the host release an absent player's seat so a newcomer takes it, with the same role", () => {
    let s = discussion();
    const role = s.seats[1]!.roleIndex;
    s = apply(s, { type: "disconnect", userId: B }, T0);
    s = apply(s, { type: "tick" }, T0 + 90_000);
    expect(s.pausedAt).not.toBeNull();
    s = apply(s, { type: "release", actor: host, seat: 1 }, T0 + 95_000);
    expect(s.seats[1]).toMatchObject({ userId: null, roleIndex: role });
    s = apply(s, { type: "join", userId: D }, T0 + 100_000);
    expect(s.seats[1]).toMatchObject({ userId: D, roleIndex: role, connected: true });
    expect(s.pausedAt).toBeNull();
    expect(codeOf(() => decide(s, { type: "join", userId: "user-e" }, { now: T0 }))).toBe("GAME_STARTED");
  });

  it("pauses at once when a player leaves mid-game", () => {
    const s = apply(discussion(), { type: "leave", userId: C }, T0 + 7);
    expect(s.pausedAt).toBe(T0 + 7);
    expect(s.seats[2]!.userId).toBeNull();
  });

  it.each(["withdrew", "deleted"] as const)("frees the seat of a player who %s as a leave, saying why, and pauses", (reason) => {
    const d = decide(discussion(), { type: "leave", userId: A, reason }, { now: T0 + 7 });
    expect(d.effects).toEqual([{ type: "seatFreed", seat: 0, userId: A, reason, actorId: A }, { type: "paused" }]);
    expect(d.state.seats[0]).toMatchObject({ userId: null, connected: false });
    expect(d.state.hostId).toBe(B);
    expect(d.state.pausedAt).toBe(T0 + 7);
    expect(decide(discussion(), { type: "leave", userId: C }, { now: T0 }).effects[0]).toMatchObject({ type: "seatFreed", reason: "left" });
  });

  it("frees the seat and forgets the role when someone leaves the waiting room", () => {
    const s = apply(seated(), { type: "leave", userId: B });
    expect(s.seats[1]).toMatchObject({ userId: null, ready: false, roleIndex: null });
    expect(s.pausedAt).toBeNull();
  });
});

describe("who has answered", () => {
  it("follows the phase", () => {
    expect(answeredInPhase(apply(individual(), { type: "submitChoice", userId: B, round: 1, choice: 0, confidence: 1 }))).toEqual({ [A]: false, [B]: true, [C]: false });
    expect(answeredInPhase(apply(consensus(), { type: "proposeConsensus", userId: C, round: 1, choice: 0 }))).toEqual({ [A]: false, [B]: false, [C]: true });
    expect(answeredInPhase(apply(consensusReached(), { type: "consensusConfidence", userId: A, round: 1, confidence: 1 }))).toEqual({ [A]: true, [B]: false, [C]: false });
  });
});

describe("hosting", () => {
  it("passes to the lowest seat still taken when the host leaves, and the new host can act", () => {
    const s = apply(seated(), { type: "leave", userId: A });
    expect(s.hostId).toBe(B);
    // The old host no longer may release seats; the new one may.
    expect(codeOf(() => apply(s, { type: "release", actor: host, seat: 2 }))).toBe("NOT_ALLOWED");
    expect(apply(s, { type: "release", actor: { userId: B, canManage: false }, seat: 2 }).seats[2]!.userId).toBeNull();
  });

  it("passes on when the host's seat is released mid-game, and stays put when someone else leaves", () => {
    expect(apply(discussion(), { type: "release", actor: facilitator, seat: 0 }).hostId).toBe(B);
    expect(apply(seated(), { type: "leave", userId: C }).hostId).toBe(A);
  });

  it("is nobody's when the host was the last one seated", () => {
    const alone = apply(fresh(), { type: "join", userId: A });
    expect(apply(alone, { type: "leave", userId: A }).hostId).toBeNull();
  });
});
