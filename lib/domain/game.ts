/**
 * The game as pure functions: `decide(state, command, now)` answers the next state and the
 * effects to persist, or throws a GameRuleError naming the rule that refused the command.
 * No I/O, no clock reads, no randomness: time and random draws come in as arguments.
 */

export const PHASES = ["WAITING", "ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "REVEAL", "FINISHED", "ABANDONED"] as const;
export type Phase = (typeof PHASES)[number];

export const SEAT_COUNT = 3;
export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 5;

/** Phases in which the game is under way (seats are held, timers run). */
export const PLAYING_PHASES: readonly Phase[] = ["ROLES", "INDIVIDUAL", "DISCUSSION", "CONSENSUS", "REVEAL"];
export const isPlaying = (phase: Phase) => PLAYING_PHASES.includes(phase);
export const isOver = (phase: Phase) => phase === "FINISHED" || phase === "ABANDONED";

export interface RoomSettings {
  rolesSeconds: number;
  individualSeconds: number;
  discussionSeconds: number;
  consensusSeconds: number;
  revealSeconds: number;
  /** How long a disconnected player keeps the seat before the room pauses. */
  graceSeconds: number;
  /** "random": roles are dealt when all three are ready; "manual": the host deals them. */
  roleAssignment: "random" | "manual";
}

export const DEFAULT_SETTINGS: RoomSettings = {
  rolesSeconds: 300,
  individualSeconds: 120,
  discussionSeconds: 300,
  consensusSeconds: 120,
  revealSeconds: 60,
  graceSeconds: 90,
  roleAssignment: "random",
};

export interface SeatState {
  seat: number;
  userId: string | null;
  roleIndex: number | null;
  ready: boolean;
  connected: boolean;
  /** When the player's last connection dropped (ms), null while connected. */
  disconnectedAt: number | null;
}

export interface Answer {
  choice: number | null;
  confidence: number | null;
}

/** What has been said in the current round, keyed by user id. */
export interface RoundState {
  choices: Record<string, Answer>;
  endVotes: string[];
  /** Each player's current stance and when they took it (ms). */
  consensusVotes: Record<string, { choice: number; at: number }>;
  consensus: { choice: number | null; proposedBy: string | null } | null;
  consensusConfidences: Record<string, number | null>;
  continueVotes: string[];
}

export interface GameState {
  phase: Phase;
  /** 0 before the first round, then 1..totalRounds. */
  round: number;
  totalRounds: number;
  /** Number of options of each round (index = round - 1). */
  optionCounts: number[];
  /** When the current phase's timer ends (ms), null when there is none. */
  deadline: number | null;
  /** Set while the room waits for an absent or empty seat (ms). */
  pausedAt: number | null;
  hostId: string | null;
  settings: RoomSettings;
  seats: SeatState[];
  roleConfirmations: string[];
  current: RoundState;
}

export type Actor = { userId: string; canManage: boolean };

export type Command =
  | { type: "join"; userId: string }
  /** Gives up the seat: by choice, or (`reason`) because the person withdrew from the study or deleted their account. */
  | { type: "leave"; userId: string; reason?: "withdrew" | "deleted" }
  | { type: "ready"; userId: string; ready: boolean }
  | { type: "assignRoles"; actor: Actor; mode: "random" | "manual"; assignments?: { seat: number; roleIndex: number }[] }
  | { type: "confirmRole"; userId: string }
  | { type: "submitChoice"; userId: string; round: number; choice: number; confidence: number }
  | { type: "endDiscussion"; userId: string; round: number }
  | { type: "proposeConsensus"; userId: string; round: number; choice: number }
  | { type: "consensusConfidence"; userId: string; round: number; confidence: number }
  | { type: "continue"; userId: string; round: number }
  | { type: "disconnect"; userId: string }
  | { type: "reconnect"; userId: string }
  | { type: "release"; actor: Actor; seat: number }
  | { type: "advance"; actor: Actor; reason: string }
  | { type: "abandon"; actor: Actor; reason: string }
  /** Time passed: fire an expired timer, pause for an absent seat. */
  | { type: "tick" };

export type CommandType = Command["type"];

/** The phase-log reason of a phase a host or facilitator skipped to (`advance`), and how to tell one. */
export const advancedReason = (note: string) => `advanced: ${note}`;
export const isAdvancedReason = (reason: string) => reason.startsWith("advanced:");

export type Effect =
  | { type: "seatTaken"; seat: number; userId: string }
  | { type: "seatFreed"; seat: number; userId: string; reason: "left" | "released" | "withdrew" | "deleted"; actorId: string }
  | { type: "readyChanged"; seat: number; ready: boolean }
  | { type: "rolesAssigned"; assignments: { seat: number; roleIndex: number }[] }
  | { type: "acknowledged"; phase: Phase; round: number; userId: string }
  | { type: "choiceRecorded"; round: number; userId: string; seat: number; choice: number | null; confidence: number | null; missing: boolean }
  | { type: "consensusVoted"; round: number; userId: string; choice: number }
  | { type: "consensusReached"; round: number; choice: number | null; proposedBy: string | null; missing: boolean }
  | { type: "consensusConfidenceRecorded"; round: number; userId: string; confidence: number | null; missing: boolean }
  | { type: "phaseChanged"; from: Phase; to: Phase; round: number; reason: string; actorId: string | null }
  | { type: "presenceChanged"; seat: number; userId: string; connected: boolean }
  | { type: "paused" }
  | { type: "resumed" };

export type RuleCode =
  | "ROOM_FULL"
  | "GAME_STARTED"
  | "GAME_OVER"
  | "ALREADY_SEATED"
  | "NOT_SEATED"
  | "WRONG_PHASE"
  | "ROUND_MISMATCH"
  | "ALREADY_SUBMITTED"
  | "INVALID_CHOICE"
  | "INVALID_CONFIDENCE"
  | "NOT_ALLOWED"
  | "SEATS_NOT_FILLED"
  | "INVALID_ASSIGNMENT"
  | "PAUSED"
  | "SEAT_EMPTY"
  | "NO_CONSENSUS_YET"
  | "CONSENSUS_REACHED";

/** A command the rules refuse; `code` says which rule. */
export class GameRuleError extends Error {
  constructor(
    readonly code: RuleCode,
    message: string,
  ) {
    super(message);
    this.name = "GameRuleError";
  }
}

export interface Decision {
  state: GameState;
  effects: Effect[];
}

export function emptyRound(): RoundState {
  return { choices: {}, endVotes: [], consensusVotes: {}, consensus: null, consensusConfidences: {}, continueVotes: [] };
}

/** A new room's state. */
/**
 * When the host gives up their seat (leaves, is released, withdraws), hosting passes to the
 * player in the lowest seat still taken, so a room is never left without anyone who can deal
 * roles or move it on; with nobody seated the room has no host until a facilitator acts.
 */
export function handOverHost(s: GameState, leaving: string): void {
  if (s.hostId !== leaving) return;
  s.hostId = s.seats.find((x) => x.userId !== null && x.userId !== leaving)?.userId ?? null;
}

export function newGame(opts: { totalRounds: number; optionCounts: number[]; hostId: string | null; settings?: Partial<RoomSettings> }): GameState {
  return {
    phase: "WAITING",
    round: 0,
    totalRounds: opts.totalRounds,
    optionCounts: opts.optionCounts,
    deadline: null,
    pausedAt: null,
    hostId: opts.hostId,
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    seats: Array.from({ length: SEAT_COUNT }, (_, seat) => ({ seat, userId: null, roleIndex: null, ready: false, connected: false, disconnectedAt: null })),
    roleConfirmations: [],
    current: emptyRound(),
  };
}

const fail = (code: RuleCode, message: string): never => {
  throw new GameRuleError(code, message);
};

export function seatOf(state: GameState, userId: string): SeatState | undefined {
  return state.seats.find((s) => s.userId === userId);
}

const seatedUsers = (state: GameState) => state.seats.filter((s) => s.userId !== null).map((s) => s.userId!);
const allSeated = (state: GameState) => state.seats.every((s) => s.userId !== null);

function phaseSeconds(state: GameState, phase: Phase): number | null {
  const s = state.settings;
  switch (phase) {
    case "ROLES":
      return s.rolesSeconds;
    case "INDIVIDUAL":
      return s.individualSeconds;
    case "DISCUSSION":
      return s.discussionSeconds;
    case "CONSENSUS":
      return s.consensusSeconds;
    case "REVEAL":
      return s.revealSeconds;
    default:
      return null;
  }
}

/**
 * A working copy: decide() never mutates its input. Written out rather than structuredClone
 * (a command's largest cost in the domain, ~20 µs): every object and array is new, which a
 * unit test checks over the whole state, so a field added later cannot end up shared.
 */
function clone(state: GameState): GameState {
  const c = state.current;
  const copies = <T extends object>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, { ...v }]));
  return {
    ...state,
    optionCounts: [...state.optionCounts],
    settings: { ...state.settings },
    seats: state.seats.map((seat) => ({ ...seat })),
    roleConfirmations: [...state.roleConfirmations],
    current: {
      ...c,
      choices: copies(c.choices),
      endVotes: [...c.endVotes],
      consensusVotes: copies(c.consensusVotes),
      consensus: c.consensus && { ...c.consensus },
      consensusConfidences: { ...c.consensusConfidences },
      continueVotes: [...c.continueVotes],
    },
  };
}

