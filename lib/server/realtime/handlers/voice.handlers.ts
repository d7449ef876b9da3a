import { voiceChannel, voiceUserChannel } from "@/lib/realtime-events";
import { roomRefSchema, voiceRelaySchema, voiceStateSchema } from "@/lib/validation/realtime";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { closeVoiceSession, isSeatedIn, openVoiceSession } from "../../services/voice-sessions";
import { io } from "../emitter";
import { withAck } from "../with-ack";
import type { HubSocket } from "./room.handlers";

/** User ids with at least one socket (other than `exceptSocketId`) in a room's voice mesh (on any instance). */
async function voicePeers(code: string, exceptSocketId?: string): Promise<string[]> {
  const sockets = (await io()?.in(voiceChannel(code)).fetchSockets()) ?? [];
  return [...new Set(sockets.filter((s) => s.id !== exceptSocketId).map((s) => s.data.userId))];
}

/**
 * voice:join / voice:signal / voice:state / voice:leave. The hub only relays: signals go by
 * user id, from a player in a room's mesh to another player of the same room, never to an
 * arbitrary socket; the media itself flows peer to peer.
 */
export function registerVoiceHandlers(socket: HubSocket): void {
  const sessions = new Map<string, string>(); // room code → VoiceSession id

  const leave = async (code: string) => {
    if (!socket.rooms.has(voiceChannel(code))) return;
    await socket.leave(voiceChannel(code));
    await socket.leave(voiceUserChannel(code, socket.data.userId));
    const session = sessions.get(code);
    sessions.delete(code);
    if (session) await closeVoiceSession(session);
    const stillThere = (await voicePeers(code)).includes(socket.data.userId);
    if (!stillThere) io()?.to(voiceChannel(code)).emit("voice:peer-left", { userId: socket.data.userId });
  };

  socket.on(
    "voice:join",
    withAck("voice:join", roomRefSchema, async ({ code }) => {
      const userId = socket.data.userId;
      // The first join on this connection. A connection recovered after a drop is back in its
      // rooms already, but the others were told that the player left: it announces itself again.
      if (!sessions.has(code)) {
        sessions.set(code, await openVoiceSession({ id: userId }, code));
        const wasThere = (await voicePeers(code, socket.id)).includes(userId);
        await socket.join([voiceChannel(code), voiceUserChannel(code, userId)]);
        // A second tab of the same player replaces nothing: the others learn of the player once.
        if (!wasThere) socket.to(voiceChannel(code)).emit("voice:peer-joined", { userId });
      }
      return { peers: (await voicePeers(code)).filter((u) => u !== userId) };
    }),
  );

  socket.on(
    "voice:signal",
    withAck("voice:signal", voiceRelaySchema, async ({ code, to, data }) => {
      if (!socket.rooms.has(voiceChannel(code))) throw new AppError("WRONG_PHASE", "Join the room's voice first (voice:join).");
      if (to === socket.data.userId || !(await isSeatedIn(code, to))) throw new AppError("NOT_FOUND", "No such player in this room.");
      io()?.to(voiceUserChannel(code, to)).emit("voice:signal", { from: socket.data.userId, data: data as Record<string, unknown> });
      return null;
    }),
  );

  socket.on(
    "voice:state",
    withAck("voice:state", voiceStateSchema, ({ code, muted, speaking }) => {
      if (!socket.rooms.has(voiceChannel(code))) throw new AppError("WRONG_PHASE", "Join the room's voice first (voice:join).");
      socket.to(voiceChannel(code)).emit("voice:state", { userId: socket.data.userId, muted, speaking });
      return null;
    }),
  );

  socket.on(
    "voice:leave",
    withAck("voice:leave", roomRefSchema, async ({ code }) => {
      await leave(code);
      return null;
    }),
  );

  socket.on("disconnecting", () => {
    const codes = [...socket.rooms].filter((r) => /^voice:[A-Z0-9]{6}$/.test(r)).map((r) => r.slice(6));
    for (const code of codes) {
      const session = sessions.get(code);
      void (async () => {
        try {
          // The socket leaves its rooms right after this event: look once it has.
          await new Promise((resolve) => setImmediate(resolve));
          if (session) await closeVoiceSession(session);
          // Any socket of the player still there — another tab, or this very connection
          // recovered (same id) — means the player stayed.
          const sockets = (await io()?.in(voiceChannel(code)).fetchSockets()) ?? [];
          if (!sockets.some((s) => s.data.userId === socket.data.userId)) {
            io()?.to(voiceChannel(code)).except(socket.id).emit("voice:peer-left", { userId: socket.data.userId });
          }
        } catch (err) {
          logger().warn({ err: err instanceof Error ? err.message : err, code }, "voice leave on disconnect failed");
        }
      })();
    }
  });
}
