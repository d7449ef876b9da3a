"use client";

import { useCallback, useEffect, useEffectEvent, useState } from "react";

export interface Resource<T> {
  /** The latest answer for this key (kept while a reload runs). */
  data: T | undefined;
  /** The error of the latest attempt, if it failed. */
  error: unknown;
  isLoading: boolean;
  /** Asks again (after a change, or to retry). */
  reload(): void;
}

type Result<T> = { key: string; attempt: number; ok: true; data: T } | { key: string; attempt: number; ok: false; error: unknown };

/**
 * Loads data for a key (a URL, a room code…) and loads again whenever the key changes;
 * an answer for an older key or attempt is ignored. Data of another key is never shown.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);
  const [lastData, setLastData] = useState<{ key: string; data: T } | null>(null);
  const run = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setResult({ key, attempt, ok: true, data });
        setLastData({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, attempt, ok: false, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const isCurrent = result !== null && result.key === key && result.attempt === attempt;
  return {
    data: lastData?.key === key ? lastData.data : undefined,
    error: isCurrent && !result.ok ? result.error : undefined,
    isLoading: !isCurrent,
    reload,
  };
}