/** What decide() needs from outside: the time, and a random permutation of 0..2 in case roles are dealt. */
export interface DecideContext {
  now: number;
  permutation?: number[];
}

class Draft {
  readonly effects: Effect[] = [];
  readonly now: number;
  readonly permutation: number[];
  constructor(
    readonly state: GameState,
    ctx: DecideContext,
  ) {
    this.now = ctx.now;
    this.permutation = ctx.permutation ?? [0, 1, 2];
    if (!isPermutation(this.permutation)) throw new Error("permutation must be a permutation of 0..2");
  }

  emit(effect: Effect) {
    this.effects.push(effect);
  }

  /** Moves to `to` (starting round `round`), setting its timer. */
  enter(to: Phase, reason: string, actorId: string | null, round = this.state.round) {
    const from = this.state.phase;
    const s = this.state;
    if (round !== s.round) {
      s.round = round;
      s.current = emptyRound();
    }
    s.phase = to;
    const seconds = phaseSeconds(s, to);
    s.deadline = seconds === null ? null : this.now + seconds * 1000;
    if (isOver(to)) s.pausedAt = null;
    this.emit({ type: "phaseChanged", from, to, round: s.round, reason, actorId });
  }
}

function requireSeat(state: GameState, userId: string): SeatState {
  return seatOf(state, userId) ?? fail("NOT_SEATED", "You do not have a seat in this room.");
}

