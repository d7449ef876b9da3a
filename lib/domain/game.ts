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
  /** How long a started room may go with nobody present before it ends as abandoned. */
  abandonSeconds: number;
  /** How long a player silent through a whole phase has to answer "Are you still there?"; 0: never asked. */
  checkInSeconds: number;
}

export const DEFAULT_SETTINGS: RoomSettings = {
  rolesSeconds: 300,
  individualSeconds: 120,
  discussionSeconds: 300,
  consensusSeconds: 120,
  revealSeconds: 60,
  graceSeconds: 90,
  roleAssignment: "random",
  abandonSeconds: 600,
  checkInSeconds: 60,
};

export interface SeatState {
  seat: number;
  userId: string | null;
  roleIndex: number | null;
  ready: boolean;
  connected: boolean;
  /** When the player's last connection dropped (ms), null while connected. */
  disconnectedAt: number | null;
  /**
   * While the player is asked "Are you still there?": by when to answer (ms). Past it they count
   * as away — a new connection does not bring them back — until they answer or make a move.
   */
  checkInBy: number | null;
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
  /** Since when nobody seated has been present (ms); null while someone is, and in a room nobody has entered yet. */
  vacantSince: number | null;
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
  /** "I'm here": the answer to "Are you still there?". */
  | { type: "checkIn"; userId: string }
  /**
   * Time passed: fire an expired timer, pause for an absent seat, free a waiting room's seats of
   * absent players, end a room nobody is in. `spoke`: who was heard (speech, chat) during the
   * current phase, given when its timer is due (asksCheckIns) so that the silent can be asked.
   */
  | { type: "tick"; spoke?: string[] };

export type CommandType = Command["type"];

/** The phase-log reason of a phase a host or facilitator skipped to (`advance`), and how to tell one. */
export const advancedReason = (note: string) => `advanced: ${note}`;
export const isAdvancedReason = (reason: string) => reason.startsWith("advanced:");

export type Effect =
  | { type: "seatTaken"; seat: number; userId: string }
  | { type: "seatFreed"; seat: number; userId: string; reason: "left" | "released" | "withdrew" | "deleted" | "absent"; actorId: string | null }
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
  | { type: "resumed" }
  | { type: "checkIn"; seat: number; userId: string; status: "asked" | "answered" | "missed" }
  | { type: "vacancy"; since: number | null };

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
    vacantSince: null,
    hostId: opts.hostId,
    settings: { ...DEFAULT_SETTINGS, ...opts.settings },
    seats: Array.from({ length: SEAT_COUNT }, (_, seat) => ({ seat, userId: null, roleIndex: null, ready: false, connected: false, disconnectedAt: null, checkInBy: null })),
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
  const wasPresent = isAnyonePresent(input);
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
      // Counted away for not answering "Are you still there?": only an answer brings them back.
      if (!seat || seat.connected || hasMissedCheckIn(seat, now)) break;
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
    case "checkIn": {
      const seat = requireSeat(s, command.userId);
      if (isOver(s.phase)) fail("GAME_OVER", "The game is over.");
      if (seat.checkInBy !== null) answerCheckIn(d, seat);
      break;
    }
    case "tick": {
      if (isOver(s.phase)) break;
      expireCheckIns(d);
      noteVacancy(d, wasPresent);
      if (s.phase === "WAITING") {
        clearWaitingRoom(d);
        break;
      }
      if (abandonIfVacant(d)) break;
      checkAbsence(d);
      if (s.pausedAt === null && s.deadline !== null && now >= s.deadline) {
        const silent = silentThroughPhase(s, command.spoke);
        expirePhase(d, "timer", null);
        askCheckIns(d, silent);
      }
      break;
    }
  }
  afterCommand(d, command, wasPresent);
  return { state: s, effects: d.effects };
}

