"use client";

import { confirmRole } from "@/lib/client/room-api";
import { useRoomStore } from "@/lib/client/stores/room";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Spinner } from "../ui/spinner";
import { useT } from "../i18n-provider";
import { joinNames, waitingFor } from "./room-logic";
import { Avatar, CheckIcon } from "./seats-strip";
import { useMySeat, useRoomAction, useSnapshot } from "./use-room";

/** Splits a text on blank lines into paragraphs. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="mt-3 whitespace-pre-line first:mt-0">
            {p}
          </p>
        ))}
    </div>
  );
}

/** ROLES: the opening, your role with its private brief, the others' public briefs, and "I've read it". */
export function RolesView() {
  const t = useT();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const myRole = useRoomStore((s) => s.myRole);
  const action = useRoomAction();
  const hasConfirmed = mySeat?.submitted ?? false;
  const pending = waitingFor(room.seats);
  const confirmed = room.seats.filter((s) => s.userId !== null && s.submitted);

  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("roles.title")}</h1>
        <p className="mt-2 text-slate-600">{t("roles.intro")}</p>
      </header>

      <Card as="section" aria-labelledby="opening-title">
        <h2 id="opening-title" className="text-lg font-semibold text-slate-900">
          {t("roles.opening")}
        </h2>
        <Paragraphs text={room.scenario.opening} className="mt-3 text-[0.9375rem] leading-relaxed text-slate-700" />
      </Card>

      <Card as="section" aria-labelledby="my-role-title" className="border-t-4 border-brand-600">
        <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("role.yours")}</p>
        {myRole?.role ? (
          <>
            <h2 id="my-role-title" className="mt-1 text-xl font-bold text-slate-900">
              {myRole.role.name}
            </h2>
            <p className="mt-3 text-[0.9375rem] leading-relaxed text-slate-700">{myRole.role.brief}</p>
            <div className="mt-4 rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset">
              <h3 className="flex items-center gap-1.5 text-sm font-semibold text-amber-900">
                <LockIcon />
                {t("role.private")}
              </h3>
              <p className="mt-2 text-[0.9375rem] leading-relaxed text-amber-950">{myRole.role.privateBrief}</p>
            </div>
          </>
        ) : (
          <h2 id="my-role-title" className="mt-2 flex items-center gap-2 text-slate-500">
            <Spinner />
            {t("roles.loading")}
          </h2>
        )}
      </Card>

      <section aria-labelledby="others-title">
        <h2 id="others-title" className="text-lg font-semibold text-slate-900">
          {t("roles.others")}
        </h2>
        <ul className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
          {room.seats
            .filter((s) => s.seat !== mySeat?.seat)
            .map((seat) => {
              const brief = room.scenario.roles.find((r) => r.position === seat.role?.position)?.brief;
              return (
                <li key={seat.seat} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80">
                  <div className="flex items-center gap-3">
                    <Avatar seat={seat} />
                    <div className="min-w-0">
                      <p className="font-semibold text-slate-900">{seat.role?.name ?? t("seat.player")}</p>
                      <p className="truncate text-sm text-slate-500">{seat.nickname ?? t("seat.empty")}</p>
                    </div>
                  </div>
                  {brief && <p className="mt-3 text-sm leading-relaxed text-slate-700">{brief}</p>}
                </li>
              );
            })}
        </ul>
      </section>

      <Card as="section" aria-labelledby="confirm-title">
        <h2 id="confirm-title" className="text-lg font-semibold text-slate-900">
          {hasConfirmed ? t("roles.confirmed") : t("roles.confirmTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600" role="status" aria-live="polite">
          {pending.length === 0
            ? t("roles.allConfirmed")
            : t("roles.waitingFor", { names: joinNames(pending.map((s) => s.nickname ?? "?"), t("common.and")) })}
        </p>
        {confirmed.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2" aria-label={t("roles.whoConfirmed")}>
            {confirmed.map((s) => (
              <li key={s.seat} className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2.5 py-1 text-sm font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset">
                <CheckIcon />
                {s.nickname}
              </li>
            ))}
          </ul>
        )}
        {!hasConfirmed && (
          <Button size="lg" className="mt-4 w-full sm:w-auto" isLoading={action.isBusy} disabled={room.pausedAt !== null} onClick={() => void action.run(() => confirmRole(room.code))}>
            {t("roles.confirm")}
          </Button>
        )}
        <Alert className="mt-3">{action.error ? t(action.error) : null}</Alert>
      </Card>
    </div>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