function requirePhase(state: GameState, ...phases: Phase[]) {
  if (isOver(state.phase)) fail("GAME_OVER", "The game is over.");
  if (!phases.includes(state.phase)) fail("WRONG_PHASE", `Not possible now: the room is in ${state.phase.toLowerCase()}, not ${phases.map((p) => p.toLowerCase()).join(" or ")}.`);
}

function requireRound(state: GameState, round: number) {
  if (round !== state.round) fail("ROUND_MISMATCH", `Round ${round} is not the current round (${state.round}).`);
}

function requireRunning(state: GameState) {
  if (state.pausedAt !== null) fail("PAUSED", "The room is paused until every seat is filled again.");
}

function requireChoice(state: GameState, choice: number) {
  const options = state.optionCounts[state.round - 1] ?? 0;
  if (!Number.isInteger(choice) || choice < 0 || choice >= options) fail("INVALID_CHOICE", `Choose an option between 1 and ${options}.`);
}

function requireConfidence(confidence: number) {
  if (!Number.isInteger(confidence) || confidence < CONFIDENCE_MIN || confidence > CONFIDENCE_MAX) fail("INVALID_CONFIDENCE", `Confidence is a whole number from ${CONFIDENCE_MIN} to ${CONFIDENCE_MAX}.`);
}

