import { describe, expect, it } from "vitest";
import { asksCheckIns, decide, GameRuleError, newGame, nextWakeUp, type Command, type Effect, type GameState, type RuleCode } from "@/lib/domain/game";

/**
 * Rooms that never end (issue 17, items 6 and 7): waiting-room seats of absent players, empty
 * waiting rooms, started rooms nobody is present in, and the check-in of a player silent
 * through a whole phase — with when the room wants waking for each.
 */

const T0 = 1_000_000;
const A = "user-a";
const B = "user-b";
const C = "user-c";
const D = "user-d";
const GRACE = 90_000;
const ABANDON = 600_000;
const CHECK_IN = 60_000;
const facilitator = { userId: "fac", canManage: true };

const run = (state: GameState, command: Command, now: number) => decide(state, command, { now });
const apply = (state: GameState, command: Command, now = T0) => run(state, command, now).state;
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

const fresh = () => newGame({ totalRounds: 2, optionCounts: [3, 2], hostId: A });
const joined = (...users: string[]) => applyAll(fresh(), users.map((userId) => ({ type: "join", userId }) as Command));
const seated = () => joined(A, B, C);
const rolesPhase = () => applyAll(seated(), [A, B, C].map((userId) => ({ type: "ready", userId, ready: true }) as Command));
const individual = () => applyAll(rolesPhase(), [A, B, C].map((userId) => ({ type: "confirmRole", userId }) as Command));
const discussion = () => applyAll(individual(), [A, B, C].map((userId, i) => ({ type: "submitChoice", userId, round: 1, choice: i % 2, confidence: 3 }) as Command));
const consensus = () => applyAll(discussion(), [A, B, C].map((userId) => ({ type: "endDiscussion", userId, round: 1 }) as Command));
const reveal = () => {
  const agreed = applyAll(consensus(), [A, B, C].map((userId) => ({ type: "proposeConsensus", userId, round: 1, choice: 1 }) as Command));
  return applyAll(agreed, [A, B, C].map((userId) => ({ type: "consensusConfidence", userId, round: 1, confidence: 4 }) as Command));
};
/** The last reveal: its timer ends the game. */
const lastReveal = () => {
  let s = applyAll(reveal(), [A, B, C].map((userId) => ({ type: "continue", userId, round: 1 }) as Command));
  s = applyAll(s, [A, B, C].map((userId) => ({ type: "submitChoice", userId, round: 2, choice: 0, confidence: 3 }) as Command));
  s = applyAll(s, [A, B, C].map((userId) => ({ type: "endDiscussion", userId, round: 2 }) as Command));
  s = applyAll(s, [A, B, C].map((userId) => ({ type: "proposeConsensus", userId, round: 2, choice: 0 }) as Command));
  return applyAll(s, [A, B, C].map((userId) => ({ type: "consensusConfidence", userId, round: 2, confidence: 4 }) as Command));
};
const disconnect = (s: GameState, userId: string, at: number) => apply(s, { type: "disconnect", userId }, at);
const tick = (s: GameState, at: number, spoke?: string[]) => run(s, spoke ? { type: "tick", spoke } : { type: "tick" }, at);
const ofType = <T extends Effect["type"]>(effects: Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

describe("a waiting room", () => {
  it.each([
    ["keeps the seat of a player away for less than the grace period", GRACE - 1, [A, B, C], "WAITING"],
    ["frees the seat of a player away for the grace period", GRACE, [A, null, C], "WAITING"],
    ["frees it however late the room is woken", GRACE * 10, [A, null, C], "WAITING"],
  ] as const)("%s", (_name, after, seats, phase) => {
    const s = disconnect(seated(), B, T0);
    const r = tick(s, T0 + after);
    expect(r.state.seats.map((x) => x.userId)).toEqual(seats);
    expect(r.state.phase).toBe(phase);
    if (seats[1] === null) {
      expect(ofType(r.effects, "seatFreed")).toEqual([{ type: "seatFreed", seat: 1, userId: B, reason: "absent", actorId: null }]);
      expect(r.state.seats[1]).toMatchObject({ ready: false, connected: false, disconnectedAt: null, roleIndex: null, checkInBy: null });
    }
  });

  it("hands hosting on when the absent player was the host", () => {
    const s = tick(disconnect(seated(), A, T0), T0 + GRACE).state;
    expect(s.seats[0]!.userId).toBeNull();
    expect(s.hostId).toBe(B);
  });

  it.each([
    ["its last player closed the tab", (s: GameState) => disconnect(s, A, T0), T0 + GRACE],
    ["its last player left", (s: GameState) => apply(s, { type: "leave", userId: A }, T0), T0 + GRACE],
    ["its last player's seat was released", (s: GameState) => apply(s, { type: "release", actor: facilitator, seat: 0 }, T0), T0 + GRACE],
  ] as const)("closes as ABANDONED once nobody has been in it for the grace period: %s", (_name, empty, closesAt) => {
    const s = empty(joined(A));
    expect(nextWakeUp(s)).toBe(closesAt);
    expect(tick(s, closesAt - 1).state.phase).toBe("WAITING");
    const r = tick(s, closesAt);
    expect(r.state.phase).toBe("ABANDONED");
    expect(r.state.seats.every((x) => x.userId === null)).toBe(true);
    expect(ofType(r.effects, "phaseChanged")).toEqual([{ type: "phaseChanged", from: "WAITING", to: "ABANDONED", round: 0, reason: "room_empty", actorId: null }]);
    expect(nextWakeUp(r.state)).toBeNull();
    expect(codeOf(() => run(r.state, { type: "join", userId: D }, closesAt + 1))).toBe("GAME_OVER");
  });

  it("stays open when someone sits down again before it closes", () => {
    let s = apply(joined(A), { type: "leave", userId: A }, T0);
    expect(s.vacantSince).toBe(T0);
    s = apply(s, { type: "join", userId: D }, T0 + 1000);
    expect(s.vacantSince).toBeNull();
    expect(tick(s, T0 + GRACE * 5).state.phase).toBe("WAITING");
  });

  it("stays open, waiting for its players, while nobody has entered it yet (a room opened ahead of a class)", () => {
    const s = fresh();
    expect(nextWakeUp(s)).toBeNull();
    const r = tick(s, T0 + 24 * 3600_000);
    expect(r.effects).toEqual([]);
    expect(r.state.phase).toBe("WAITING");
  });

  it("takes the grace period from the room's settings", () => {
    const s = disconnect(applyAll(newGame({ totalRounds: 1, optionCounts: [2], hostId: A, settings: { graceSeconds: 5 } }), [{ type: "join", userId: A }]), A, T0);
    expect(nextWakeUp(s)).toBe(T0 + 5000);
    expect(tick(s, T0 + 5000).state.phase).toBe("ABANDONED");
  });
});

describe("a started room nobody is present in", () => {
  const allAway = () => disconnect(disconnect(disconnect(discussion(), A, T0), B, T0 + 1000), C, T0 + 2000);

  it("pauses as before, then ends as ABANDONED once nobody has been present for abandonSeconds", () => {
    let s = allAway();
    expect(s.vacantSince).toBe(T0 + 2000);
    s = tick(s, T0 + GRACE).state;
    expect(s.pausedAt).toBe(T0 + GRACE);
    expect(nextWakeUp(s)).toBe(T0 + 2000 + ABANDON);
    expect(tick(s, T0 + 2000 + ABANDON - 1).state.phase).toBe("DISCUSSION");
    const r = tick(s, T0 + 2000 + ABANDON);
    expect(r.state).toMatchObject({ phase: "ABANDONED", deadline: null, pausedAt: null });
    expect(ofType(r.effects, "phaseChanged")).toEqual([{ type: "phaseChanged", from: "DISCUSSION", to: "ABANDONED", round: 1, reason: "nobody_present", actorId: null }]);
    expect(nextWakeUp(r.state)).toBeNull();
  });

  it.each([
    ["everyone closed the tab", allAway, T0 + 2000],
    ["everyone left", () => applyAll(discussion(), [A, B, C].map((userId) => ({ type: "leave", userId }) as Command), T0 + 5), T0 + 5],
    ["two left and the last one closed the tab", () => disconnect(applyAll(discussion(), [A, B].map((userId) => ({ type: "leave", userId }) as Command), T0), C, T0 + 3000), T0 + 3000],
    // A room left so by a version without this rule: nobody seated, nobody known to have left when.
    ["nobody is seated and the room never noted when it emptied", () => ({ ...applyAll(discussion(), [A, B, C].map((userId) => ({ type: "leave", userId }) as Command)), vacantSince: null }), T0 + 7000],
  ] as const)("counts the time from the moment nobody was left: %s", (_name, make, since) => {
    let s = make();
    s = tick(s, T0 + 7000).state;
    expect(s.vacantSince).toBe(since);
    expect(tick(s, since + ABANDON - 1).state.phase).toBe("DISCUSSION");
    expect(tick(s, since + ABANDON).state.phase).toBe("ABANDONED");
  });

  it("goes on when a player comes back before the timeout", () => {
    let s = tick(allAway(), T0 + GRACE).state;
    s = apply(s, { type: "reconnect", userId: B }, T0 + 100_000);
    expect(s.vacantSince).toBeNull();
    const r = tick(s, T0 + ABANDON * 3);
    expect(r.state.phase).toBe("DISCUSSION");
  });

  it("takes the timeout from the room's settings", () => {
    const base = newGame({ totalRounds: 1, optionCounts: [2], hostId: A, settings: { abandonSeconds: 30 } });
    let s = applyAll(base, [A, B, C].map((userId) => ({ type: "join", userId }) as Command));
    s = applyAll(s, [A, B, C].map((userId) => ({ type: "ready", userId, ready: true }) as Command));
    s = applyAll(s, [A, B, C].map((userId) => ({ type: "disconnect", userId }) as Command), T0);
    expect(tick(s, T0 + 30_000).state.phase).toBe("ABANDONED");
  });

  it("never touches a game that is over", () => {
    const over = apply(discussion(), { type: "abandon", actor: facilitator, reason: "done" }, T0);
    const s = applyAll(over, [A, B, C].map((userId) => ({ type: "disconnect", userId }) as Command), T0);
    expect(nextWakeUp(s)).toBeNull();
    expect(tick(s, T0 + ABANDON * 2).effects).toEqual([]);
  });
});

describe("check-in", () => {
  /** The individual phase at its timer's end: A answered, B and C did not. */
  const dueIndividual = () => apply(individual(), { type: "submitChoice", userId: A, round: 1, choice: 0, confidence: 3 });

  it.each([
    ["the ones who did nothing in it and were not heard", dueIndividual, [], [B, C]],
    ["nobody heard speaking or chatting", dueIndividual, [B, C], []],
    ["only the one not heard", dueIndividual, [B], [C]],
    ["nobody away (they are absent already)", () => disconnect(dueIndividual(), C, T0 + 119_000), [], [B]],
    ["nobody who confirmed their role", () => apply(rolesPhase(), { type: "confirmRole", userId: B }), [], [A, C]],
    ["nobody who voted to end the discussion", () => apply(discussion(), { type: "endDiscussion", userId: C, round: 1 }), [], [A, B]],
    ["nobody who backed an option", () => apply(consensus(), { type: "proposeConsensus", userId: A, round: 1, choice: 0 }), [], [B, C]],
    ["nobody ready for the next round", () => apply(reveal(), { type: "continue", userId: B, round: 1 }), [], [A, C]],
  ] as const)("when a phase's timer ends, asks %s", (_name, make, spoke, asked) => {
    const s = make();
    expect(asksCheckIns(s, s.deadline!)).toBe(true);
    expect(asksCheckIns(s, s.deadline! - 1)).toBe(false);
    const r = tick(s, s.deadline!, [...spoke]);
    expect(r.state.phase).not.toBe(s.phase);
    const by = s.deadline! + CHECK_IN;
    expect(r.state.seats.filter((x) => x.checkInBy !== null).map((x) => x.userId)).toEqual(asked);
    for (const seat of r.state.seats) if (asked.includes(seat.userId as never)) expect(seat.checkInBy).toBe(by);
    expect(ofType(r.effects, "checkIn").map((e) => [e.userId, e.status])).toEqual(asked.map((u) => [u, "asked"]));
  });

  it.each([
    ["the server did not say who was heard", dueIndividual, (s: GameState) => run(s, { type: "tick" }, s.deadline!)],
    ["check-in is off in the room", () => ({ ...dueIndividual(), settings: { ...dueIndividual().settings, checkInSeconds: 0 } }), (s: GameState) => run(s, { type: "tick", spoke: [] }, s.deadline!)],
    ["a facilitator skipped the phase", dueIndividual, (s: GameState) => run(s, { type: "advance", actor: facilitator, reason: "skip" }, T0 + 5)],
    ["the game ended with it", lastReveal, (s: GameState) => run(s, { type: "tick", spoke: [] }, s.deadline!)],
  ] as const)("asks nobody when %s", (_name, make, act) => {
    const s = make();
    const r = act(s);
    expect(r.state.phase).not.toBe(s.phase);
    expect(r.state.seats.every((x) => x.checkInBy === null)).toBe(true);
    expect(ofType(r.effects, "checkIn")).toEqual([]);
  });

  it("says when the server should look who was heard: a check-in room whose timer is due and not paused", () => {
    const s = dueIndividual();
    expect(asksCheckIns({ ...s, pausedAt: T0 }, s.deadline!)).toBe(false);
    expect(asksCheckIns({ ...s, settings: { ...s.settings, checkInSeconds: 0 } }, s.deadline!)).toBe(false);
    expect(asksCheckIns(seated(), T0 * 10)).toBe(false);
  });

  /** DISCUSSION with C asked at `at`. */
  const asked = () => {
    const s = dueIndividual();
    return { state: tick(s, s.deadline!, [B]).state, at: s.deadline!, by: s.deadline! + CHECK_IN };
  };

  it.each([
    ["I'm here", (s: GameState, at: number) => run(s, { type: "checkIn", userId: C }, at)],
    ["a move", (s: GameState, at: number) => run(s, { type: "endDiscussion", userId: C, round: 1 }, at)],
    ["a move after a dropped connection came back", (s: GameState, at: number) => run(apply(disconnect(s, C, at), { type: "reconnect", userId: C }, at + 1), { type: "endDiscussion", userId: C, round: 1 }, at + 2)],
  ] as const)("is answered by %s: present, never marked away for it", (_name, answer) => {
    const { state, at, by } = asked();
    expect(nextWakeUp(state)).toBe(by);
    const r = answer(state, at + 1000);
    expect(r.state.seats[2]).toMatchObject({ userId: C, connected: true, checkInBy: null });
    expect(nextWakeUp(r.state)).not.toBe(by);
    const later = tick(tick(r.state, by).state, by + GRACE).state;
    expect(later.seats[2]).toMatchObject({ connected: true, checkInBy: null });
    expect(later.pausedAt).toBeNull();
  });

  it("counts as absent when nobody answers: away from the deadline, paused after the grace period, back with I'm here", () => {
    const { state, by } = asked();
    expect(tick(state, by - 1).state.seats[2]!.connected).toBe(true);
    const missed = tick(state, by);
    expect(missed.state.seats[2]).toMatchObject({ userId: C, connected: false, disconnectedAt: by, checkInBy: by });
    expect(missed.effects).toEqual([
      { type: "checkIn", seat: 2, userId: C, status: "missed" },
      { type: "presenceChanged", seat: 2, userId: C, connected: false },
    ]);
    expect(nextWakeUp(missed.state)).toBe(Math.min(by + GRACE, missed.state.deadline!));
    const paused = tick(missed.state, by + GRACE).state;
    expect(paused.pausedAt).toBe(by + GRACE);
    // Asked again? No: an away player is not asked, and their question stays until answered.
    const back = run(paused, { type: "checkIn", userId: C }, by + GRACE + 5000);
    expect(back.state.seats[2]).toMatchObject({ connected: true, disconnectedAt: null, checkInBy: null });
    expect(back.state.pausedAt).toBeNull();
    expect(back.effects.map((e) => e.type)).toEqual(["checkIn", "presenceChanged", "resumed"]);
  });

  it("is neither answered nor dodged by a connection dropping and coming back", () => {
    const { state, at, by } = asked();
    // Back before the deadline: still asked, the countdown running on.
    const blip = apply(disconnect(state, C, at + 10), { type: "reconnect", userId: C }, at + 20);
    expect(blip.seats[2]).toMatchObject({ connected: true, checkInBy: by });
    expect(tick(blip, by).state.seats[2]).toMatchObject({ connected: false, disconnectedAt: by });
    // Back after it: still away until they answer.
    const late = apply(disconnect(state, C, at + 10), { type: "reconnect", userId: C }, by + 5);
    expect(late.seats[2]).toMatchObject({ connected: false, disconnectedAt: at + 10, checkInBy: by });
    const missed = tick(state, by).state;
    const again = apply(apply(missed, { type: "disconnect", userId: C }, by + 5), { type: "reconnect", userId: C }, by + 10);
    expect(again.seats[2]).toMatchObject({ connected: false, checkInBy: by });
    expect(apply(again, { type: "checkIn", userId: C }, by + 20).seats[2]).toMatchObject({ connected: true, checkInBy: null });
  });

  it("goes with the seat when it is freed", () => {
    const { state, at } = asked();
    const released = apply(state, { type: "release", actor: facilitator, seat: 2 }, at + 10);
    expect(released.seats[2]).toMatchObject({ userId: null, checkInBy: null });
    expect(apply(released, { type: "join", userId: D }, at + 20).seats[2]).toMatchObject({ userId: D, checkInBy: null, connected: true });
    expect(apply(state, { type: "leave", userId: C }, at + 10).seats[2]).toMatchObject({ userId: null, checkInBy: null });
  });

  it("is dropped when the game ends", () => {
    const { state, at } = asked();
    const over = apply(state, { type: "abandon", actor: facilitator, reason: "end" }, at + 10);
    expect(over.seats.every((x) => x.checkInBy === null)).toBe(true);
  });

  it("keeps the first deadline when a question is still open at the next phase's end", () => {
    const s = dueIndividual();
    const long = { ...s, settings: { ...s.settings, checkInSeconds: 1000 } };
    const first = tick(long, s.deadline!, [B]).state;
    const by = s.deadline! + 1_000_000;
    expect(first.seats[2]!.checkInBy).toBe(by);
    const next = tick(first, first.deadline!, []).state;
    expect(next.phase).toBe("CONSENSUS");
    expect(next.seats.map((x) => x.checkInBy)).toEqual([first.deadline! + 1_000_000, first.deadline! + 1_000_000, by]);
  });

  it.each([
    ["nobody asked: nothing changes", () => discussion(), C, "ok", 0],
    ["someone without a seat", () => asked().state, D, "NOT_SEATED", 0],
    ["a game that is over", () => apply(discussion(), { type: "abandon", actor: facilitator, reason: "x" }), A, "GAME_OVER", 0],
  ] as const)("I'm here from %s", (_name, make, userId, code, effects) => {
    const s = make();
    expect(codeOf(() => run(s, { type: "checkIn", userId }, T0 + 1))).toBe(code);
    if (code === "ok") expect(run(s, { type: "checkIn", userId }, T0 + 1).effects).toHaveLength(effects);
  });
});

describe("nextWakeUp: when the room wants waking", () => {
  const cases: [string, () => GameState, number | null][] = [
    ["a room nobody has entered", fresh, null],
    ["a waiting room with everyone present", seated, null],
    ["a waiting room with a player away", () => disconnect(seated(), B, T0 + 10), T0 + 10 + GRACE],
    ["a waiting room its last player left", () => apply(joined(A), { type: "leave", userId: A }, T0 + 20), T0 + 20 + GRACE],
    ["a phase with a timer", individual, T0 + 120_000],
    ["a phase with a player away", () => disconnect(discussion(), B, T0 + 30), T0 + 30 + GRACE],
    ["a paused room with someone present", () => tick(disconnect(discussion(), B, T0), T0 + GRACE).state, null],
    ["a paused room nobody is present in", () => tick(disconnect(disconnect(disconnect(discussion(), A, T0), B, T0), C, T0 + 40), T0 + GRACE).state, T0 + 40 + ABANDON],
    ["a player asked whether they are still there", () => tick(individual(), T0 + 120_000, []).state, T0 + 120_000 + CHECK_IN],
    ["a game over", () => apply(discussion(), { type: "abandon", actor: facilitator, reason: "x" }), null],
  ];

  it.each(cases)("%s", (_name, make, expected) => {
    expect(nextWakeUp(make())).toBe(expected);
  });

  // The sweeper wakes a room whose stored wake-up has come (room-timers.ts dueRooms): every
  // wake-up must change the room and move the next one on, or the room would be woken again and
  // again for nothing.
  it.each(cases.filter(([, , at]) => at !== null))("is acted on when it comes: %s", (_name, make) => {
    const s = make();
    const at = nextWakeUp(s)!;
    const r = decide(s, { type: "tick", spoke: [] }, { now: at });
    expect(r.effects.length).toBeGreaterThan(0);
    const next = nextWakeUp(r.state);
    expect(next === null || next > at).toBe(true);
  });
});
