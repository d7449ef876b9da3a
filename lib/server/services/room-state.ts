import { answeredInPhase, DEFAULT_SETTINGS, emptyRound, type Decision, type GameState, type Phase, type RoomSettings } from "@/lib/domain/game";
import { isRoundRevealed, type RoomSnapshot, type RoundResult } from "@/lib/domain/snapshot";
import { roomSettingsSchema } from "@/lib/validation/room";
import type { Tx } from "../db";
import type { Room } from "../db/generated/client";

/**
 * Reading a room's game state out of the database, writing a decision back, and building
 * the snapshot everyone sees. Only the room services call these, inside their transaction.
 */

/** Stored settings merged over the defaults; anything unreadable falls back to the default. */
export function readSettings(raw: unknown): RoomSettings {
  const parsed = roomSettingsSchema.safeParse(raw ?? {});
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** Locks the room row for the rest of the transaction; null when there is no such room. */
export async function lockRoom(tx: Tx, code: string): Promise<Room | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Room" WHERE "code" = ${code} FOR UPDATE`;
  if (!rows.length) return null;
  return tx.room.findUnique({ where: { id: rows[0]!.id } });
}

/** The game state of a room: seats, and everything said in the current round. */
export async function loadGame(tx: Tx, room: Room): Promise<GameState> {
  const [seats, rounds, acks, choices, votes, consensus, confidences] = await Promise.all([
    tx.seat.findMany({ where: { roomId: room.id }, orderBy: { seat: "asc" } }),
    tx.scenarioRound.findMany({ where: { scenarioId: room.scenarioId }, orderBy: { number: "asc" }, select: { number: true, _count: { select: { options: true } } } }),
    tx.phaseAck.findMany({ where: { roomId: room.id, round: room.round } }),
    tx.choice.findMany({ where: { roomId: room.id, round: room.round } }),
    tx.consensusVote.findMany({ where: { roomId: room.id, round: room.round } }),
    tx.consensus.findUnique({ where: { roomId_round: { roomId: room.id, round: room.round } } }),
    tx.consensusConfidence.findMany({ where: { roomId: room.id, round: room.round } }),
  ]);
  const current = emptyRound();
  for (const c of choices) current.choices[c.userId] = { choice: c.choice, confidence: c.confidence };
  for (const v of votes) current.consensusVotes[v.userId] = { choice: v.choice, at: v.updatedAt.getTime() };
  if (consensus) current.consensus = { choice: consensus.choice, proposedBy: consensus.proposedById };
  for (const c of confidences) current.consensusConfidences[c.userId] = c.confidence;
  const acked = (phase: Phase) => acks.filter((a) => a.phase === phase).map((a) => a.userId);
  current.endVotes = acked("DISCUSSION");
  current.continueVotes = acked("REVEAL");
  return {
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    optionCounts: rounds.map((r) => r._count.options),
    deadline: ms(room.deadline),
    pausedAt: ms(room.pausedAt),
    hostId: room.hostId,
    settings: readSettings(room.settings),
    seats: seats.map((s) => ({ seat: s.seat, userId: s.userId, roleIndex: s.roleIndex, ready: s.ready, connected: s.connected, disconnectedAt: ms(s.disconnectedAt) })),
    roleConfirmations: room.round === 0 ? acked("ROLES") : [],
    current,
  };
}

export class VersionConflict extends Error {
  constructor() {
    super("The room changed while this command was being applied.");
    this.name = "VersionConflict";
  }
}

/**
 * Writes a decision: the rows its effects add, the seats and the room row as the new state has
 * them, and the room's version raised by one (checked against the version read).
 */
