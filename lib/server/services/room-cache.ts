import { isOver } from "@/lib/domain/game";
import { remember } from "../remember";
import type { RoomView } from "./room-state";

/**
 * The game state of the rooms this instance has run commands on, kept in memory between
 * commands, and a queue per room so that this instance runs one command of a room at a time.
 *
 * The cache is never trusted blindly: each entry is the room as of one `version`, and every
 * use is checked against the database's version — a write carries `WHERE "version" = cached`
 * (nothing is written when it fails), and an answer that writes nothing first reads the
 * version. Whatever changes a room outside a room command (an account deleted or renamed, a
 * restart marking players away) raises the room's version, so an entry that another instance
 * or another path made stale is found out and dropped, and the command runs again from the
 * database. On one instance that never happens, and a command is one statement.
 */

/** Rooms kept at most; the least recently used goes first. A running room is ~10 KB. */
const MAX_ROOMS = 5_000;

interface Cache {
  byCode: Map<string, RoomView>;
  codeById: Map<string, string>;
  queues: Map<string, Promise<unknown>>;
}

const cache = () => remember<Cache>("room-cache", () => ({ byCode: new Map(), codeById: new Map(), queues: new Map() }));

/** The cached view of a room, by code. */
export function cachedRoom(code: string): RoomView | undefined {
  return cache().byCode.get(code);
}

/** The cached view of a room, by id. */
export function cachedRoomById(id: string): RoomView | undefined {
  const code = cache().codeById.get(id);
  return code === undefined ? undefined : cache().byCode.get(code);
}

/**
 * Keeps `view` as the room's state. An older version never replaces a newer one; a room whose
 * game is over is dropped instead (nothing runs there often enough to be worth keeping).
 */
export function keepRoom(view: RoomView): void {
  const c = cache();
  const code = view.room.code;
  const held = c.byCode.get(code);
  if (held && held.room.version > view.room.version) return;
  c.byCode.delete(code);
  if (isOver(view.state.phase)) {
    c.codeById.delete(view.room.id);
    return;
  }
  c.byCode.set(code, view);
  c.codeById.set(view.room.id, code);
  while (c.byCode.size > MAX_ROOMS) {
    const oldest = c.byCode.keys().next().value!;
    c.codeById.delete(c.byCode.get(oldest)!.room.id);
    c.byCode.delete(oldest);
  }
}

/** Drops what is kept about these rooms (by code); their next command reads the database. */
export function forgetRooms(codes: Iterable<string>): void {
  const c = cache();
  for (const code of codes) {
    const held = c.byCode.get(code);
    if (held) c.codeById.delete(held.room.id);
    c.byCode.delete(code);
  }
}

/**
 * Runs `task` after every task queued for the same room on this instance has finished
 * (whether it succeeded or not). Tasks of different rooms run concurrently.
 */
export function queueForRoom<T>(code: string, task: () => Promise<T>): Promise<T> {
  const queues = cache().queues;
  const before = queues.get(code) ?? Promise.resolve();
  const run = before.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(code, tail);
  void tail.then(() => {
    if (queues.get(code) === tail) queues.delete(code);
  });
  return run;
}