/** Gives each seat its role and opens the ROLES phase. */
function dealRoles(d: Draft, assignments: { seat: number; roleIndex: number }[], actorId: string | null, reason: string) {
  for (const a of assignments) d.state.seats[a.seat]!.roleIndex = a.roleIndex;
  d.state.roleConfirmations = [];
  d.emit({ type: "rolesAssigned", assignments });
  d.enter("ROLES", reason, actorId);
}

function isPermutation(p: number[]): boolean {
  return p.length === SEAT_COUNT && [...p].sort().every((v, i) => v === i);
}

function randomAssignments(permutation: number[]) {
  return permutation.map((roleIndex, seat) => ({ seat, roleIndex }));
}

/** After an answer: move on once every seated player has given it. */
function advanceIfComplete(d: Draft) {
  const s = d.state;
  const users = seatedUsers(s);
  if (users.length < SEAT_COUNT) return;
  switch (s.phase) {
    case "ROLES":
      if (users.every((u) => s.roleConfirmations.includes(u))) d.enter("INDIVIDUAL", "all_confirmed", null, 1);
      break;
    case "INDIVIDUAL":
      if (users.every((u) => s.current.choices[u])) d.enter("DISCUSSION", "all_submitted", null);
      break;
    case "DISCUSSION":
      if (users.every((u) => s.current.endVotes.includes(u))) d.enter("CONSENSUS", "all_voted_to_end", null);
      break;
    case "CONSENSUS":
      if (s.current.consensus && users.every((u) => u in s.current.consensusConfidences)) d.enter("REVEAL", "all_submitted", null);
      break;
    case "REVEAL":
      if (users.every((u) => s.current.continueVotes.includes(u))) nextRound(d, "all_ready", null);
      break;
  }
}

function nextRound(d: Draft, reason: string, actorId: string | null) {
  const s = d.state;
  if (s.round >= s.totalRounds) d.enter("FINISHED", reason, actorId);
  else d.enter("INDIVIDUAL", reason, actorId, s.round + 1);
}

/**
 * Ends the current phase now (its timer ran out, or a facilitator advanced it), recording
 * every missing answer as missing — never inventing one.
 */
function expirePhase(d: Draft, reason: string, actorId: string | null) {
  const s = d.state;
  const seated = s.seats.filter((x) => x.userId !== null);
  switch (s.phase) {
    case "WAITING":
      if (!allSeated(s)) fail("SEATS_NOT_FILLED", "Three players are needed to start.");
      dealRoles(d, randomAssignments(d.permutation), actorId, reason);
      break;
    case "ROLES":
      d.enter("INDIVIDUAL", reason, actorId, 1);
      break;
    case "INDIVIDUAL":
      for (const seat of seated) {
        if (s.current.choices[seat.userId!]) continue;
        s.current.choices[seat.userId!] = { choice: null, confidence: null };
        d.emit({ type: "choiceRecorded", round: s.round, userId: seat.userId!, seat: seat.seat, choice: null, confidence: null, missing: true });
      }
      d.enter("DISCUSSION", reason, actorId);
      break;
    case "DISCUSSION":
      d.enter("CONSENSUS", reason, actorId);
      break;
    case "CONSENSUS":
      if (!s.current.consensus) {
        s.current.consensus = { choice: null, proposedBy: null };
        d.emit({ type: "consensusReached", round: s.round, choice: null, proposedBy: null, missing: true });
      }
      for (const seat of seated) {
        if (seat.userId! in s.current.consensusConfidences) continue;
        s.current.consensusConfidences[seat.userId!] = null;
        d.emit({ type: "consensusConfidenceRecorded", round: s.round, userId: seat.userId!, confidence: null, missing: true });
      }
      d.enter("REVEAL", reason, actorId);
      break;
    case "REVEAL":
      nextRound(d, reason, actorId);
      break;
    default:
      fail("GAME_OVER", "The game is over.");
  }
}

