import { presenceStatusSchema } from "@/lib/validation/realtime";
import { withAck } from "../with-ack";
import type { HubSocket } from "./room.handlers";

/** presence:status: the client says whether its tab is active, idle or away. */
export function registerPresenceHandlers(socket: HubSocket): void {
  socket.on(
    "presence:status",
    withAck("presence:status", presenceStatusSchema, ({ status }) => {
      socket.data.status = status;
      return null;
    }),
  );
}
