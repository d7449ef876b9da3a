import { roomChannel, watchChannel } from "@/lib/realtime-events";
import type { SessionUser } from "../auth/session";
import { logger } from "../logger";
import { readRoomByCode, roomViewFor } from "../services/get-room";
import { chatSince } from "../services/send-chat";
import { setPresence } from "../services/set-presence";
import { io, resendRoomState } from "./emitter";
import { followingOf, placeSocket } from "./membership";

const ROOM_OR_WATCH = /^(?:room|watch):([A-Z0-9]{6})$/;

/** Chat written this long before the connection was seen lost is sent again too (clocks, in-flight messages). */
const CHAT_MARGIN_MS = 5_000;

/**
 * Brings this instance's sockets back in step with the rooms they follow after pushes between
 * instances were lost (Redis was down): new states, chat, and the moves of sockets in and out
 * of rooms when seats changed. For each room a socket here follows: every such socket is
 * checked again as room:subscribe would (a member no longer seated nor managing is taken out
 * and told, a viewer seated meanwhile becomes a member, a viewer of a room that filled or ended
 * is taken out), seated players with a socket here are recorded present, and the room's state
 * as stored now and its chat since `downSince` are sent to this instance's sockets (clients drop
 * messages they have). Answers how many rooms it went through. Never throws.
 */
export async function resyncRooms(downSince: Date): Promise<number> {
  const server = io();
  if (!server) return 0;
  const codes = new Set<string>();
  for (const channel of server.of("/").adapter.rooms.keys()) {
    const m = ROOM_OR_WATCH.exec(channel);
    if (m) codes.add(m[1]!);
  }
  for (const code of codes) {
    try {
      await resyncRoom(code, downSince);
    } catch (err) {
      logger().warn({ err: err instanceof Error ? err.message : err, code }, "could not bring a room's sockets back in step");
    }
  }
  return codes.size;
}

async function resyncRoom(code: string, downSince: Date): Promise<void> {
  const server = io()!;
  let snapshot = await readRoomByCode(code);
  const sockets = await server.local.in([roomChannel(code), watchChannel(code)]).fetchSockets();
  const present = new Set<string>();
  for (const socket of sockets) {
    const { userId, role } = socket.data;
    const { as, lean } = followingOf(socket, code);
    const view = snapshot ? roomViewFor({ id: userId, role: role as SessionUser["role"] }, snapshot) : null;
    const should = view?.kind ?? null;
    if (should !== as) {
      await placeSocket(socket, code, userId, should, lean);
      if (should === null) socket.emit("room:unsubscribed", { code });
    }
    if (should === "member" && snapshot?.seats.some((s) => s.userId === userId)) present.add(userId);
  }
  if (!snapshot) return;
  for (const userId of present) {
    if (snapshot.seats.find((s) => s.userId === userId)?.connected === false) snapshot = await setPresence(code, userId, true);
  }
  resendRoomState(snapshot);
  const messages = await chatSince(code, new Date(downSince.getTime() - CHAT_MARGIN_MS));
  for (const message of messages) server.local.to(roomChannel(code)).emit("chat:message", message);
}
