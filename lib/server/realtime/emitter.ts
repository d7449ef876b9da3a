import type { Server } from "socket.io";
import { isOpenToNewcomers, leanSnapshot, lobbyView, type RoomSnapshot } from "@/lib/domain/snapshot";
import {
  followChannels,
  monitorChannel,
  roomChannel,
  roomLeanChannel,
  userChannel,
  voiceChannel,
  voiceUserChannel,
  watchChannel,
  watchLeanChannel,
  watchUserChannel,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "@/lib/realtime-events";
import { recall } from "../remember";

export type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export const IO_KEY = "io";

/** The process's Socket.IO server, once server.ts has created the hub. */
export function io(): Io | undefined {
  return recall<Io>(IO_KEY);
}

/** Set by the hub when other instances share its rooms (Redis adapter). */
export const IO_SHARED_KEY = "io-shared";

/**
 * Whether an emit to these channels can reach anyone. Socket.IO encodes a broadcast (a
 * snapshot is several KB of JSON) before it looks at who is in the room, so an emit to an
 * empty channel still costs the whole encoding. On a single instance the local rooms are the
 * whole truth; with other instances sharing the rooms, someone elsewhere may be listening.
 */
function hasAudience(server: Io, channels: string[]): boolean {
  return isShared() || channels.some((c) => localMembers(server, c) > 0);
}

const isShared = () => recall<boolean>(IO_SHARED_KEY) ?? false;
/** Sockets of this instance in a channel. */
const localMembers = (server: Io, channel: string) => server.of("/").adapter.rooms.get(channel)?.size ?? 0;

/** Sends an event to everyone subscribed to a room. A no-op before the hub exists. */
export function emitToRoom<E extends keyof ServerToClientEvents>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
  const server = io();
  const channel = roomChannel(code);
  if (server && hasAudience(server, [channel])) server.to(channel).emit(event, ...args);
}

/**
 * Sends a room's new snapshot to everyone subscribed to it: its members get `room:state` with
 * the whole snapshot, or `room:lean-state` without the scenario's fixed text if they asked for
 * it (room:subscribe with `lean: true`); those following it without a seat get the same as its
 * lobby view, while the room is open to newcomers. A no-op before the hub exists.
 */
export function emitRoomState(snapshot: RoomSnapshot): void {
  const server = io();
  if (!server) return;
  sendStates(server, snapshot, false);
}

/** emitRoomState, to this instance's sockets only (`local`) or to every instance's. */
function sendStates(server: Io, snapshot: RoomSnapshot, local: boolean): void {
  const to = local ? server.local : server;
  const send = (all: string, lean: string, s: RoomSnapshot) => {
    // Lean subscribers are in both channels: whole snapshots go to the others, if any.
    const leanCount = localMembers(server, lean);
    if ((!local && isShared()) || localMembers(server, all) > leanCount) to.to(all).except(lean).emit("room:state", s);
    if ((!local && isShared()) || leanCount > 0) to.to(lean).emit("room:lean-state", leanSnapshot(s));
  };
  send(roomChannel(snapshot.code), roomLeanChannel(snapshot.code), snapshot);
  if (isOpenToNewcomers(snapshot)) send(watchChannel(snapshot.code), watchLeanChannel(snapshot.code), lobbyView(snapshot));
}

/** Sends a room's new snapshot to the monitor of the facilitator who opened it, and to admins'. */
export function emitToMonitors(createdById: string | null, snapshot: Parameters<ServerToClientEvents["monitor:room"]>[0]): void {
  const server = io();
  if (!server) return;
  const channels = [monitorChannel("all"), ...(createdById ? [monitorChannel(createdById)] : [])];
  if (hasAudience(server, channels)) server.to(channels).emit("monitor:room", snapshot);
}

/** Closes every socket of this user (their session was revoked). */
export function disconnectUserSockets(userId: string): void {
  io()?.in(userChannel(userId)).disconnectSockets(true);
}

/** Open socket connections on this instance. */
export function connectionCount(): number {
  return io()?.engine.clientsCount ?? 0;
}

/**
 * Takes a player who no longer sits in a room out of it: every socket of theirs, on every
 * instance, leaves every channel of the room (its states, chat, presence, typing, voice mesh),
 * and is told so (`room:unsubscribed`: subscribing again shows what they may still see). The
 * voice mesh's others are told that they left. Runs before the room's new state is sent.
 */
export function removeFromRoom(code: string, userId: string): void {
  const server = io();
  if (!server) return;
  server.in(userChannel(userId)).socketsLeave([...followChannels(code, userId), voiceChannel(code), voiceUserChannel(code, userId)]);
  server.to(userChannel(userId)).emit("room:unsubscribed", { code });
  server.to(voiceChannel(code)).emit("voice:peer-left", { userId });
}

/**
 * A player took a seat: their sockets that followed the room without one (on every instance)
 * become its members, lean or not as they asked. Runs before the room's new state is sent, so
 * that state reaches them whole.
 */
export function admitToRoom(code: string, userId: string): void {
  const server = io();
  if (!server) return;
  server.in(watchUserChannel(code, userId, false)).socketsJoin(roomChannel(code));
  server.in(watchUserChannel(code, userId, true)).socketsJoin([roomChannel(code), roomLeanChannel(code)]);
  server.in(userChannel(userId)).socketsLeave([watchChannel(code), watchLeanChannel(code), watchUserChannel(code, userId, false), watchUserChannel(code, userId, true)]);
}

/**
 * The room is no longer open to newcomers (it filled, or ended): whoever followed it without a
 * seat stops following it, on every instance, and is told so.
 */
export function closeToViewers(code: string): void {
  const server = io();
  if (!server) return;
  if (!hasAudience(server, [watchChannel(code)])) return;
  server.to(watchChannel(code)).emit("room:unsubscribed", { code });
  server.in(watchChannel(code)).socketsLeave([watchChannel(code), watchLeanChannel(code)]);
}

/**
 * Sends this instance's followers of a room the state it is in now (after pushes from other
 * instances may have been lost: Redis came back). Nothing goes to other instances.
 */
export function resendRoomState(snapshot: RoomSnapshot): void {
  const server = io();
  if (server) sendStates(server, snapshot, true);
}
