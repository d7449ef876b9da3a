import type { Socket } from "socket.io";
import { roomChannel, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from "@/lib/realtime-events";
import { roomRefSchema } from "@/lib/validation/realtime";
import { db } from "../../db";
import { AppError } from "../../errors";
import { withAck } from "../with-ack";

export type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** room:subscribe / room:unsubscribe: join or leave a room's broadcast channel. */
export function registerRoomHandlers(socket: HubSocket): void {
  socket.on(
    "room:subscribe",
    withAck("room:subscribe", roomRefSchema, async ({ code }) => {
      const room = await db().room.findUnique({ where: { code }, select: { code: true } });
      if (!room) throw new AppError("NOT_FOUND", "No room with that code.");
      await socket.join(roomChannel(code));
      return { code };
    }),
  );
  socket.on(
    "room:unsubscribe",
    withAck("room:unsubscribe", roomRefSchema, async ({ code }) => {
      await socket.leave(roomChannel(code));
      return null;
    }),
  );
}