export async function persistDecision(tx: Tx, room: Room, before: GameState, decision: Decision, now: Date): Promise<number> {
  const { state, effects } = decision;
  const roomId = room.id;
  for (const e of effects) {
    switch (e.type) {
      case "acknowledged":
        await tx.phaseAck.create({ data: { roomId, round: e.round, phase: e.phase, userId: e.userId } });
        break;
      case "choiceRecorded":
        await tx.choice.create({ data: { roomId, round: e.round, userId: e.userId, seat: e.seat, choice: e.choice, confidence: e.confidence, isMissing: e.missing, submittedAt: now } });
        break;
      case "consensusVoted":
        await tx.consensusVote.upsert({
          where: { roomId_round_userId: { roomId, round: e.round, userId: e.userId } },
          create: { roomId, round: e.round, userId: e.userId, choice: e.choice },
          update: { choice: e.choice, changes: { increment: 1 } },
        });
        break;
      case "consensusReached":
        await tx.consensus.create({ data: { roomId, round: e.round, choice: e.choice, proposedById: e.proposedBy, isMissing: e.missing, reachedAt: now } });
        break;
      case "consensusConfidenceRecorded":
        await tx.consensusConfidence.create({ data: { roomId, round: e.round, userId: e.userId, confidence: e.confidence, isMissing: e.missing, submittedAt: now } });
        break;
      case "seatFreed":
        // Recorded in the phase log as an event (entered and left at once), with who did it;
        // the open phase entry stays open.
        if (before.phase !== "WAITING") {
          await tx.phaseLog.create({ data: { roomId, phase: before.phase, round: before.round, reason: `seat_${e.reason}:${e.seat}`, actorId: e.actorId, enteredAt: now, leftAt: now } });
        }
        break;
      case "phaseChanged":
        await tx.phaseLog.updateMany({ where: { roomId, leftAt: null }, data: { leftAt: now } });
        await tx.phaseLog.create({ data: { roomId, phase: e.to, round: e.round, reason: e.reason, actorId: e.actorId, enteredAt: now } });
        if (e.to === "ROLES") await tx.phaseAck.deleteMany({ where: { roomId, phase: "ROLES" } });
        break;
      default:
        break;
    }
  }
  for (const seat of state.seats) {
    const old = before.seats[seat.seat]!;
    if (JSON.stringify(old) === JSON.stringify(seat)) continue;
    await tx.seat.update({
      where: { roomId_seat: { roomId, seat: seat.seat } },
      data: {
        userId: seat.userId,
        roleIndex: seat.roleIndex,
        ready: seat.ready,
        connected: seat.connected,
        disconnectedAt: seat.disconnectedAt === null ? null : new Date(seat.disconnectedAt),
        ...(old.userId !== seat.userId && seat.userId !== null && { joinedAt: now, isWithdrawn: false }),
      },
    });
  }
  const started = before.phase === "WAITING" && state.phase !== "WAITING";
  const ended = (state.phase === "FINISHED" || state.phase === "ABANDONED") && before.phase !== state.phase;
  const updated = await tx.room.updateMany({
    where: { id: roomId, version: room.version },
    data: {
      phase: state.phase,
      round: state.round,
      deadline: state.deadline === null ? null : new Date(state.deadline),
      pausedAt: state.pausedAt === null ? null : new Date(state.pausedAt),
      hostId: state.hostId,
      version: { increment: 1 },
      ...(started && { startedAt: now }),
      ...(ended && { finishedAt: now }),
    },
  });
  if (updated.count !== 1) throw new VersionConflict();
  return room.version + 1;
}