/**
 * When the next thing will happen on its own, in ms; null if never: a phase's timer, an absent
 * player's grace period (a started room pauses, a waiting room frees the seat), an unanswered
 * check-in, a room nobody is in closing. Every wake-up that comes changes the room and moves the
 * next one on. The database keeps it with the room (`Room.wakeAt`), which is how any instance
 * finds the rooms due (room-timers.ts).
 */
export function nextWakeUp(state: GameState): number | null {
  if (isOver(state.phase)) return null;
  const times: number[] = [];
  const graceMs = state.settings.graceSeconds * 1000;
  if (state.pausedAt === null && state.deadline !== null) times.push(state.deadline);
  const watchesAbsence = state.phase === "WAITING" || (isPlaying(state.phase) && state.pausedAt === null);
  for (const seat of state.seats) {
    if (seat.userId === null) continue;
    if (watchesAbsence && !seat.connected && seat.disconnectedAt !== null) times.push(seat.disconnectedAt + graceMs);
    if (seat.connected && seat.checkInBy !== null) times.push(seat.checkInBy);
  }
  if (state.vacantSince !== null) {
    if (isPlaying(state.phase)) times.push(state.vacantSince + state.settings.abandonSeconds * 1000);
    else if (state.seats.every((x) => x.userId === null)) times.push(state.vacantSince + graceMs);
  }
  return times.length ? Math.min(...times) : null;
}

// ── Rooms nobody is in, and players silent through a whole phase ─────────────────────────────

const isAnyonePresent = (state: GameState) => state.seats.some((x) => x.userId !== null && x.connected);

/**
 * Keeps `vacantSince`: null while someone seated is present; otherwise when the last one went —
 * the latest disconnection among the seated, or now when the last one left. A waiting room
 * nobody has entered yet keeps null (a facilitator may open rooms ahead of a class). A started
 * room with nobody seated that never noted the moment counts from now.
 */
function noteVacancy(d: Draft, wasPresent: boolean) {
  const s = d.state;
  if (isOver(s.phase)) return;
  let since = s.vacantSince;
  if (isAnyonePresent(s)) since = null;
  else if (since === null) {
    const away = s.seats.filter((x) => x.userId !== null).map((x) => x.disconnectedAt ?? d.now);
    since = away.length ? Math.max(...away) : wasPresent || isPlaying(s.phase) ? d.now : null;
  }
  if (since === s.vacantSince) return;
  s.vacantSince = since;
  d.emit({ type: "vacancy", since });
}

/**
 * A waiting room frees the seat of anyone away for the grace period, and closes (ABANDONED,
 * "room_empty") once nobody has been in it for the grace period.
 */
function clearWaitingRoom(d: Draft) {
  const s = d.state;
  const graceMs = s.settings.graceSeconds * 1000;
  for (const seat of s.seats) {
    if (seat.userId === null || seat.connected || seat.disconnectedAt === null || d.now - seat.disconnectedAt < graceMs) continue;
    const userId = seat.userId;
    Object.assign(seat, { userId: null, roleIndex: null, ready: false, connected: false, disconnectedAt: null, checkInBy: null });
    d.emit({ type: "seatFreed", seat: seat.seat, userId, reason: "absent", actorId: null });
    handOverHost(s, userId);
  }
  if (s.seats.every((x) => x.userId === null) && s.vacantSince !== null && d.now - s.vacantSince >= graceMs) d.enter("ABANDONED", "room_empty", null);
}

/** A started room nobody has been present in for `abandonSeconds` ends as ABANDONED ("nobody_present"). */
function abandonIfVacant(d: Draft): boolean {
  const s = d.state;
  if (!isPlaying(s.phase) || s.vacantSince === null || d.now - s.vacantSince < s.settings.abandonSeconds * 1000) return false;
  d.enter("ABANDONED", "nobody_present", null);
  return true;
}

