import { z } from "zod";
import { monitorChannel } from "@/lib/realtime-events";
import { AppError } from "../../errors";
import { listMonitoredRooms } from "../../services/monitor-rooms";
import { withAck } from "../with-ack";
import { socketUser, type HubSocket } from "./room.handlers";

const empty = z.strictObject({});

/** monitor:subscribe / monitor:unsubscribe: a facilitator follows the rooms they opened. */
export function registerMonitorHandlers(socket: HubSocket): void {
  socket.on(
    "monitor:subscribe",
    withAck("monitor:subscribe", empty, async () => {
      const user = await socketUser(socket);
      if (user.role !== "FACILITATOR" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "The monitor is for facilitators.");
      await socket.join(monitorChannel(user.role === "ADMIN" ? "all" : user.id));
      return (await listMonitoredRooms(user)) as never;
    }),
  );
  socket.on(
    "monitor:unsubscribe",
    withAck("monitor:unsubscribe", empty, async () => {
      await socket.leave(monitorChannel("all"));
      await socket.leave(monitorChannel(socket.data.userId));
      return null;
    }),
  );
}
