"use client";

import { useCallback, useState } from "react";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { useMeStore } from "@/lib/client/stores/me";
import { useRoomStore } from "@/lib/client/stores/room";
import { isApiError } from "@/lib/client/api";
import { getRoom, pendingOps } from "@/lib/client/room-api";
import { errorMessageKey } from "./room-logic";

/** The room's snapshot; the room screens render only once it is loaded. */
export function useSnapshot(): RoomSnapshot {
  const snapshot = useRoomStore((s) => s.snapshot);
  if (!snapshot) throw new Error("useSnapshot() needs a loaded room (render inside <RoomShell>)");
  return snapshot;
}

/** The signed-in user's id (the room screens render only for a signed-in user). */
export function useMyId(): string {
  return useMeStore((s) => s.me?.id ?? "");
}

/** The caller's seat in the room, or null. */
export function useMySeat(): SeatView | null {
  const id = useMyId();
  return useRoomStore((s) => s.snapshot?.seats.find((x) => x.userId === id) ?? null);
}

export interface RoomAction {
  isBusy: boolean;
  error: MessageKey | null;
  clearError(): void;
  /**
   * Runs a user action once at a time. Keyed actions carry an opId that survives network
   * retries; a snapshot answer is fed to the store at once (the socket push may come later).
   */
  run<T>(fn: (opId: string) => Promise<T>, key?: string): Promise<T | undefined>;
}

/** Busy and error state for a button that calls the server. */
export function useRoomAction(): RoomAction {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const run = useCallback(async <T,>(fn: (opId: string) => Promise<T>, key?: string): Promise<T | undefined> => {
    setIsBusy(true);
    setError(null);
    try {
      const result = key ? await pendingOps.run(key, fn) : await fn("");
      if (isSnapshot(result)) useRoomStore.getState().receiveSnapshot(result);
      return result;
    } catch (e) {
      setError(errorMessageKey(e));
      // A refusal because the room moved on: catch up with it rather than wait for the push.
      const code = useRoomStore.getState().code;
      if (code && isApiError(e) && e.status === 409) {
        getRoom(code).then(
          (s) => useRoomStore.getState().receiveSnapshot(s),
          () => undefined,
        );
      }
      return undefined;
    } finally {
      setIsBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { isBusy, error, clearError, run };
}

function isSnapshot(x: unknown): x is RoomSnapshot {
  return typeof x === "object" && x !== null && "version" in x && "phase" in x && "seats" in x;
}
