/**
 * One instance per process. server.ts and Next's route bundles load separate copies of
 * every module, so process-wide objects (database, Socket.IO server, emitter) live on
 * globalThis under a fixed key.
 */
const store = globalThis as unknown as { __aedg?: Map<string, unknown> };

export function remember<T>(key: string, factory: () => T): T {
  store.__aedg ??= new Map();
  if (!store.__aedg.has(key)) store.__aedg.set(key, factory());
  return store.__aedg.get(key) as T;
}

export function recall<T>(key: string): T | undefined {
  return store.__aedg?.get(key) as T | undefined;
}

export function forget(key: string): void {
  store.__aedg?.delete(key);
}