/** Pauses when a seat is empty or its player has been away longer than the grace period. */
function checkAbsence(d: Draft) {
  const s = d.state;
  if (!isPlaying(s.phase) || s.pausedAt !== null) return;
  const graceMs = s.settings.graceSeconds * 1000;
  const absent = s.seats.some((x) => x.userId === null || (!x.connected && x.disconnectedAt !== null && d.now - x.disconnectedAt >= graceMs));
  if (absent) {
    s.pausedAt = d.now;
    d.emit({ type: "paused" });
  }
}

/** Resumes a paused room once every seat is filled and connected, extending the timer by the pause. */
function checkResume(d: Draft) {
  const s = d.state;
  if (s.pausedAt === null) return;
  if (!s.seats.every((x) => x.userId !== null && x.connected)) return;
  if (s.deadline !== null) s.deadline += d.now - s.pausedAt;
  s.pausedAt = null;
  d.emit({ type: "resumed" });
}

/**
 * Applies one command. Returns the new state and the effects to persist, in order.
 * Throws GameRuleError when the rules refuse it (the state is then unchanged).
 */
export function decide(input: GameState, command: Command, ctx: DecideContext): Decision {
  const d = new Draft(clone(input), ctx);
  const now = ctx.now;
  const s = d.state;
  switch (command.type) {
    case "join": {
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      if (seatOf(s, command.userId)) fail("ALREADY_SEATED", "You already have a seat in this room.");
      const free = s.seats.find((x) => x.userId === null);
      if (!free) fail(s.phase === "WAITING" ? "ROOM_FULL" : "GAME_STARTED", s.phase === "WAITING" ? "The room is full." : "The game has started and every seat is taken.");
      free!.userId = command.userId;
      free!.ready = false;
      free!.connected = true;
      free!.disconnectedAt = null;
      d.emit({ type: "seatTaken", seat: free!.seat, userId: command.userId });
      checkResume(d);
      break;
    }
    case "leave": {
      const seat = requireSeat(s, command.userId);
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      seat.userId = null;
      seat.ready = false;
      seat.connected = false;
      seat.disconnectedAt = null;
      if (s.phase === "WAITING") seat.roleIndex = null;
      d.emit({ type: "seatFreed", seat: seat.seat, userId: command.userId, reason: command.reason ?? "left", actorId: command.userId });
      handOverHost(s, command.userId);
      checkAbsence(d);
      break;
    }
    case "ready": {
      const seat = requireSeat(s, command.userId);
      requirePhase(s, "WAITING");
      if (seat.ready !== command.ready) {
        seat.ready = command.ready;
        d.emit({ type: "readyChanged", seat: seat.seat, ready: command.ready });
      }
      if (s.settings.roleAssignment === "random" && allSeated(s) && s.seats.every((x) => x.ready)) {
        dealRoles(d, randomAssignments(d.permutation), null, "all_ready");
      }
      break;
    }
    case "assignRoles": {
      const { actor } = command;
      if (!actor.canManage && s.hostId !== actor.userId) fail("NOT_ALLOWED", "Only the host or a facilitator can deal roles.");
      requirePhase(s, "WAITING");
      if (!allSeated(s)) fail("SEATS_NOT_FILLED", "Three players are needed before roles are dealt.");
      let assignments: { seat: number; roleIndex: number }[];
      if (command.mode === "manual") {
        const a = command.assignments ?? [];
        const seatsOk = a.length === SEAT_COUNT && new Set(a.map((x) => x.seat)).size === SEAT_COUNT && a.every((x) => x.seat >= 0 && x.seat < SEAT_COUNT);
        const rolesOk = isPermutation(a.map((x) => x.roleIndex));
        if (!seatsOk || !rolesOk) fail("INVALID_ASSIGNMENT", "Give each of the three seats a different role.");
        assignments = [...a].sort((x, y) => x.seat - y.seat);
      } else {
        assignments = randomAssignments(d.permutation);
      }
      dealRoles(d, assignments, actor.userId, command.mode === "manual" ? "host_assigned" : "host_dealt");
      break;
    }
    case "confirmRole": {
      requireSeat(s, command.userId);
      requirePhase(s, "ROLES");
      requireRunning(s);
      if (s.roleConfirmations.includes(command.userId)) fail("ALREADY_SUBMITTED", "You have already confirmed your role.");
      s.roleConfirmations.push(command.userId);
      d.emit({ type: "acknowledged", phase: "ROLES", round: s.round, userId: command.userId });
      advanceIfComplete(d);
      break;
    }
    case "submitChoice": {
      const seat = requireSeat(s, command.userId);
      requirePhase(s, "INDIVIDUAL");
      requireRound(s, command.round);
      requireRunning(s);
      if (s.current.choices[command.userId]) fail("ALREADY_SUBMITTED", "You have already made your choice this round.");
      requireChoice(s, command.choice);
      requireConfidence(command.confidence);
      s.current.choices[command.userId] = { choice: command.choice, confidence: command.confidence };
      d.emit({ type: "choiceRecorded", round: s.round, userId: command.userId, seat: seat.seat, choice: command.choice, confidence: command.confidence, missing: false });
      advanceIfComplete(d);
      break;
    }
    case "endDiscussion": {
      requireSeat(s, command.userId);
      requirePhase(s, "DISCUSSION");
      requireRound(s, command.round);
      requireRunning(s);
      if (s.current.endVotes.includes(command.userId)) fail("ALREADY_SUBMITTED", "You have already voted to end the discussion.");
      s.current.endVotes.push(command.userId);
      d.emit({ type: "acknowledged", phase: "DISCUSSION", round: s.round, userId: command.userId });
      advanceIfComplete(d);
      break;
    }
    case "proposeConsensus": {
      requireSeat(s, command.userId);
      requirePhase(s, "CONSENSUS");
      requireRound(s, command.round);
      requireRunning(s);
      if (s.current.consensus) fail("CONSENSUS_REACHED", "The group has already agreed.");
      requireChoice(s, command.choice);
      if (s.current.consensusVotes[command.userId]?.choice === command.choice) fail("ALREADY_SUBMITTED", "You already support this option.");
      s.current.consensusVotes[command.userId] = { choice: command.choice, at: now };
      d.emit({ type: "consensusVoted", round: s.round, userId: command.userId, choice: command.choice });
      const users = seatedUsers(s);
      if (users.length === SEAT_COUNT && users.every((u) => s.current.consensusVotes[u]?.choice === command.choice)) {
        // The proposer is whoever has backed the agreed option the longest.
        const proposedBy = [...users].sort((a, b) => s.current.consensusVotes[a]!.at - s.current.consensusVotes[b]!.at)[0]!;
        s.current.consensus = { choice: command.choice, proposedBy };
        d.emit({ type: "consensusReached", round: s.round, choice: command.choice, proposedBy, missing: false });
      }
      break;
    }
    case "consensusConfidence": {
      requireSeat(s, command.userId);
      requirePhase(s, "CONSENSUS");
      requireRound(s, command.round);
      requireRunning(s);
      if (!s.current.consensus) fail("NO_CONSENSUS_YET", "The group has not agreed on an option yet.");
      if (command.userId in s.current.consensusConfidences) fail("ALREADY_SUBMITTED", "You have already rated the consensus.");
      requireConfidence(command.confidence);
      s.current.consensusConfidences[command.userId] = command.confidence;
      d.emit({ type: "consensusConfidenceRecorded", round: s.round, userId: command.userId, confidence: command.confidence, missing: false });
      advanceIfComplete(d);
      break;
    }
    case "continue": {
      requireSeat(s, command.userId);
      requirePhase(s, "REVEAL");
      requireRound(s, command.round);
      requireRunning(s);
      if (s.current.continueVotes.includes(command.userId)) fail("ALREADY_SUBMITTED", "You are already waiting for the next round.");
      s.current.continueVotes.push(command.userId);
      d.emit({ type: "acknowledged", phase: "REVEAL", round: s.round, userId: command.userId });
      advanceIfComplete(d);
      break;
    }
    case "disconnect": {
      const seat = seatOf(s, command.userId);
      if (!seat || !seat.connected) break;
      seat.connected = false;
      seat.disconnectedAt = now;
      d.emit({ type: "presenceChanged", seat: seat.seat, userId: command.userId, connected: false });
      break;
    }
    case "reconnect": {
      const seat = seatOf(s, command.userId);
      if (!seat || seat.connected) break;
      seat.connected = true;
      seat.disconnectedAt = null;
      d.emit({ type: "presenceChanged", seat: seat.seat, userId: command.userId, connected: true });
      checkResume(d);
      break;
    }
    case "release": {
      const { actor } = command;
      if (!actor.canManage && s.hostId !== actor.userId) fail("NOT_ALLOWED", "Only the host or a facilitator can release a seat.");
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      const seat = s.seats[command.seat];
      if (!seat || seat.userId === null) fail("SEAT_EMPTY", "That seat is already empty.");
      const userId = seat!.userId!;
      seat!.userId = null;
      seat!.ready = false;
      seat!.connected = false;
      seat!.disconnectedAt = null;
      if (s.phase === "WAITING") seat!.roleIndex = null;
      d.emit({ type: "seatFreed", seat: seat!.seat, userId, reason: "released", actorId: actor.userId });
      handOverHost(s, userId);
      checkAbsence(d);
      break;
    }
    case "advance": {
      const { actor } = command;
      if (!actor.canManage && s.hostId !== actor.userId) fail("NOT_ALLOWED", "Only the host or a facilitator can advance the room.");
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      const wasPaused = s.pausedAt !== null;
      expirePhase(d, advancedReason(command.reason), actor.userId);
      // Still waiting for an absent seat: the new phase's timer starts when the room resumes.
      if (wasPaused && !isOver(s.phase)) s.pausedAt = now;
      break;
    }
    case "abandon": {
      const { actor } = command;
      if (!actor.canManage && s.hostId !== actor.userId) fail("NOT_ALLOWED", "Only the host or a facilitator can end the room.");
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      d.enter("ABANDONED", command.reason, actor.userId);
      s.deadline = null;
      break;
    }
    case "tick": {
      if (isOver(s.phase)) break;
      checkAbsence(d);
      if (s.pausedAt === null && s.deadline !== null && now >= s.deadline) {
        expirePhase(d, "timer", null);
      }
      break;
    }
  }
  return { state: s, effects: d.effects };
}

