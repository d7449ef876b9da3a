/**
 * The other players' audio streams, for the hidden <audio> elements that play them (and that
 * Chromium needs before Web Audio receives a remote stream). Outside any store: streams are
 * live objects, not state. React reads it with useSyncExternalStore.
 */
const streams = new Map<string, MediaStream>();
const listeners = new Set<() => void>();
let snapshot: readonly (readonly [string, MediaStream])[] = [];

function publish() {
  snapshot = [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const l of listeners) l();
}

export const remoteStreams = {
  set(userId: string, stream: MediaStream | null): void {
    if (stream ? streams.get(userId) === stream : !streams.has(userId)) return;
    if (stream) streams.set(userId, stream);
    else streams.delete(userId);
    publish();
  },
  clear(): void {
    if (streams.size === 0) return;
    streams.clear();
    publish();
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  getSnapshot: () => snapshot,
  getServerSnapshot: () => snapshot,
};
