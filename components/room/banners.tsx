"use client";

import { useEffect, useState } from "react";
import { isOver } from "@/lib/domain/game";
import { getSocket } from "@/lib/client/socket";
import { useRoomStore } from "@/lib/client/stores/room";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { useT } from "../i18n-provider";
import { awayPlayers, joinNames } from "./room-logic";
import { useMyId, useSnapshot } from "./use-room";

/** Grace before "connecting…" shows, so a normal page load does not flash it. */
const SHOW_AFTER_MS = 2500;

/** A banner while the realtime link is down or reconnecting; the page still works over HTTP meanwhile. */
export function ConnectionBanner() {
  const t = useT();
  const connection = useRoomStore((s) => s.connection);
  const myId = useMyId();
  const isDown = connection !== "connected" && connection !== "idle";
  // The link will not come back by itself: the player reconnects.
  const isStopped = connection === "disconnected" || connection === "refused";
  const [isShown, setIsShown] = useState(false);
  useEffect(() => {
    if (!isDown) return;
    const timer = setTimeout(() => setIsShown(true), connection === "connecting" ? SHOW_AFTER_MS : 600);
    return () => {
      clearTimeout(timer);
      setIsShown(false);
    };
  }, [isDown, connection]);

  return (
    <div role="status" aria-live="polite" className={isDown && isShown ? undefined : "sr-only"}>
      {isDown && isShown && (
        <div className="flex flex-col gap-2 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset sm:flex-row sm:items-center sm:justify-between">
          <p className="flex items-center gap-2">
            {isStopped ? <OfflineIcon /> : <Spinner className="text-amber-700" />}
            <span>{connection === "refused" ? t("realtime.tooManyConnections") : connection === "disconnected" ? t("room.connection.offline") : t("room.connection.reconnecting")}</span>
          </p>
          {isStopped && (
            <Button size="sm" variant="secondary" onClick={() => getSocket(myId).connect()}>
              {t("room.connection.retry")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** A banner while the room is paused for an absent player or an empty seat. */
export function PauseBanner() {
  const t = useT();
  const room = useSnapshot();
  if (room.pausedAt === null || isOver(room.phase)) return <div role="status" aria-live="polite" className="sr-only" />;
  const away = awayPlayers(room.seats).map((s) => s.nickname ?? "?");
  const hasEmpty = room.seats.some((s) => s.userId === null);
  const hasWithdrawn = room.seats.some((s) => s.userId === null && s.isWithdrawn);
  const message = away.length
    ? t("room.paused.away", { names: joinNames(away, t("common.and")) })
    : hasWithdrawn
      ? t("withdraw.paused.withdrew")
      : hasEmpty
        ? t("room.paused.empty")
        : t("room.paused.generic");
  return (
    <div role="status" aria-live="polite">
      <div className="rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200 ring-inset">
        <p className="font-semibold">{t("room.paused.title")}</p>
        <p className="mt-0.5">{message}</p>
      </div>
    </div>
  );
}

function OfflineIcon() {
  return (
    <svg viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
      <path d="M2.5 7.5a11 11 0 0 1 15 0M5 10.5a7 7 0 0 1 10 0M7.75 13.25a3 3 0 0 1 4.5 0" />
      <path d="m3 3 14 14" />
    </svg>
  );
}