/** When the next thing will happen on its own (timer end or grace expiry), in ms; null if never. */
export function nextWakeUp(state: GameState): number | null {
  if (isOver(state.phase)) return null;
  const times: number[] = [];
  if (state.pausedAt === null && state.deadline !== null) times.push(state.deadline);
  if (isPlaying(state.phase) && state.pausedAt === null) {
    for (const seat of state.seats) {
      if (seat.userId !== null && !seat.connected && seat.disconnectedAt !== null) times.push(seat.disconnectedAt + state.settings.graceSeconds * 1000);
    }
  }
  return times.length ? Math.min(...times) : null;
}

/** Who has answered in the current phase (for `choice-status` and the "waiting for" list). */
export function answeredInPhase(state: GameState): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const seat of state.seats) {
    if (!seat.userId) continue;
    const u = seat.userId;
    const c = state.current;
    out[u] =
      state.phase === "WAITING"
        ? seat.ready
        : state.phase === "ROLES"
          ? state.roleConfirmations.includes(u)
          : state.phase === "INDIVIDUAL"
            ? !!c.choices[u]
            : state.phase === "DISCUSSION"
              ? c.endVotes.includes(u)
              : state.phase === "CONSENSUS"
                ? c.consensus
                  ? u in c.consensusConfidences
                  : c.consensusVotes[u] !== undefined
                : state.phase === "REVEAL"
                  ? c.continueVotes.includes(u)
                  : true;
  }
  return out;
}