/** The snapshot of a room as everyone in it may see it. */
export async function buildSnapshot(tx: Tx, roomId: string, now = new Date()): Promise<RoomSnapshot> {
  const room = await tx.room.findUniqueOrThrow({
    where: { id: roomId },
    include: {
      scenario: {
        include: { roles: { orderBy: { position: "asc" } }, rounds: { orderBy: { number: "asc" }, include: { options: { orderBy: { index: "asc" } } } } },
      },
      seats: { orderBy: { seat: "asc" }, include: { user: { select: { nickname: true } } } },
    },
  });
  const state = await loadGame(tx, room);
  const answered = answeredInPhase(state);
  const openPhase = await tx.phaseLog.findFirst({ where: { roomId, leftAt: null }, orderBy: { enteredAt: "desc" }, select: { enteredAt: true } });
  const roles = room.scenario.roles;
  const nicknames = new Map<string, string>();
  for (const s of room.seats) if (s.userId && s.user) nicknames.set(s.userId, s.user.nickname);

  const revealedRounds = room.scenario.rounds.filter((r) => isRoundRevealed(r.number, room));
  const results: RoundResult[] = [];
  if (revealedRounds.length) {
    const numbers = revealedRounds.map((r) => r.number);
    const [choices, consensuses, confidences] = await Promise.all([
      tx.choice.findMany({ where: { roomId, round: { in: numbers } }, include: { user: { select: { nickname: true } } } }),
      tx.consensus.findMany({ where: { roomId, round: { in: numbers } } }),
      tx.consensusConfidence.findMany({ where: { roomId, round: { in: numbers } } }),
    ]);
    for (const r of revealedRounds) {
      results.push({
        round: r.number,
        question: r.question,
        options: r.options.map((o) => ({ index: o.index, label: o.label })),
        choices: choices
          .filter((c) => c.round === r.number)
          .sort((a, b) => a.seat - b.seat)
          .map((c) => ({ userId: c.userId, seat: c.seat, nickname: c.user.nickname, choice: c.choice, confidence: c.confidence })),
        consensus: consensuses.find((c) => c.round === r.number)?.choice ?? null,
        consensusConfidences: confidences.filter((c) => c.round === r.number).map((c) => ({ userId: c.userId, confidence: c.confidence })),
      });
    }
  }

  const question = room.round > 0 ? room.scenario.rounds.find((r) => r.number === room.round) : undefined;
  const paused = room.pausedAt !== null;
  return {
    code: room.code,
    version: room.version,
    phase: room.phase,
    round: room.round,
    totalRounds: room.totalRounds,
    deadline: room.deadline && !paused ? room.deadline.toISOString() : null,
    remainingMs: room.deadline && paused ? Math.max(0, room.deadline.getTime() - room.pausedAt!.getTime()) : null,
    pausedAt: room.pausedAt?.toISOString() ?? null,
    phaseStartedAt: openPhase?.enteredAt.toISOString() ?? null,
    serverTime: now.toISOString(),
    title: room.title,
    visibility: room.visibility === "PUBLIC" ? "public" : "private",
    isResearch: room.isResearch,
    hostId: room.hostId,
    createdById: room.createdById,
    settings: state.settings,
    scenario: {
      id: room.scenario.id,
      title: room.scenario.title,
      summary: room.scenario.summary,
      opening: room.scenario.opening,
      locale: room.scenario.locale,
      roles: roles.map((r) => ({ position: r.position, name: r.name, brief: r.brief })),
      currentQuestion: question
        ? { number: question.number, question: question.question, options: question.options.map((o) => ({ index: o.index, label: o.label, description: o.description })) }
        : null,
    },
    seats: room.seats.map((s) => {
      const role = s.roleIndex === null || room.phase === "WAITING" ? null : roles.find((r) => r.position === s.roleIndex);
      return {
        seat: s.seat,
        userId: s.userId,
        nickname: s.userId ? (nicknames.get(s.userId) ?? null) : null,
        role: role ? { position: role.position, name: role.name } : null,
        ready: s.ready,
        connected: s.connected,
        submitted: s.userId ? (answered[s.userId] ?? false) : false,
        isHost: !!s.userId && s.userId === room.hostId,
        isWithdrawn: s.isWithdrawn,
      };
    }),
    consensus:
      room.phase === "CONSENSUS"
        ? {
            votes: Object.entries(state.current.consensusVotes).map(([userId, v]) => ({ userId, choice: v.choice })),
            reached: state.current.consensus,
            rated: Object.keys(state.current.consensusConfidences),
          }
        : null,
    results,
  };
}
