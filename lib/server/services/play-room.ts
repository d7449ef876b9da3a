import { isOver, type Command } from "@/lib/domain/game";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { SessionUser } from "../auth/session";
import { AppError } from "../errors";
import { runRoomCommand } from "./room-command";
import { canManageRoom, isRoomMember } from "./room-access";
import { outsiderLookup } from "./outsider-lookup";

/**
 * The moves of the game, one function each. Each runs as one room command: locked,
 * decided by lib/domain, written with a version check, then broadcast. Rule violations
 * come back as 4xx AppErrors (WRONG_PHASE, ALREADY_SUBMITTED, ROUND_MISMATCH…).
 */

type Options = { opId?: string };
type Ctx = Parameters<Parameters<typeof runRoomCommand>[2]>[0];

/**
 * Runs a move for `user`. Someone neither seated nor managing the room gets NOT_SEATED while
 * a public room has a free seat (they may see it in the lobby and join it), and otherwise
 * NOT_FOUND, the same answer as for a room that does not exist: a private room's existence
 * is told to an outsider only by the look-ups that count (outsiderLookup).
 */
async function run(code: string, user: SessionUser, scope: string, opts: Options, command: Command | ((ctx: Ctx) => Command), allowOutsider = false) {
  const result = await runRoomCommand(code, { userId: user.id, opId: opts.opId, scope: `${scope} ${code}`, asker: { id: user.id, nickname: user.nickname, voiceConsent: user.voiceConsent } }, (ctx) => {
    const isMember = ctx.state.seats.some((s) => s.userId === user.id) || canManageRoom(user, ctx.room);
    if (!isMember && !allowOutsider) {
      const joinable = ctx.room.visibility === "PUBLIC" && ctx.state.seats.some((s) => s.userId === null) && !isOver(ctx.state.phase);
      throw joinable ? new AppError("NOT_SEATED") : new AppError("NOT_FOUND", "No room with that code.");
    }
    return typeof command === "function" ? command(ctx) : command;
  });
  return result.snapshot;
}

/**
 * Takes a free seat (consent first, in research rooms). A look-up of the code (outsiderLookup:
 * limited per user and address for codes that lead nowhere; the room's own players and
 * managers are never held back).
 */
export async function joinRoom(code: string, user: SessionUser): Promise<RoomSnapshot> {
  const join = () =>
    run(code, user, "join", {}, ({ room, state }) => {
      if (room.isResearch && !user.dataConsent && !state.seats.some((s) => s.userId === user.id)) throw new AppError("CONSENT_REQUIRED");
      return { type: "join", userId: user.id };
    }, true);
  return outsiderLookup(user, join, () => isRoomMember(code, user));
}

export const leaveRoom = (code: string, user: SessionUser) => run(code, user, "leave", {}, { type: "leave", userId: user.id });

export const setReady = (code: string, user: SessionUser, ready: boolean) => run(code, user, "ready", {}, { type: "ready", userId: user.id, ready });

export const assignRoles = (code: string, user: SessionUser, mode: "random" | "manual", assignments?: { seat: number; roleIndex: number }[]) =>
  run(code, user, "roles", {}, ({ room }) => ({ type: "assignRoles", actor: { userId: user.id, canManage: canManageRoom(user, room) }, mode, assignments }));

export const confirmRole = (code: string, user: SessionUser) => run(code, user, "confirm-role", {}, { type: "confirmRole", userId: user.id });

export const submitChoice = (code: string, user: SessionUser, round: number, choice: number, confidence: number, opts: Options = {}) =>
  run(code, user, `choice ${round}`, opts, { type: "submitChoice", userId: user.id, round, choice, confidence });

export const endDiscussion = (code: string, user: SessionUser, round: number, opts: Options = {}) =>
  run(code, user, `discussion-end ${round}`, opts, { type: "endDiscussion", userId: user.id, round });

export const proposeConsensus = (code: string, user: SessionUser, round: number, choice: number, opts: Options = {}) =>
  run(code, user, `consensus ${round} ${choice}`, opts, { type: "proposeConsensus", userId: user.id, round, choice });

export const submitConsensusConfidence = (code: string, user: SessionUser, round: number, confidence: number, opts: Options = {}) =>
  run(code, user, `consensus-confidence ${round}`, opts, { type: "consensusConfidence", userId: user.id, round, confidence });

export const continueRound = (code: string, user: SessionUser, round: number, opts: Options = {}) =>
  run(code, user, `continue ${round}`, opts, { type: "continue", userId: user.id, round });

/** Host or managing facilitator: end the current phase now (or, with `end`, the whole room). */
export const advanceRoom = (code: string, user: SessionUser, reason: string, end: boolean, opts: Options = {}) =>
  run(code, user, end ? "abandon" : "advance", opts, ({ room }) => {
    const actor = { userId: user.id, canManage: canManageRoom(user, room) };
    return end ? { type: "abandon", actor, reason } : { type: "advance", actor, reason };
  });

/** "I'm here": answers "Are you still there?" (present again if counted away for not answering); nothing asked, nothing changes. */
export const checkIn = (code: string, user: SessionUser) => run(code, user, "check-in", {}, { type: "checkIn", userId: user.id });

/** Host or managing facilitator: free a seat so a newcomer can take it. */
export const releaseSeat = (code: string, user: SessionUser, seat: number) =>
  run(code, user, `release ${seat}`, {}, ({ room }) => ({ type: "release", actor: { userId: user.id, canManage: canManageRoom(user, room) }, seat }));
