"use client";

import Link from "next/link";
import { useState } from "react";
import { useMeStore } from "@/lib/client/stores/me";
import { useRoomStore } from "@/lib/client/stores/room";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { useT } from "../i18n-provider";
import { JoinRoomCard } from "./join-room";
import { useMyId, useSnapshot } from "./use-room";

/** Whether the viewer is the facilitator (or admin) who opened this room and holds no seat in it (false before the room loads). */
export function useRunsRoomUnseated(): boolean {
  const myId = useMyId();
  const role = useMeStore((s) => s.me?.role);
  const opened = useRoomStore((s) => !!s.snapshot && s.snapshot.createdById === myId && !s.snapshot.seats.some((x) => x.userId === myId));
  return opened && (role === "FACILITATOR" || role === "ADMIN");
}

/**
 * For the facilitator who opened the room: they hold no seat (all three are for players), where
 * to follow the game, and, while the room waits, a way to sit down and play after all.
 */
export function FacilitatorRoomNote() {
  const t = useT();
  const room = useSnapshot();
  const [wantsSeat, setWantsSeat] = useState(false);
  if (wantsSeat) return <JoinRoomCard />;
  return (
    <Card as="section" aria-labelledby="facilitator-note-title" data-testid="facilitator-note">
      <h2 id="facilitator-note-title" className="text-lg font-semibold text-slate-900">
        {t("facilitator.roomNote.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("facilitator.roomNote.body")}</p>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <Link href="/facilitator/monitor" className={buttonClass({ className: "w-full sm:w-auto" })}>
          {t("facilitator.roomNote.monitor")}
        </Link>
        {room.phase === "WAITING" && room.seats.some((s) => s.userId === null) && (
          <button type="button" onClick={() => setWantsSeat(true)} className={buttonClass({ variant: "ghost", className: "w-full sm:w-auto" })}>
            {t("facilitator.roomNote.sit")}
          </button>
        )}
      </div>
    </Card>
  );
}
