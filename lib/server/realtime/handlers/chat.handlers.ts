import { roomChannel } from "@/lib/realtime-events";
import { chatSendSchema, chatTypingSchema, memoSaveSchema } from "@/lib/validation/realtime";
import { AppError } from "../../errors";
import { saveMemo } from "../../services/memo";
import { sendChat } from "../../services/send-chat";
import { withAck } from "../with-ack";
import { cachedSocketUser, isSeatedMember, socketUser, type HubSocket } from "./room.handlers";

/** chat:send, chat:typing and memo:save. */
export function registerChatHandlers(socket: HubSocket): void {
  socket.on(
    "chat:send",
    withAck("chat:send", chatSendSchema, async ({ code, text }) => sendChat(code, await cachedSocketUser(socket), text)),
  );
  socket.on(
    "chat:typing",
    withAck("chat:typing", chatTypingSchema, async ({ code, isTyping }) => {
      // Only a seated player following the room types into it (as only they may chat).
      if (!(await isSeatedMember(socket, code))) throw new AppError("NOT_SEATED", "Take a seat in the room, and subscribe to it, first.");
      socket.to(roomChannel(code)).emit("chat:typing", { userId: socket.data.userId, isTyping });
      return null;
    }),
  );
  socket.on(
    "memo:save",
    withAck("memo:save", memoSaveSchema, async ({ code, text }) => saveMemo(code, await socketUser(socket), text)),
  );
}
