"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { isOver, isPlaying } from "@/lib/domain/game";
import type { RoomSnapshot, SeatView } from "@/lib/domain/snapshot";
import type { MessageKey, Translate } from "@/lib/i18n/messages";
import { advanceRoom, newOpId, releaseSeat } from "@/lib/client/room-api";
import { formatClock, joinNames, timeLeftMs } from "../../room/room-logic";
import { Avatar, submittedLabel } from "../../room/seats-strip";
import { useNow } from "../../room/use-now";
import { Alert } from "../../ui/alert";
import { Badge } from "../../ui/badge";
import { Button, buttonClass } from "../../ui/button";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { useT } from "../../i18n-provider";
import { facilitatorErrorKey } from "../errors";
import { MONITOR_PHASE_LABEL } from "./phase-labels";
import { FacilitatorFrame } from "../frame";
import { attention, roomName, seatProgress, sortRooms, timeInPhaseMs, waitingSeats, type Attention } from "./monitor-logic";
import { useMonitorStore } from "./monitor-store";
import { refetchMonitor } from "./monitor-sync";
import { FillWithBots } from "./fill-with-bots";
import { PhaseLogDrawer } from "./phase-log-drawer";

const ATTENTION_LABEL: Record<Exclude<Attention, null>, MessageKey> = {
  paused: "facilitator.monitor.attention.paused",
  away: "facilitator.monitor.attention.away",
  overdue: "facilitator.monitor.attention.overdue",
};

