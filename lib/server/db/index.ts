import type { PrismaClient } from "./generated/client";
import { recall } from "../remember";

export type Db = PrismaClient;
/** The client handed to `db().$transaction(async (tx) => …)` callbacks. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DbHandle {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Resolves when the database answers; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const DB_KEY = "db";

/** The process's database client. Opened by server.ts (lib/server/db/open.ts) before anything is served. */
export function db(): PrismaClient {
  const handle = recall<DbHandle>(DB_KEY);
  if (!handle) throw new Error("The database is not open: call openDb() first (server.ts does).");
  return handle.prisma;
}

export function dbHandle(): DbHandle | undefined {
  return recall<DbHandle>(DB_KEY);
}
