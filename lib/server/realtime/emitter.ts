import type { Server } from "socket.io";
import { leanSnapshot, type RoomSnapshot } from "@/lib/domain/snapshot";
import { monitorChannel, roomChannel, roomLeanChannel, userChannel, voiceChannel, voiceUserChannel, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from "@/lib/realtime-events";
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
 * Sends a room's new snapshot to everyone subscribed to it: `room:state` with the whole
 * snapshot, and `room:lean-state` without the scenario's fixed text to the sockets that asked
 * for it (room:subscribe with `lean: true`). A no-op before the hub exists.
 */
export function emitRoomState(snapshot: RoomSnapshot): void {
  const server = io();
  if (!server) return;
  const all = roomChannel(snapshot.code);
  const lean = roomLeanChannel(snapshot.code);
  // Lean subscribers are in both channels: whole snapshots go to the others, if any.
  const leanCount = localMembers(server, lean);
  if (isShared() || localMembers(server, all) > leanCount) server.to(all).except(lean).emit("room:state", snapshot);
  if (isShared() || leanCount > 0) server.to(lean).emit("room:lean-state", leanSnapshot(snapshot));
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
 * Takes a player who no longer sits in a room out of its voice mesh: every socket of theirs
 * (on any instance) leaves the mesh's channels, so no signal reaches them any more, and the
 * others are told they left.
 */
export function dropFromVoice(code: string, userId: string): void {
  const server = io();
  if (!server) return;
  server.in(userChannel(userId)).socketsLeave([voiceChannel(code), voiceUserChannel(code, userId)]);
  server.to(voiceChannel(code)).emit("voice:peer-left", { userId });
}
