import type { Socket } from "socket.io";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { roomChannel, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from "@/lib/realtime-events";
import { roomRefSchema, roomSubscribeSchema } from "@/lib/validation/realtime";
import type { SessionUser } from "../../auth/session";
import { db } from "../../db";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { findVisibleRoom, roomViewFor } from "../../services/get-room";
import { canManageRoom } from "../../services/room-access";
import { currentHeldRoom, readSnapshot } from "../../services/room-command";
import { setPresence } from "../../services/set-presence";
import { io } from "../emitter";
import { placeSocket } from "../membership";
import { withAck } from "../with-ack";

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The socket's user as the database has it now; the socket is closed if the user is gone. */
export async function socketUser(socket: HubSocket): Promise<SessionUser> {
  const user = await db().user.findUnique({ where: { id: socket.data.userId } });
  if (!user) {
    socket.disconnect(true);
    throw new AppError("UNAUTHORIZED");
  }
  return user;
}

/** How long a socket's user, once read, serves its next moves and subscriptions. */
const USER_TTL_MS = 30_000;
const users = new WeakMap<HubSocket, { user: SessionUser; until: number }>();

/**
 * The socket's user, read at most every 30 s. What a move or a subscription needs of the user
 * is their id and role, and a change of role, a sign-out or a deletion revokes the user's
 * sessions, which closes their sockets on every instance; so one read serves the socket's
 * events for a while (one statement less per move).
 */
export async function cachedSocketUser(socket: HubSocket): Promise<SessionUser> {
  const hit = users.get(socket);
  if (hit && hit.until > Date.now()) return hit.user;
  return freshSocketUser(socket);
}

/**
 * The socket's user read now, and kept for its next events: for taking a seat, which needs the
 * consent the user may have given a moment ago (and shows their nickname).
 */
export async function freshSocketUser(socket: HubSocket): Promise<SessionUser> {
  const user = await socketUser(socket);
  users.set(socket, { user, until: Date.now() + USER_TTL_MS });
  return user;
}

/** Codes of the rooms this socket is subscribed to as a member. */
export function subscribedRooms(socket: HubSocket): string[] {
  return [...socket.rooms].filter((r) => r.startsWith("room:")).map((r) => r.slice("room:".length));
}

/**
 * Whether the user still has another socket in the room (on any instance). Should the other
 * instances not answer (Redis down), this instance's sockets are all there is to go by.
 */
async function hasOtherSocket(code: string, userId: string, exceptId: string): Promise<boolean> {
  const server = io();
  const sockets = (await server?.in(roomChannel(code)).fetchSockets().catch(() => server.local.in(roomChannel(code)).fetchSockets())) ?? [];
  return sockets.some((s) => s.data.userId === userId && s.id !== exceptId);
}

async function isSeated(code: string, userId: string): Promise<boolean> {
  return (await db().seat.count({ where: { userId, room: { code } } })) > 0;
}

/** Rooms in which a socket's user was found seated since it last subscribed (chat:typing asks). */
const seatedRooms = new WeakMap<HubSocket, Set<string>>();

/**
 * Whether this socket may speak in room `code` (chat:typing): it follows the room as a member,
 * and its user sits in it. Leaving the seat takes the socket out of the room's channels, so a
 * seat found once holds while the socket stays in them.
 */
export async function isSeatedMember(socket: HubSocket, code: string): Promise<boolean> {
  if (!socket.rooms.has(roomChannel(code))) return false;
  const known = seatedRooms.get(socket) ?? new Set<string>();
  seatedRooms.set(socket, known);
  if (known.has(code)) return true;
  if (!(await isSeated(code, socket.data.userId)) || !socket.rooms.has(roomChannel(code))) return false;
  known.add(code);
  return true;
}

/**
 * Follows room `code` on this socket as `user` may (roomViewFor): a seated player or a manager
 * as a member (the whole room: states, chat, presence, typing), anyone else while a seat is free
 * as a viewer (lobby views of its states, nothing else); NOT_FOUND otherwise. The socket joins
 * its channels first and the room is read after, so that a change of seats in between (here or
 * on another instance) either shows in that read or moves this socket when it is applied.
 * Answers the room as the user may see it.
 */
async function follow(socket: HubSocket, code: string, user: SessionUser, lean: boolean): Promise<RoomSnapshot> {
  seatedRooms.get(socket)?.delete(code);
  // A player seated in a room whose state this instance holds, still the stored version, needs
  // no read of the room; anyone else is checked against the stored room (findVisibleRoom).
  const held = await currentHeldRoom(code);
  const room = held?.seats.some((s) => s.userId === user.id)
    ? { id: held.room.id, isSeated: true, isMember: true }
    : await visibleRoom(code, user).catch(async (e: unknown) => {
        // Not there for this user (any more): neither is anything this socket followed of it.
        await placeSocket(socket, code, user.id, null, false);
        throw e;
      });
  if (room.isMember) {
    await placeSocket(socket, code, user.id, "member", lean);
    // A player is present again; recording it answers the room as it is now.
    const snapshot = room.isSeated ? await setPresence(code, user.id, true) : await readSnapshot(room.id);
    if (roomViewFor(user, snapshot)?.kind === "member") return snapshot;
    // The seat went meanwhile: see the room as anyone else.
  }
  await placeSocket(socket, code, user.id, "viewer", lean);
  const snapshot = await readSnapshot(room.id);
  const view = roomViewFor(user, snapshot);
  if (!view) {
    await placeSocket(socket, code, user.id, null, false);
    throw new AppError("NOT_FOUND", "No room with that code.");
  }
  // Seated meanwhile (elsewhere): a member after all.
  if (view.kind === "member") await placeSocket(socket, code, user.id, "member", lean);
  return view.snapshot;
}

async function visibleRoom(code: string, user: SessionUser): Promise<{ id: string; isSeated: boolean; isMember: boolean }> {
  const room = await findVisibleRoom(code, user);
  const isSeated = room.seats.some((s) => s.userId === user.id);
  return { id: room.id, isSeated, isMember: isSeated || canManageRoom(user, room) };
}

/** room:subscribe / room:unsubscribe: follow a room's state; a seated player's presence follows their sockets. */
export function registerRoomHandlers(socket: HubSocket): void {
  // A recovered connection is back in its rooms without subscribing again: it is present again.
  if (socket.recovered) {
    for (const code of subscribedRooms(socket)) {
      void isSeated(code, socket.data.userId)
        .then((seated) => (seated ? setPresence(code, socket.data.userId, true) : undefined))
        .catch((err) => logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not record a recovered connection"));
    }
  }
  socket.on(
    "room:subscribe",
    withAck("room:subscribe", roomSubscribeSchema, async ({ code, lean }) => follow(socket, code, await cachedSocketUser(socket), lean ?? false) as never),
  );
  socket.on(
    "room:unsubscribe",
    withAck("room:unsubscribe", roomRefSchema, async ({ code }) => {
      const wasMember = socket.rooms.has(roomChannel(code));
      await placeSocket(socket, code, socket.data.userId, null, false);
      seatedRooms.get(socket)?.delete(code);
      if (wasMember && (await isSeated(code, socket.data.userId)) && !(await hasOtherSocket(code, socket.data.userId, socket.id))) await setPresence(code, socket.data.userId, false);
      return null;
    }),
  );
  socket.on("disconnecting", () => {
    const codes = subscribedRooms(socket);
    const userId = socket.data.userId;
    void (async () => {
      for (const code of codes) {
        try {
          // By now (after an await) this socket has left its rooms; any socket of the user still
          // there — another tab, or this one recovered — keeps the player present.
          if ((await isSeated(code, userId)) && !(await hasOtherSocket(code, userId, ""))) await setPresence(code, userId, false);
        } catch (err) {
          logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not record a disconnect");
        }
      }
    })();
  });
}
