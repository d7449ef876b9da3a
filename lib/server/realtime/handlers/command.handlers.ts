import { roomChannel, type RoomStateMessage, type RoomVersionMessage } from "@/lib/realtime-events";
import { roomCommandSchema, type RoomCommandInput } from "@/lib/validation/room";
import * as play from "../../services/play-room";
import { withAck } from "../with-ack";
import { cachedSocketUser, freshSocketUser, type HubSocket } from "./room.handlers";

/**
 * room:command — the game's moves over the socket the client already holds: the same services,
 * rules, opIds and answers as the REST routes (API.md "Rooms and play"), without an HTTP request
 * per move. The broadcast of the new state goes out as for any move; the ack carries it too,
 * unless the move asks for `reply: "version"` from a socket subscribed to the room: that socket
 * got the broadcast just before the ack (same connection, in order), so the ack says only which
 * version the move left the room at, and the snapshot is not encoded and sent a second time.
 */
export function registerCommandHandlers(socket: HubSocket): void {
  socket.on(
    "room:command",
    withAck("room:command", roomCommandSchema, async (c): Promise<RoomStateMessage | RoomVersionMessage> => {
      const snapshot = await runCommand(socket, c);
      return c.reply === "version" && socket.rooms.has(roomChannel(c.code)) ? { code: snapshot.code, version: snapshot.version } : snapshot;
    }),
  );
}

async function runCommand(socket: HubSocket, c: RoomCommandInput & { code: string }): Promise<RoomStateMessage> {
  if (c.type === "join") return play.joinRoom(c.code, await freshSocketUser(socket));
  const user = await cachedSocketUser(socket);
  const opts = "opId" in c && c.opId ? { opId: c.opId } : {};
  switch (c.type) {
    case "ready":
      return play.setReady(c.code, user, c.ready);
    case "confirmRole":
      return play.confirmRole(c.code, user);
    case "choice":
      return play.submitChoice(c.code, user, c.round, c.choice, c.confidence, opts);
    case "endDiscussion":
      return play.endDiscussion(c.code, user, c.round, opts);
    case "consensus":
      return play.proposeConsensus(c.code, user, c.round, c.choice, opts);
    case "consensusConfidence":
      return play.submitConsensusConfidence(c.code, user, c.round, c.confidence, opts);
    case "continue":
      return play.continueRound(c.code, user, c.round, opts);
    case "advance":
      return play.advanceRoom(c.code, user, c.reason, c.end ?? false, opts);
    case "checkIn":
      return play.checkIn(c.code, user);
  }
}
