import type { Socket } from "socket.io";
import { roomChannel, roomLeanChannel, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from "@/lib/realtime-events";
import { roomRefSchema, roomSubscribeSchema } from "@/lib/validation/realtime";
import type { SessionUser } from "../../auth/session";
import { db } from "../../db";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { findVisibleRoom } from "../../services/get-room";
import { currentHeldRoom, readSnapshot } from "../../services/room-command";
import { setPresence } from "../../services/set-presence";
import { io } from "../emitter";
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

/** Codes of the rooms this socket is subscribed to. */
export function subscribedRooms(socket: HubSocket): string[] {
  return [...socket.rooms].filter((r) => r.startsWith("room:")).map((r) => r.slice("room:".length));
}

/** Whether the user still has another socket in the room (on any instance). */
async function hasOtherSocket(code: string, userId: string, exceptId: string): Promise<boolean> {
  const sockets = (await io()?.in(roomChannel(code)).fetchSockets()) ?? [];
  return sockets.some((s) => s.data.userId === userId && s.id !== exceptId);
}

async function isSeated(code: string, userId: string): Promise<boolean> {
  return (await db().seat.count({ where: { userId, room: { code } } })) > 0;
}

/**
 * Whether `user` may follow room `code` (NOT_FOUND otherwise), and whether they sit in it. A
 * player seated in a room whose state this instance holds, still the stored version, needs no
 * read of the room; anyone else is checked against the stored room (findVisibleRoom).
 */
async function subscribable(code: string, user: SessionUser): Promise<{ roomId: string; seated: boolean }> {
  const held = await currentHeldRoom(code);
  if (held?.seats.some((s) => s.userId === user.id)) return { roomId: held.room.id, seated: true };
  const room = await findVisibleRoom(code, user);
  return { roomId: room.id, seated: room.seats.some((s) => s.userId === user.id) };
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
    withAck("room:subscribe", roomSubscribeSchema, async ({ code, lean }) => {
      const user = await cachedSocketUser(socket);
      const { roomId, seated } = await subscribable(code, user);
      // A lean subscriber is in both channels: the room's (chat, presence, …) and the lean one,
      // which takes room:lean-state in place of room:state (emitRoomState).
      if (lean) await socket.join([roomChannel(code), roomLeanChannel(code)]);
      else {
        await socket.leave(roomLeanChannel(code));
        await socket.join(roomChannel(code));
      }
      // A player is present again; recording it answers the room as it is now.
      if (seated) return (await setPresence(code, user.id, true)) as never;
      return readSnapshot(roomId) as never;
    }),
  );
  socket.on(
    "room:unsubscribe",
    withAck("room:unsubscribe", roomRefSchema, async ({ code }) => {
      await socket.leave(roomChannel(code));
      await socket.leave(roomLeanChannel(code));
      if ((await isSeated(code, socket.data.userId)) && !(await hasOtherSocket(code, socket.data.userId, socket.id))) await setPresence(code, socket.data.userId, false);
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
