import { voiceChannel, voiceUserChannel } from "@/lib/realtime-events";
import { roomRefSchema, voiceRelaySchema, voiceStateSchema } from "@/lib/validation/realtime";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { noteHeard } from "../../services/seat-activity";
import { closeVoiceSession, isSeatedIn, openVoiceSession } from "../../services/voice-sessions";
import { io } from "../emitter";
import { withAck } from "../with-ack";
import type { HubSocket } from "./room.handlers";

/** User ids with at least one socket (other than `exceptSocketId`) in a room's voice mesh (on any instance). */
async function voicePeers(code: string, exceptSocketId?: string): Promise<string[]> {
  const sockets = (await io()?.in(voiceChannel(code)).fetchSockets()) ?? [];
  return [...new Set(sockets.filter((s) => s.id !== exceptSocketId).map((s) => s.data.userId))];
}

/** Whether `userId` has a socket in the room's voice mesh (on any instance). */
async function isInMesh(code: string, userId: string): Promise<boolean> {
  return ((await io()?.in(voiceUserChannel(code, userId)).fetchSockets()) ?? []).length > 0;
}

/** How long an addressee found in the mesh or seated is taken as such by one socket. */
const ADDRESSEE_TTL_MS = 30_000;

/**
 * voice:join / voice:signal / voice:state / voice:leave. The hub only relays: signals go by
 * user id, from a player in a room's mesh to another player of the same room, never to an
 * arbitrary socket; the media itself flows peer to peer.
 */
export function registerVoiceHandlers(socket: HubSocket): void {
  const sessions = new Map<string, string>(); // room code → VoiceSession id
  // "code userId" → until when that addressee counts as a player of the room, for this socket.
  const addressees = new Map<string, number>();

  /**
   * Whether a signal may go to `to` in room `code`. Someone in the room's voice mesh passed
   * voice:join's seat check; only someone outside it costs a database read. The answer is
   * kept a while: a pair's set-up is a burst of candidates, and each used to wait for its own
   * read (on the embedded database, behind every other statement of the game starting).
   */
  const mayAddress = async (code: string, to: string): Promise<boolean> => {
    if (to === socket.data.userId) return false;
    const key = `${code} ${to}`;
    if ((addressees.get(key) ?? 0) > Date.now()) return true;
    if (!(await isInMesh(code, to)) && !(await isSeatedIn(code, to))) return false;
    addressees.set(key, Date.now() + ADDRESSEE_TTL_MS);
    return true;
  };

  const leave = async (code: string) => {
    if (!socket.rooms.has(voiceChannel(code))) return;
    await socket.leave(voiceChannel(code));
    await socket.leave(voiceUserChannel(code, socket.data.userId));
    const session = sessions.get(code);
    sessions.delete(code);
    for (const key of [...addressees.keys()]) if (key.startsWith(`${code} `)) addressees.delete(key);
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
      // A connection the server took out of the mesh (its seat was freed) joins afresh.
      if (!sessions.has(code) || !socket.rooms.has(voiceChannel(code))) {
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
      if (!(await mayAddress(code, to))) throw new AppError("NOT_FOUND", "No such player in this room.");
      io()?.to(voiceUserChannel(code, to)).emit("voice:signal", { from: socket.data.userId, data: data as Record<string, unknown> });
      return null;
    }),
  );

  socket.on(
    "voice:state",
    withAck("voice:state", voiceStateSchema, ({ code, muted, speaking }) => {
      if (!socket.rooms.has(voiceChannel(code))) throw new AppError("WRONG_PHASE", "Join the room's voice first (voice:join).");
      socket.to(voiceChannel(code)).emit("voice:state", { userId: socket.data.userId, muted, speaking });
      // Heard: not silent through the phase (check-in). Written at most every few seconds.
      if (speaking) noteHeard(code, socket.data.userId);
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
