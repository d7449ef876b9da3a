"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { assignRoles, leaveRoom, setReady } from "@/lib/client/room-api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { MicCheck } from "../voice/mic-check";
import { FacilitatorRoomNote, useRunsRoomUnseated } from "./facilitator-note";
import { CheckIcon } from "./seats-strip";
import { JoinRoomCard } from "./join-room";
import { SharePanel } from "./share-panel";
import { useMyId, useMySeat, useRoomAction, useSnapshot } from "./use-room";

/** WAITING: who is here, the ready toggle, leaving, the scenario, and the invitation. */
export function WaitingRoom() {
  const t = useT();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const myId = useMyId();
  const taken = room.seats.filter((s) => s.userId !== null).length;
  const ready = room.seats.filter((s) => s.userId !== null && s.ready).length;
  const isManual = room.settings.roleAssignment === "manual";
  const isHost = room.hostId === myId;
  const runsRoom = useRunsRoomUnseated();

  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("waiting.title")}</h1>
        <p className="mt-2 text-slate-600">{isManual ? t("waiting.howManual") : t("waiting.how")}</p>
        <p className="mt-2 text-sm font-medium text-slate-700" role="status" aria-live="polite">
          {t("waiting.count", { taken, ready })}
        </p>
      </header>

      {mySeat ? <ReadyCard /> : runsRoom ? <FacilitatorRoomNote /> : <JoinRoomCard />}
      {mySeat && <MicCheck />}
      {isManual && isHost && taken === 3 && <DealRolesCard />}
      <ScenarioCard />
      {taken < 3 && <SharePanel />}
    </div>
  );
}

function ReadyCard() {
  const t = useT();
  const router = useRouter();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const action = useRoomAction();
  const leave = useRoomAction();
  const isReady = mySeat?.ready ?? false;

  return (
    <Card as="section" aria-labelledby="ready-title">
      <h2 id="ready-title" className="text-lg font-semibold text-slate-900">
        {isReady ? t("waiting.ready.isReady") : t("waiting.ready.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{isReady ? t("waiting.ready.waitOthers") : t("waiting.ready.body")}</p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button
          size="lg"
          variant={isReady ? "secondary" : "primary"}
          aria-pressed={isReady}
          isLoading={action.isBusy}
          onClick={() => void action.run(() => setReady(room.code, !isReady))}
          className={cn("w-full sm:w-auto", isReady && "ring-2 ring-emerald-500 text-emerald-800")}
        >
          {isReady && <CheckIcon className="size-4" />}
          {t("waiting.ready.button")}
        </Button>
        <Button
          variant="ghost"
          isLoading={leave.isBusy}
          onClick={() =>
            void leave.run(async () => {
              await leaveRoom(room.code);
              router.push("/lobby");
            })
          }
        >
          {t("waiting.leave")}
        </Button>
      </div>
      <Alert className="mt-3">{action.error ? t(action.error) : leave.error ? t(leave.error) : null}</Alert>
    </Card>
  );
}

/** Host, manual mode: give each seat a role, or deal at random. */
function DealRolesCard() {
  const t = useT();
  const room = useSnapshot();
  const action = useRoomAction();
  const id = useId();
  const [picks, setPicks] = useState<number[]>(() => room.seats.map((s) => s.seat));
  const isValid = new Set(picks).size === picks.length;

  return (
    <Card as="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("waiting.deal.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("waiting.deal.body")}</p>
      <div className="mt-4 flex flex-col gap-3">
        {room.seats.map((seat, i) => (
          <div key={seat.seat} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
            <label htmlFor={`${id}-seat-${seat.seat}`} className="text-sm font-medium text-slate-800">
              {seat.nickname}
            </label>
            <select
              id={`${id}-seat-${seat.seat}`}
              value={picks[i]}
              onChange={(e) => setPicks((p) => p.map((v, j) => (j === i ? Number(e.target.value) : v)))}
              className="h-10 rounded-xl border border-slate-300 bg-white px-3 text-sm sm:w-64"
            >
              {room.scenario.roles.map((r) => (
                <option key={r.position} value={r.position}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {!isValid && <p className="mt-2 text-sm text-amber-800">{t("waiting.deal.distinct")}</p>}
      <div className="mt-4 flex flex-col gap-2 sm:flex-row">
        <Button
          disabled={!isValid}
          isLoading={action.isBusy}
          onClick={() => void action.run(() => assignRoles(room.code, "manual", room.seats.map((s, i) => ({ seat: s.seat, roleIndex: picks[i]! }))))}
        >
          {t("waiting.deal.manual")}
        </Button>
        <Button variant="secondary" disabled={action.isBusy} onClick={() => void action.run(() => assignRoles(room.code, "random"))}>
          {t("waiting.deal.random")}
        </Button>
      </div>
      <Alert className="mt-3">{action.error ? t(action.error) : null}</Alert>
    </Card>
  );
}

function ScenarioCard() {
  const t = useT();
  const room = useSnapshot();
  return (
    <Card as="section" aria-labelledby="scenario-title">
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("waiting.scenario")}</p>
      <h2 id="scenario-title" className="mt-1 text-lg font-semibold text-slate-900">
        {room.scenario.title}
      </h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">{room.scenario.summary}</p>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">{t("waiting.roles", { n: room.totalRounds })}</h3>
      <ul className="mt-2 flex flex-wrap gap-2">
        {room.scenario.roles.map((r) => (
          <li key={r.position} className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">
            {r.name}
          </li>
        ))}
      </ul>
    </Card>
  );
}