/** Whether a player did what the current phase asks of them, or any move of it. */
function actedInPhase(s: GameState, userId: string): boolean {
  const c = s.current;
  switch (s.phase) {
    case "ROLES":
      return s.roleConfirmations.includes(userId);
    case "INDIVIDUAL":
      return (c.choices[userId]?.choice ?? null) !== null;
    case "DISCUSSION":
      return c.endVotes.includes(userId);
    case "CONSENSUS":
      return c.consensusVotes[userId] !== undefined || (c.consensusConfidences[userId] ?? null) !== null;
    case "REVEAL":
      return c.continueVotes.includes(userId);
    default:
      return true;
  }
}

/**
 * Whether a tick now ends the current phase on its timer in a room that asks for check-ins:
 * the server then says who was heard during the phase (the tick's `spoke`).
 */
export function asksCheckIns(state: GameState, now: number): boolean {
  return state.settings.checkInSeconds > 0 && isPlaying(state.phase) && state.pausedAt === null && state.deadline !== null && now >= state.deadline;
}

/** The present players who neither acted in the phase nor were heard in it (nobody when `spoke` is unknown). */
function silentThroughPhase(s: GameState, spoke: string[] | undefined): string[] {
  if (!spoke || s.settings.checkInSeconds <= 0) return [];
  return s.seats.filter((x) => x.userId !== null && x.connected && x.checkInBy === null && !spoke.includes(x.userId) && !actedInPhase(s, x.userId)).map((x) => x.userId!);
}

/** Asks each of `users` "Are you still there?", with `checkInSeconds` to answer (not once the game is over). */
function askCheckIns(d: Draft, users: string[]) {
  const s = d.state;
  if (!isPlaying(s.phase)) return;
  for (const userId of users) {
    const seat = seatOf(s, userId);
    if (!seat) continue;
    seat.checkInBy = d.now + s.settings.checkInSeconds * 1000;
    d.emit({ type: "checkIn", seat: seat.seat, userId, status: "asked" });
  }
}

/** An unanswered check-in makes its player away from its deadline on (then grace and pause, as for a dropped connection). */
function expireCheckIns(d: Draft) {
  for (const seat of d.state.seats) {
    if (seat.userId === null || !seat.connected || seat.checkInBy === null || d.now < seat.checkInBy) continue;
    seat.connected = false;
    seat.disconnectedAt = seat.checkInBy;
    d.emit({ type: "checkIn", seat: seat.seat, userId: seat.userId, status: "missed" });
    d.emit({ type: "presenceChanged", seat: seat.seat, userId: seat.userId, connected: false });
  }
}

/** Whether the player let "Are you still there?" go unanswered past its deadline. */
const hasMissedCheckIn = (seat: SeatState, now: number) => seat.checkInBy !== null && now >= seat.checkInBy;

/** The player is there: the question goes, and one counted away for not answering is present again. */
function answerCheckIn(d: Draft, seat: SeatState) {
  seat.checkInBy = null;
  d.emit({ type: "checkIn", seat: seat.seat, userId: seat.userId!, status: "answered" });
  if (seat.connected) return;
  seat.connected = true;
  seat.disconnectedAt = null;
  d.emit({ type: "presenceChanged", seat: seat.seat, userId: seat.userId!, connected: true });
  checkResume(d);
}

/** Commands that are no sign of the player being there: a connection coming or going says nothing of who sits at it. */
const NOT_AN_ANSWER: ReadonlySet<CommandType> = new Set(["tick", "checkIn", "join", "leave", "disconnect", "reconnect"]);

/**
 * After every command: a move of the player (or their managing the room) answers their
 * check-in, no question outlives its seat or the game, and `vacantSince` follows presence.
 */
function afterCommand(d: Draft, command: Command, wasPresent: boolean) {
  const s = d.state;
  if (!NOT_AN_ANSWER.has(command.type)) {
    const userId = "userId" in command ? command.userId : "actor" in command ? command.actor.userId : null;
    const seat = userId === null ? undefined : seatOf(s, userId);
    if (seat && seat.checkInBy !== null) answerCheckIn(d, seat);
  }
  for (const seat of s.seats) if (seat.checkInBy !== null && (seat.userId === null || isOver(s.phase))) seat.checkInBy = null;
  noteVacancy(d, wasPresent);
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
