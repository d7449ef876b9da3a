import { roomChannel } from "@/lib/realtime-events";
import { chatSendSchema, chatTypingSchema, memoSaveSchema } from "@/lib/validation/realtime";
import { AppError } from "../../errors";
import { saveMemo } from "../../services/memo";
import { sendChat } from "../../services/send-chat";
import { withAck } from "../with-ack";
import { cachedSocketUser, socketUser, type HubSocket } from "./room.handlers";

/** chat:send, chat:typing and memo:save. */
export function registerChatHandlers(socket: HubSocket): void {
  socket.on(
    "chat:send",
    withAck("chat:send", chatSendSchema, async ({ code, text }) => sendChat(code, await cachedSocketUser(socket), text)),
  );
  socket.on(
    "chat:typing",
    withAck("chat:typing", chatTypingSchema, ({ code, isTyping }) => {
      if (!socket.rooms.has(roomChannel(code))) throw new AppError("NOT_FOUND", "Subscribe to the room first.");
      socket.to(roomChannel(code)).emit("chat:typing", { userId: socket.data.userId, isTyping });
      return null;
    }),
  );
  socket.on(
    "memo:save",
    withAck("memo:save", memoSaveSchema, async ({ code, text }) => saveMemo(code, await socketUser(socket), text)),
  );
}
