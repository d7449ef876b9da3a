import { apiFetch } from "../api";

interface IceConfigAnswer {
  iceServers: RTCIceServer[];
  /** Seconds the TURN credentials stay valid. */
  ttl: number;
}

export interface IceConfig {
  iceServers: RTCIceServer[];
  /** When to fetch new servers (epoch ms): well before the TURN credentials expire. */
  refreshAt: number;
}

/** Fresh credentials are fetched after this share of their lifetime… */
const REFRESH_SHARE = 0.75;
/** …but not more often than this (seconds). */
const MIN_REFRESH_S = 30;
/** After a failed fetch, the next try. */
const RETRY_MS = 30_000;
/** A config this close to its refresh time counts as stale already (a timer set for then fetches anew). */
const STALE_MARGIN_MS = 1000;

/** The last fetch (this page, one user): a request in flight, or its answer until it goes stale. */
let latest: { userId: string; promise: Promise<IceConfig>; config: IceConfig | null } | null = null;

/**
 * The ICE servers for `userId`: the ones already fetched (by the waiting room's warm-up or a
 * session) while they are fresh, the request in flight if there is one, else a new request.
 * Rejects when the request fails (nothing is kept then).
 */
export function iceConfig(userId: string): Promise<IceConfig> {
  const now = Date.now();
  if (latest?.userId === userId && (latest.config === null || latest.config.refreshAt - now > STALE_MARGIN_MS)) return latest.promise;
  const entry: NonNullable<typeof latest> = {
    userId,
    config: null,
    promise: apiFetch<IceConfigAnswer>("/api/webrtc/ice-config").then(
      ({ iceServers, ttl }) => {
        // Counted from the request, not the answer: the server's clock started no later.
        const config = { iceServers, refreshAt: now + Math.max(MIN_REFRESH_S, ttl * REFRESH_SHARE) * 1000 };
        entry.config = config;
        return config;
      },
      (e: unknown) => {
        if (latest === entry) latest = null;
        throw e;
      },
    ),
  };
  latest = entry;
  return entry.promise;
}

/**
 * Keeps ICE servers fresh while it runs: hands them to `onServers` once fetched (an empty list
 * when the fetch failed: the mesh works on a LAN without any) and again each time they are
 * renewed, before the TURN credentials expire (a failed fetch is tried again 30 s later).
 * Returns the function that stops it.
 */
export function keepIceFresh(userId: string, onServers: (servers: RTCIceServer[]) => void): () => void {
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    iceConfig(userId).then(
      ({ iceServers, refreshAt }) => {
        if (isStopped) return;
        timer = setTimeout(run, Math.max(0, refreshAt - Date.now()));
        onServers(iceServers);
      },
      () => {
        if (isStopped) return;
        timer = setTimeout(run, RETRY_MS);
        onServers([]);
      },
    );
  };
  run();
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
