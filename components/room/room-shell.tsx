"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { isOver } from "@/lib/domain/game";
import { isCode } from "@/lib/domain/codes";
import { useRoomStore } from "@/lib/client/stores/room";
import { useRequireMe } from "@/lib/client/use-require-me";
import { PageStatus } from "../page-status";
import { buttonClass } from "../ui/button";
import { useT } from "../i18n-provider";
import { VoiceBanner } from "../voice/voice-banner";
import { VoiceBar } from "../voice/voice-bar";
import { VoiceLayer, VoiceWarmup } from "../voice/voice-layer";
import { ConnectionBanner, PauseBanner } from "./banners";
import { FacilitatorRoomNote, useRunsRoomUnseated } from "./facilitator-note";
import { CheckInDialog } from "./check-in-dialog";
import { HostControls } from "./host-controls";
import { JoinRoomScreen } from "./join-room";
import { PhaseNoticeBanner } from "./phase-notice";
import { RoomEntry } from "./room-entry";
import { RoomFull } from "./room-full";
import { RoleReminder } from "./role-reminder";
import { RoomHeader } from "./room-header";
import { RoomSync, refetchRoom } from "./room-sync";
import { SeatsStrip } from "./seats-strip";
import { SharePanel } from "./share-panel";
import { SideTabs } from "./side-tabs";
import { useMyId } from "./use-room";

/**
 * The frame of every room page: syncs the room, and around the page shows the room header
 * (title, round, phase, countdown), the seats, banners, chat and notes, sharing and host
 * controls. The page itself renders only for a seated player (or once the game is over);
 * anyone else gets the join screen, or is told the room is full. Someone signed out (a room's
 * link or QR code opened on a phone) picks a nickname here first, and comes back here.
 */
export function RoomShell({ code, children }: { code: string; children: ReactNode }) {
  const session = useRequireMe(`/rooms/${code}`, { signedOut: "stay" });
  // A new attempt (the room was full, and the player checks again) syncs from scratch.
  const attempt = useRoomStore((s) => s.attempt);
  if (!isCode(code, 6)) return <RoomNotFound />;
  if (session.state === "signed-out") return <RoomEntry code={code} />;
  if (session.state !== "ready") return <PageStatus state={session.state} retry={session.state === "error" ? session.retry : undefined} />;
  return (
    <>
      <RoomSync key={attempt} code={code} userId={session.me.id} />
      <RoomFrame code={code}>{children}</RoomFrame>
    </>
  );
}

function RoomNotFound() {
  const t = useT();
  return (
    <main id="main" className="flex flex-1 flex-col items-center justify-center px-4 py-20 text-center">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("room.notFound.title")}</h1>
      <p className="mt-3 max-w-md text-slate-600">{t("room.notFound.body")}</p>
      <Link href="/lobby" className={buttonClass({ className: "mt-8" })}>
        {t("room.backToLobby")}
      </Link>
    </main>
  );
}

function RoomFrame({ code, children }: { code: string; children: ReactNode }) {
  const t = useT();
  const status = useRoomStore((s) => s.status);
  const hasSnapshot = useRoomStore((s) => s.snapshot !== null);
  const myId = useMyId();
  const phase = useRoomStore((s) => s.snapshot?.phase ?? "WAITING");
  const isSeated = useRoomStore((s) => s.snapshot?.seats.some((x) => x.userId === myId) ?? false);
  const hasFreeSeat = useRoomStore((s) => s.snapshot?.seats.some((x) => x.userId === null) ?? false);
  const isHost = useRoomStore((s) => s.snapshot?.hostId === myId);
  const runsRoom = useRunsRoomUnseated();

  if (status === "not-found") return <RoomNotFound />;
  if (status === "full" || status === "full-started") return <RoomFull standalone isStarted={status === "full-started"} onCheckAgain={() => useRoomStore.getState().retry()} />;
  if (!hasSnapshot) {
    if (status === "error") return <PageStatus state="error" retry={() => void refetchRoom(code)} errorKey="room.error.load" />;
    return <PageStatus state="loading" />;
  }

  const over = isOver(phase);
  // Voice runs for the seated players from the moment they sit down to the end of the game: the
  // waiting room talks too, and the game's start leaves the links as they are.
  const hasVoice = isSeated && !over;
  // Someone who may take a seat loads what the voice needs first, so that it starts at once.
  const mayWarmVoice = !isSeated && phase === "WAITING" && hasFreeSeat;
  // A seated player plays; the waiting room and the summary show for anyone who may see the
  // room; a facilitator following a game under way sees their note; someone else finds every
  // seat taken.
  const content =
    isSeated || over || (phase === "WAITING" && (hasFreeSeat || isHost)) ? (
      children
    ) : runsRoom ? (
      <FacilitatorRoomNote />
    ) : hasFreeSeat ? (
      <JoinRoomScreen />
    ) : (
      <RoomFull isStarted={phase !== "WAITING"} />
    );

  return (
    <main id="main" className="flex-1">
      {hasVoice && <VoiceLayer code={code} userId={myId} />}
      {isSeated && !over && <CheckInDialog code={code} />}
      {mayWarmVoice && <VoiceWarmup userId={myId} />}
      <RoomHeader />
      <div className="mx-auto max-w-6xl px-4 pt-4 pb-12 sm:px-6">
        <div className="flex flex-col gap-3">
          <ConnectionBanner />
          <PauseBanner />
          <PhaseNoticeBanner />
          {hasVoice && <VoiceBanner />}
        </div>
        <SeatsStrip className="mt-3" />
        {hasVoice && <VoiceBar className="mt-3" />}
        <div className="mt-5 grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
          <div className="min-w-0">{content}</div>
          {(isSeated || isHost) && (
            <aside className="flex min-w-0 flex-col gap-4" aria-label={t("room.aside.label")}>
              {isSeated && !over && <RoleReminder />}
              {isSeated && <SideTabs />}
              {!over && phase !== "WAITING" && hasFreeSeat && <SharePanel compact />}
              {isHost && !over && <HostControls />}
            </aside>
          )}
        </div>
      </div>
    </main>
  );
}
