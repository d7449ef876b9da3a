"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider";
import { errorMessageKey } from "@/components/room/room-logic";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/client/api";
import type { MessageKey } from "@/lib/i18n/messages";
import { listRooms, takeSeat, type RoomListing } from "@/lib/client/room-api";

const POLL_MS = 5000;
const SEAT_COUNT = 3;

type RoomsState = { status: "loading" } | { status: "ready"; rooms: RoomListing[]; isStale: boolean };

/** Public waiting rooms with a free seat, fetched every few seconds while the page is visible. */
export function usePublicRooms(): RoomsState {
  const [state, setState] = useState<RoomsState>({ status: "loading" });
  useEffect(() => {
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let active = true;
    async function load() {
      controller?.abort();
      controller = new AbortController();
      try {
        const rooms = await listRooms(controller.signal);
        if (active) setState({ status: "ready", rooms, isStale: false });
      } catch (e) {
        if (!active || controller.signal.aborted) return;
        setState((s) => (s.status === "ready" ? { ...s, isStale: true } : { status: "ready", rooms: [], isStale: true }));
        if (isApiError(e) && e.status === 401) return;
      }
      if (active && document.visibilityState === "visible") timer = setTimeout(load, POLL_MS);
    }
    function onVisibility() {
      if (document.visibilityState !== "visible") return;
      if (timer) clearTimeout(timer);
      void load();
    }
    void load();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      active = false;
      controller?.abort();
      if (timer) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, []);
  return state;
}

function EmptyIllustration() {
  return (
    <svg viewBox="0 0 64 64" className="size-14 text-brand-300" fill="none" aria-hidden="true">
      <rect x="6" y="14" width="52" height="38" rx="10" className="fill-brand-50" stroke="currentColor" strokeWidth="2" />
      <circle cx="22" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
      <circle cx="32" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
      <circle cx="42" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
    </svg>
  );
}

export function PublicRoomsPanel() {
  const t = useT();
  const state = usePublicRooms();
  const rooms = state.status === "ready" ? state.rooms : [];
  return (
    <Card as="section" aria-labelledby="public-rooms-title" className="flex flex-col">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="public-rooms-title" className="text-lg font-semibold text-slate-900">
          {t("lobby.rooms.title")}
        </h2>
        {rooms.length > 0 && (
          <span className="text-sm text-slate-500 tabular-nums" aria-hidden="true">
            {rooms.length}
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("lobby.rooms.description")}</p>
      {state.status === "ready" && state.isStale && (
        <p className="mt-2 text-sm text-amber-800" role="status">
          {t("lobby.rooms.stale")}
        </p>
      )}

      {state.status === "loading" ? (
        <p role="status" className="mt-5 flex flex-1 items-center justify-center gap-2 py-12 text-slate-500">
          <Spinner />
          {t("common.loading")}
        </p>
      ) : rooms.length === 0 ? (
        <div className="mt-5 flex flex-1 flex-col items-center justify-center rounded-xl border-2 border-dashed border-slate-200 px-6 py-12 text-center">
          <EmptyIllustration />
          <p className="mt-4 font-medium text-slate-800">{t("lobby.rooms.empty")}</p>
          <p className="mt-1 max-w-sm text-sm text-slate-500">{t("lobby.rooms.emptyHint")}</p>
        </div>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100" aria-label={t("lobby.rooms.title")}>
          {rooms.map((room) => (
            <PublicRoomRow key={room.code} room={room} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function PublicRoomRow({ room }: { room: RoomListing }) {
  const t = useT();
  const router = useRouter();
  const [isJoining, setIsJoining] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const title = room.title ?? room.scenario.title;

  async function join() {
    setIsJoining(true);
    setError(null);
    try {
      await takeSeat(room.code);
      router.push(`/rooms/${room.code}`);
    } catch (e) {
      setIsJoining(false);
      if (isApiError(e, "CONSENT_REQUIRED")) router.push(`/consent?callbackUrl=/rooms/${room.code}`);
      else setError(errorMessageKey(e));
    }
  }

  return (
    <li className="flex flex-col gap-2 py-3.5 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{title}</p>
        {room.title && <p className="truncate text-sm text-slate-500">{room.scenario.title}</p>}
        <p className="mt-0.5 text-sm text-slate-500">
          <span className="tabular-nums">{t("lobby.rooms.seats", { taken: room.seatsTaken, total: SEAT_COUNT })}</span>
          {room.players.length > 0 && <> · {room.players.join(", ")}</>}
        </p>
        {error && (
          <p role="alert" className="mt-1 text-sm font-medium text-red-700">
            {t(error)}
          </p>
        )}
      </div>
      <Button size="sm" variant="secondary" isLoading={isJoining} onClick={() => void join()} className="shrink-0 self-start sm:self-center">
        {t("lobby.rooms.join")}
        <span className="sr-only">: {title}</span>
      </Button>
    </li>
  );
}