/** Every room the facilitator opened, live: phase, round, time in phase, each seat, and the rescue actions. */
export function MonitorView() {
  const t = useT();
  const status = useMonitorStore((s) => s.status);
  const roomMap = useMonitorStore((s) => s.rooms);
  const offset = useMonitorStore((s) => s.clockOffsetMs);
  const now = useNow();
  const rooms = useMemo(() => sortRooms(Object.values(roomMap)), [roomMap]);
  const [logFor, setLogFor] = useState<RoomSnapshot | null>(null);
  const active = rooms.filter((r) => !isOver(r.phase));
  const needing = active.filter((r) => attention(r, offset, now) !== null).length;

  return (
    <FacilitatorFrame title={t("facilitator.monitor.title")} description={t("facilitator.monitor.intro")} actions={<ConnectionPill />}>
      <Announcer />
      {status === "loading" && rooms.length === 0 && (
        <div className="flex flex-col gap-3" role="status">
          <span className="sr-only">{t("common.loading")}</span>
          {[0, 1].map((i) => (
            <div key={i} aria-hidden="true" className="h-32 animate-pulse rounded-2xl bg-white ring-1 ring-slate-200/80" />
          ))}
        </div>
      )}
      {status === "error" && rooms.length === 0 && (
        <div className="flex flex-col items-start gap-3">
          <Alert className="w-full">{t("facilitator.monitor.loadError")}</Alert>
          <Button variant="secondary" onClick={() => void refetchMonitor()}>
            {t("common.retry")}
          </Button>
        </div>
      )}
      {status === "ready" && rooms.length === 0 && (
        <Card className="flex flex-col items-center py-12 text-center">
          <h2 className="text-lg font-semibold text-slate-900">{t("facilitator.monitor.emptyTitle")}</h2>
          <p className="mt-1 max-w-md text-sm text-slate-600">{t("facilitator.monitor.emptyBody")}</p>
          <Link href="/facilitator" className={buttonClass({ className: "mt-6" })}>
            {t("facilitator.nav.games")}
          </Link>
        </Card>
      )}
      {rooms.length > 0 && (
        <>
          <p className="mb-4 text-sm text-slate-600" data-testid="monitor-counts">
            {t("facilitator.monitor.counts", { n: active.length })}
            {needing > 0 && (
              <>
                {" · "}
                <span className="font-semibold text-amber-800">{t("facilitator.monitor.needAttention", { n: needing })}</span>
              </>
            )}
          </p>
          <div className="lg:overflow-hidden lg:rounded-2xl lg:bg-white lg:shadow-sm lg:ring-1 lg:ring-slate-200/80">
            <table role="table" className="block w-full text-left text-sm lg:table">
              <caption className="sr-only">{t("facilitator.monitor.tableCaption")}</caption>
              <thead role="rowgroup" className="hidden bg-slate-50 text-xs text-slate-500 lg:table-header-group">
                <tr role="row">
                  <th role="columnheader" scope="col" className="w-[21%] px-4 py-2.5 font-medium">
                    {t("facilitator.monitor.col.room")}
                  </th>
                  <th role="columnheader" scope="col" className="w-[17%] px-4 py-2.5 font-medium">
                    {t("facilitator.monitor.col.phase")}
                  </th>
                  <th role="columnheader" scope="col" className="w-[10%] px-4 py-2.5 font-medium whitespace-nowrap">
                    {t("facilitator.monitor.col.time")}
                  </th>
                  <th role="columnheader" scope="col" className="px-4 py-2.5 font-medium">
                    {t("facilitator.monitor.col.players")}
                  </th>
                  <th role="columnheader" scope="col" className="w-[13%] px-4 py-2.5 font-medium">
                    <span className="sr-only">{t("facilitator.monitor.col.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup" className="flex flex-col gap-3 lg:table-row-group">
                {rooms.map((room) => (
                  <RoomRow key={room.code} room={room} now={now} offset={offset} onShowLog={() => setLogFor(room)} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {logFor && <PhaseLogDrawer code={logFor.code} name={roomName(logFor)} onClose={() => setLogFor(null)} />}
    </FacilitatorFrame>
  );
}

function ConnectionPill() {
  const t = useT();
  const connection = useMonitorStore((s) => s.connection);
  const isLive = connection === "connected";
  const label = isLive ? t("facilitator.monitor.live") : connection === "connecting" ? t("facilitator.monitor.connecting") : t("facilitator.monitor.reconnecting");
  return (
    <p
      role="status"
      className={cn(
        "inline-flex h-9 items-center gap-2 rounded-full px-3 text-sm font-medium ring-1 ring-inset",
        isLive ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-amber-200",
      )}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {isLive && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />}
        <span className={cn("relative inline-flex size-2 rounded-full", isLive ? "bg-emerald-500" : "bg-amber-500")} />
      </span>
      {label}
    </p>
  );
}

/** Tells screen readers when a room moves to another phase. */
function Announcer() {
  const t = useT();
  const change = useMonitorStore((s) => s.lastChange);
  const room = useMonitorStore((s) => (s.lastChange ? s.rooms[s.lastChange.code] : undefined));
  return (
    <p className="sr-only" aria-live="polite">
      {change && room ? t("facilitator.monitor.changed", { name: roomName(room), code: change.code, phase: t(MONITOR_PHASE_LABEL[change.phase]) }) : ""}
    </p>
  );
}

type Busy = "skip" | "end" | `release-${number}` | null;

function RoomRow({ room, now, offset, onShowLog }: { room: RoomSnapshot; now: number; offset: number; onShowLog(): void }) {
  const t = useT();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  // What was done, written when shown: a switch of language after the click rewrites it too.
  const [done, setDone] = useState<((t: Translate) => string) | null>(null);
  const [isConfirmingEnd, setIsConfirmingEnd] = useState(false);
  // The step "Skip phase" was asked for: the question goes if the room moves on by itself meanwhile.
  const [skipAskedFor, setSkipAskedFor] = useState<string | null>(null);
  const [confirmRelease, setConfirmRelease] = useState<number | null>(null);
  const over = isOver(room.phase);
  const playing = isPlaying(room.phase);
  const flag = now === 0 ? null : attention(room, offset, now);
  const inPhase = now === 0 ? null : timeInPhaseMs(room, offset, now);
  const left = now === 0 ? null : timeLeftMs(room, offset, now);
  const waiting = waitingSeats(room);
  const name = roomName(room);
  const step = `${room.phase}:${room.round}`;
  const isConfirmingSkip = skipAskedFor === step;

  async function run(kind: Exclude<Busy, null>, fn: () => Promise<RoomSnapshot>, message: (t: Translate) => string) {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      useMonitorStore.getState().receive(await fn());
      setDone(() => message);
    } catch (e) {
      setError(facilitatorErrorKey(e));
    } finally {
      setBusy(null);
    }
  }

  const cell = "block lg:table-cell lg:border-t lg:border-slate-100 lg:px-4 lg:py-4 lg:align-top";
  const mobileLabel = "mb-1 block text-xs font-medium text-slate-500 lg:hidden";

  return (
    <tr
      role="row"
      data-testid={`monitor-room-${room.code}`}
      className={cn(
        "grid grid-cols-2 gap-x-4 gap-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 lg:table-row lg:rounded-none lg:p-0 lg:shadow-none lg:ring-0",
        flag ? "ring-amber-300 lg:bg-amber-50/50" : "ring-slate-200/80",
        over && "opacity-70",
      )}
    >
      <td role="cell" className={cn(cell, "col-span-2")}>
        <p className="font-semibold text-balance text-slate-900">{name}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-500">
          <span className="font-mono text-sm font-semibold tracking-wider text-slate-700">{room.code}</span>
          <span aria-hidden="true">·</span>
          <span>{room.visibility === "private" ? t("lobby.create.private") : t("lobby.create.public")}</span>
          {room.isResearch && (
            <>
              <span aria-hidden="true">·</span>
              <span>{t("facilitator.monitor.research")}</span>
            </>
          )}
        </p>
        {room.title && !room.title.startsWith(room.scenario.title) && <p className="mt-0.5 truncate text-xs text-slate-500">{room.scenario.title}</p>}
      </td>

      <td role="cell" className={cell}>
        <span className={mobileLabel}>{t("facilitator.monitor.col.phase")}</span>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone={over ? "neutral" : "brand"} className="text-sm">
            <span data-testid="monitor-phase">{t(MONITOR_PHASE_LABEL[room.phase])}</span>
          </Badge>
          {room.pausedAt && <Badge tone="amber">{t("facilitator.monitor.paused")}</Badge>}
        </div>
        {room.round > 0 && !over && <p className="mt-1 text-slate-700">{t("room.header.round", { n: room.round, total: room.totalRounds })}</p>}
        {left !== null && !over && <p className="mt-0.5 text-xs text-slate-500 tabular-nums">{t("facilitator.monitor.timerLeft", { time: formatClock(left) })}</p>}
        {flag && <p className="mt-1 text-xs font-medium text-amber-800">{t(ATTENTION_LABEL[flag])}</p>}
      </td>

      <td role="cell" className={cell}>
        <span className={mobileLabel}>{t("facilitator.monitor.col.time")}</span>
        <span className="text-lg font-semibold text-slate-900 tabular-nums lg:text-base">{inPhase === null ? "–" : formatClock(inPhase)}</span>
      </td>

      <td role="cell" className={cn(cell, "col-span-2")}>
        <span className={mobileLabel}>{t("facilitator.monitor.col.players")}</span>
        <ul className="flex flex-col gap-2">
          {room.seats.map((seat) => (
            <SeatLine
              key={seat.seat}
              room={room}
              seat={seat}
              busy={busy === `release-${seat.seat}`}
              disabled={busy !== null || over}
              isConfirming={confirmRelease === seat.seat}
              onAsk={() => setConfirmRelease(seat.seat)}
              onCancel={() => setConfirmRelease(null)}
              onRelease={() =>
                void run(`release-${seat.seat}`, () => releaseSeat(room.code, seat.seat), (t) => t("facilitator.monitor.released", { name: seat.nickname ?? "?" })).then(() => setConfirmRelease(null))
              }
            />
          ))}
        </ul>
        {waiting.length > 0 && !over && room.phase !== "DISCUSSION" && (
          <p className="mt-2 text-xs text-slate-600">{t("facilitator.monitor.waitingFor", { names: joinNames(waiting.map((s) => s.nickname ?? "?"), t("common.and")) })}</p>
        )}
      </td>

      <td role="cell" className={cn(cell, "col-span-2 border-t border-slate-100 pt-3 lg:pt-4")}>
        <div className="flex flex-wrap gap-2 lg:flex-col lg:items-stretch">
          {playing && !isConfirmingSkip && (
            <Button size="sm" variant="secondary" disabled={busy !== null} onClick={() => setSkipAskedFor(step)}>
              {t("facilitator.monitor.skip")}
              <span className="sr-only"> – {t(MONITOR_PHASE_LABEL[room.phase])}, {name}</span>
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={onShowLog}>
            {t("facilitator.monitor.log")}
            <span className="sr-only"> – {name}</span>
          </Button>
          <Link href={`/rooms/${room.code}`} target="_blank" className={buttonClass({ size: "sm", variant: "ghost" })}>
            {t("facilitator.monitor.openRoom")}
            <span className="sr-only"> – {name} ({t("facilitator.monitor.newTab")})</span>
          </Link>
          {!over && !isConfirmingEnd && (
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => setIsConfirmingEnd(true)}
              className="inline-flex h-9 items-center justify-center rounded-xl px-3 text-sm font-semibold text-red-700 transition-colors hover:bg-red-50 hover:text-red-800 disabled:text-slate-400"
            >
              {t("facilitator.monitor.end")}
              <span className="sr-only"> – {name}</span>
            </button>
          )}
        </div>
        <div className="mt-2 empty:hidden">
          <FillWithBots room={room} name={name} />
        </div>
        {isConfirmingSkip && playing && (
          <div className="mt-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset" role="group" aria-label={t("facilitator.monitor.skip")}>
            <p className="text-sm font-medium text-amber-900">{t("facilitator.monitor.skipConfirm", { phase: t(MONITOR_PHASE_LABEL[room.phase]) })}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button
                size="sm"
                isLoading={busy === "skip"}
                disabled={busy !== null}
                onClick={() => {
                  const skippedPhase = room.phase;
                  void run("skip", () => advanceRoom(room.code, "facilitator skipped the phase (monitor)", false, newOpId()), (t) => t("facilitator.monitor.skipped", { phase: t(MONITOR_PHASE_LABEL[skippedPhase]) })).then(() =>
                    setSkipAskedFor(null),
                  );
                }}
              >
                {t("facilitator.monitor.skipYes")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setSkipAskedFor(null)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
        {isConfirmingEnd && !over && (
          <div className="mt-2 rounded-xl bg-red-50 p-3 ring-1 ring-red-200 ring-inset" role="group" aria-label={t("facilitator.monitor.end")}>
            <p className="text-sm font-medium text-red-900">{t("facilitator.monitor.endConfirm")}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                disabled={busy !== null}
                aria-busy={busy === "end" || undefined}
                onClick={() =>
                  void run("end", () => advanceRoom(room.code, "facilitator ended the room (monitor)", true, newOpId()), (t) => t("facilitator.monitor.ended")).then(() => setIsConfirmingEnd(false))
                }
                className="inline-flex h-9 items-center rounded-xl bg-red-600 px-3 text-sm font-semibold text-white hover:bg-red-700 disabled:bg-slate-300"
              >
                {t("facilitator.monitor.endYes")}
              </button>
              <Button size="sm" variant="ghost" onClick={() => setIsConfirmingEnd(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        )}
        <p className="mt-2 text-xs text-emerald-700 empty:hidden" role="status">
          {done?.(t)}
        </p>
        <Alert className="mt-2 text-xs">{error ? t(error) : null}</Alert>
      </td>
    </tr>
  );
}

function SeatLine({
  room,
  seat,
  busy,
  disabled,
  isConfirming,
  onAsk,
  onCancel,
  onRelease,
}: {
  room: RoomSnapshot;
  seat: SeatView;
  busy: boolean;
  disabled: boolean;
  isConfirming: boolean;
  onAsk(): void;
  onCancel(): void;
  onRelease(): void;
}) {
  const t = useT();
  const progress = seatProgress(room.phase, seat);
  const isSeated = seat.userId !== null;
  return (
    <li className="flex flex-wrap items-center gap-x-2.5 gap-y-1" data-testid={`monitor-seat-${seat.seat}`}>
      <Avatar seat={seat} className="size-8 text-xs" />
      <div className="min-w-0 flex-1">
        <p className={cn("truncate font-medium", isSeated ? "text-slate-900" : "text-slate-400")}>{seat.nickname ?? t("seat.empty")}</p>
        {seat.role && <p className="truncate text-xs text-slate-500">{seat.role.name}</p>}
      </div>
      {isSeated && (
        <span className={cn("inline-flex items-center gap-1 text-xs font-medium", seat.connected ? "text-emerald-700" : "text-amber-800")}>
          <span aria-hidden="true" className={cn("size-1.5 rounded-full", seat.connected ? "bg-emerald-500" : "bg-amber-500")} />
          {seat.connected ? t("facilitator.monitor.here") : t("seat.away")}
        </span>
      )}
      {progress === "done" && (
        <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset">
          <svg viewBox="0 0 20 20" className="size-3" fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="m4.5 10.5 3.5 3.5 7.5-8" />
          </svg>
          {t(submittedLabel(room.phase, room) ?? "facilitator.monitor.done")}
        </span>
      )}
      {progress === "waiting" && (
        <Badge>{room.phase === "WAITING" ? t("facilitator.monitor.notReady") : room.phase === "DISCUSSION" ? t("facilitator.monitor.talking") : t("facilitator.monitor.waiting")}</Badge>
      )}
      {isSeated && !isConfirming && (
        <button
          type="button"
          disabled={disabled}
          onClick={onAsk}
          className="rounded-md px-1.5 py-1 text-xs font-semibold text-slate-600 underline-offset-4 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-300 disabled:hover:bg-transparent"
        >
          {t("facilitator.monitor.release")}
          <span className="sr-only"> – {seat.nickname}</span>
        </button>
      )}
      {isConfirming && (
        <span className="flex w-full items-center gap-2 rounded-lg bg-amber-50 px-2 py-1.5 text-xs ring-1 ring-amber-200 ring-inset" role="group" aria-label={t("facilitator.monitor.release")}>
          <span className="flex-1 text-amber-900">{t("facilitator.monitor.releaseConfirm", { name: seat.nickname ?? "?" })}</span>
          <button type="button" onClick={onRelease} disabled={busy} aria-busy={busy || undefined} className="rounded-md bg-amber-600 px-2 py-1 font-semibold text-white hover:bg-amber-700 disabled:bg-slate-300">
            {t("facilitator.monitor.releaseYes")}
          </button>
          <button type="button" onClick={onCancel} className="rounded-md px-2 py-1 font-semibold text-slate-600 hover:bg-amber-100">
            {t("common.cancel")}
          </button>
        </span>
      )}
    </li>
  );
}
