import { roomCommandSchema } from "@/lib/validation/room";
import type { SessionUser } from "../../auth/session";
import * as play from "../../services/play-room";
import { withAck } from "../with-ack";
import { socketUser, type HubSocket } from "./room.handlers";

/** How long a socket's user, read for one move, serves its next moves. */
const USER_TTL_MS = 30_000;
const users = new WeakMap<HubSocket, { user: SessionUser; until: number }>();

/**
 * The socket's user for a move. A move needs only the user's id and role, and a change of role,
 * a sign-out or a deletion revokes the user's sessions, which closes their sockets on every
 * instance; so the row read for one move serves the socket's moves for a while (one statement
 * less per move) and is read again after that.
 */
async function moveUser(socket: HubSocket): Promise<SessionUser> {
  const hit = users.get(socket);
  if (hit && hit.until > Date.now()) return hit.user;
  const user = await socketUser(socket);
  users.set(socket, { user, until: Date.now() + USER_TTL_MS });
  return user;
}

/**
 * room:command — the game's moves over the socket the client already holds: the same services,
 * rules, opIds and answers as the REST routes (API.md "Rooms and play"), without an HTTP request
 * per move. The broadcast of the new state goes out as for any move; the ack carries it too.
 */
export function registerCommandHandlers(socket: HubSocket): void {
  socket.on(
    "room:command",
    withAck("room:command", roomCommandSchema, async (c) => {
      const user = await moveUser(socket);
      const opts = "opId" in c ? { opId: c.opId } : {};
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
      }
    }),
  );
}
