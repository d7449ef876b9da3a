import type { PrismaClient } from "./generated/client";
import { recall } from "../remember";

export type Db = PrismaClient;
/** The client handed to `db().$transaction(async (tx) => …)` callbacks. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DbHandle {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /**
   * Runs one statement on its own (committed by itself, never inside a transaction) straight on
   * the driver, without Prisma's client: for the few statements every game command runs
   * (room-command.ts). On PostgreSQL the statement is prepared once per pooled connection.
   * Rows come as the driver gives them (int4 a number, int8 a string).
   */
  statement<T>(text: string, values: unknown[]): Promise<T[]>;
  /** Resolves when the database answers; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const DB_KEY = "db";

/** The process's database client. Opened by server.ts (lib/server/db/open.ts) before anything is served. */
export function db(): PrismaClient {
  return openHandle().prisma;
}

function openHandle(): DbHandle {
  const handle = recall<DbHandle>(DB_KEY);
  if (!handle) throw new Error("The database is not open: call openDb() first (server.ts does).");
  return handle;
}

export function dbHandle(): DbHandle | undefined {
  return recall<DbHandle>(DB_KEY);
}

/** One statement on its own, straight on the driver (see DbHandle.statement). */
export function statement<T>(text: string, values: unknown[]): Promise<T[]> {
  return openHandle().statement<T>(text, values);
}
