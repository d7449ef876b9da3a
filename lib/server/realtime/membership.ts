import { followChannels, roomChannel, roomLeanChannel, watchChannel, watchLeanChannel, watchUserChannel } from "@/lib/realtime-events";

/** A socket of this instance, or one fetched from any instance (RemoteSocket): both can be moved. */
interface Movable {
  readonly rooms: Set<string>;
  join(rooms: string | string[]): unknown;
  leave(room: string): unknown;
}

/** How a socket follows a room: as a member (the whole room), as a viewer (its lobby view), or not. */
export type Following = "member" | "viewer" | null;

/**
 * Puts a socket of `userId` in the channels of room `code` that `as` stands for, lean or not,
 * and takes it out of the others (lib/realtime-events.ts names them).
 */
export async function placeSocket(socket: Movable, code: string, userId: string, as: Following, lean: boolean): Promise<void> {
  const join =
    as === "member"
      ? [roomChannel(code), ...(lean ? [roomLeanChannel(code)] : [])]
      : as === "viewer"
        ? [watchChannel(code), watchUserChannel(code, userId, lean), ...(lean ? [watchLeanChannel(code)] : [])]
        : [];
  for (const channel of followChannels(code, userId)) if (!join.includes(channel) && socket.rooms.has(channel)) await socket.leave(channel);
  if (join.length) await socket.join(join);
}

/** How a socket follows room `code` now, and whether lean. */
export function followingOf(socket: Pick<Movable, "rooms">, code: string): { as: Following; lean: boolean } {
  if (socket.rooms.has(roomChannel(code))) return { as: "member", lean: socket.rooms.has(roomLeanChannel(code)) };
  if (socket.rooms.has(watchChannel(code))) return { as: "viewer", lean: socket.rooms.has(watchLeanChannel(code)) };
  return { as: null, lean: false };
}
