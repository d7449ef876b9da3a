"use client";

import Link from "next/link";
import QRCode from "qrcode";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { DEFAULT_SETTINGS } from "@/lib/domain/game";
import type { MessageKey } from "@/lib/i18n/messages";
import { ApiError } from "@/lib/client/api";
import { getGame, getScenario, openRooms, openScenarioRooms, type OpenedRoom } from "@/lib/client/facilitator-api";
import { openRoomsSchema, type OpenRoomsInput } from "@/lib/validation/custom-game";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { CheckboxField } from "../ui/checkbox-field";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { TextField } from "../ui/text-field";
import { useLocale, useT } from "../i18n-provider";
import { facilitatorErrorKey } from "./errors";
import { SelectField } from "./fields";
import { FacilitatorFrame } from "./frame";
import { TIMER_FIELDS, isScenarioId, minutesToSeconds, settingsFromMinutes, type TimerField } from "./open-rooms-logic";

export interface RoomSheet {
  gameCode: string;
  gameTitle: string;
  openedAt: string;
  rooms: OpenedRoom[];
}

/** What rooms are opened from: one of the facilitator's custom games, or a built-in scenario. */
export type RoomSource = { kind: "game"; code: string } | { kind: "scenario"; id: string };

const sheetKey = (source: RoomSource) => (source.kind === "game" ? `aedg:room-sheet:${source.code}` : `aedg:room-sheet:scenario:${source.id}`);

function readSheet(source: RoomSource): RoomSheet | null {
  try {
    const raw = window.sessionStorage.getItem(sheetKey(source));
    return raw ? (JSON.parse(raw) as RoomSheet) : null;
  } catch {
    return null;
  }
}

function writeSheet(sheet: RoomSheet | null, source: RoomSource) {
  try {
    if (sheet) window.sessionStorage.setItem(sheetKey(source), JSON.stringify(sheet));
    else window.sessionStorage.removeItem(sheetKey(source));
  } catch {
    // Private mode without storage: the sheet is simply not kept across a reload.
  }
}

/** The title of what the rooms are opened from; a scenario that is not built in counts as not found (its rooms open through its game). */
async function loadSourceTitle(source: RoomSource, signal: AbortSignal): Promise<string> {
  if (source.kind === "game") return (await getGame(source.code, signal)).content.title;
  if (!isScenarioId(source.id)) throw new ApiError(404, "NOT_FOUND", "No such scenario.");
  const scenario = await getScenario(source.id, signal);
  if (scenario.source !== "BUILTIN") throw new ApiError(404, "NOT_FOUND", "Not a built-in scenario.");
  return scenario.title;
}

const TIMER_LABEL: Record<TimerField, MessageKey> = {
  rolesSeconds: "facilitator.rooms.timer.roles",
  individualSeconds: "facilitator.rooms.timer.individual",
  discussionSeconds: "facilitator.rooms.timer.discussion",
  consensusSeconds: "facilitator.rooms.timer.consensus",
  revealSeconds: "facilitator.rooms.timer.reveal",
  graceSeconds: "facilitator.rooms.timer.grace",
};

/**
 * Opens one or many rooms from a game or a built-in scenario ("10 private rooms for my class"),
 * then shows a printable sheet: each room's code, link and QR code. The last sheet stays for
 * this tab.
 */
export function OpenRoomsView({ source }: { source: RoomSource }) {
  const t = useT();
  const [title, setTitle] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<MessageKey | null>(null);
  const [sheet, setSheet] = useState<RoomSheet | null>(null);
  const { kind } = source;
  const ref = source.kind === "game" ? source.code : source.id;

  useEffect(() => {
    const controller = new AbortController();
    const from: RoomSource = kind === "game" ? { kind, code: ref } : { kind, id: ref };
    loadSourceTitle(from, controller.signal).then(
      (loaded) => {
        setSheet(readSheet(from));
        setTitle(loaded);
      },
      (e: unknown) => !controller.signal.aborted && setLoadError(facilitatorErrorKey(e)),
    );
    return () => controller.abort();
  }, [kind, ref]);

  const sheetCode = source.kind === "game" ? source.code : `scenario:${source.id}`;
  return (
    <FacilitatorFrame
      title={t("facilitator.rooms.title")}
      description={title !== null ? t("facilitator.rooms.intro", { title }) : undefined}
      back={{ href: "/facilitator", label: t("facilitator.nav.games") }}
      badges={title !== null && source.kind === "scenario" ? <Badge tone="brand">{t("facilitator.library.badge")}</Badge> : undefined}
      actions={
        title !== null &&
        source.kind === "game" && (
          <Link href={`/facilitator/games/${source.code}`} className={buttonClass({ variant: "secondary" })}>
            {t("facilitator.game.edit")}
          </Link>
        )
      }
    >
      {loadError ? (
        <Alert>{t(loadError)}</Alert>
      ) : title === null ? (
        <p role="status" className="flex items-center gap-2 text-slate-500">
          <Spinner />
          {t("common.loading")}
        </p>
      ) : (
        <div className="flex flex-col gap-8">
          {sheet ? (
            <SheetView
              sheet={sheet}
              onOpenMore={() => {
                writeSheet(null, source);
                setSheet(null);
              }}
            />
          ) : (
            <OpenRoomsForm
              title={title}
              open={(input) => (source.kind === "game" ? openRooms(source.code, input) : openScenarioRooms(source.id, input))}
              onOpened={(rooms) => {
                const next: RoomSheet = { gameCode: sheetCode, gameTitle: title, openedAt: new Date().toISOString(), rooms };
                writeSheet(next, source);
                setSheet(next);
              }}
            />
          )}
        </div>
      )}
    </FacilitatorFrame>
  );
}

type Visibility = "public" | "private";

function OpenRoomsForm({ title, open, onOpened }: { title: string; open(input: OpenRoomsInput): Promise<OpenedRoom[]>; onOpened(rooms: OpenedRoom[]): void }) {
  const t = useT();
  const id = useId();
  const [count, setCount] = useState("1");
  const [visibility, setVisibility] = useState<Visibility>("private");
  const [titlePrefix, setTitlePrefix] = useState("");
  const [roleAssignment, setRoleAssignment] = useState<"random" | "manual">("random");
  const [timers, setTimers] = useState<Partial<Record<TimerField, string>>>({});
  const [isResearch, setIsResearch] = useState(false);
  const [isTest, setIsTest] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const [error, setError] = useState<MessageKey | null>(null);
  const [isOpening, setIsOpening] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const settings = settingsFromMinutes(timers);
    const input: OpenRoomsInput = {
      count: count.trim() === "" ? Number.NaN : Number(count),
      visibility,
      ...(titlePrefix.trim() && { titlePrefix: titlePrefix.trim() }),
      settings: { ...settings, roleAssignment },
      ...(isResearch && { isResearch }),
      ...(isTest && { isTest }),
    };
    const parsed = openRoomsSchema.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<string, MessageKey>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "settings" ? String(issue.path[1]) : String(issue.path[0]);
        if (next[field]) continue;
        next[field] = field === "count" ? "facilitator.rooms.countError" : field === "titlePrefix" ? "facilitator.rooms.prefixError" : "facilitator.rooms.timerError";
      }
      setErrors(next);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setIsOpening(true);
    try {
      onOpened(await open(parsed.data));
    } catch (err) {
      setError(facilitatorErrorKey(err));
      setIsOpening(false);
    }
  }

  const VISIBILITY: { value: Visibility; label: MessageKey; hint: MessageKey }[] = [
    { value: "private", label: "lobby.create.private", hint: "facilitator.rooms.privateHint" },
    { value: "public", label: "lobby.create.public", hint: "lobby.create.publicHint" },
  ];

  return (
    <Card as="section" aria-labelledby={`${id}-title`} className="print:hidden">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("facilitator.rooms.formTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("facilitator.rooms.formIntro")}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-5">
        <div className="grid gap-5 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <TextField
            label={t("facilitator.rooms.count")}
            hint={t("facilitator.rooms.countHint")}
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            error={errors.count ? t(errors.count) : undefined}
            name="count"
            disabled={isOpening}
          />
          <TextField
            label={t("facilitator.rooms.prefix")}
            labelNote={t("common.optional")}
            hint={t("facilitator.rooms.prefixHint")}
            placeholder={title}
            maxLength={60}
            value={titlePrefix}
            onChange={(e) => setTitlePrefix(e.target.value)}
            error={errors.titlePrefix ? t(errors.titlePrefix) : undefined}
            name="titlePrefix"
            disabled={isOpening}
          />
        </div>

        <fieldset role="radiogroup" aria-labelledby={`${id}-visibility`} disabled={isOpening}>
          <legend id={`${id}-visibility`} className="mb-2 text-sm font-medium text-slate-800">
            {t("lobby.create.visibility")}
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {VISIBILITY.map((v) => {
              const isChecked = visibility === v.value;
              return (
                <label
                  key={v.value}
                  className={cn(
                    "relative flex cursor-pointer flex-col rounded-xl p-3 ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600",
                    isChecked ? "bg-brand-50/70 ring-2 ring-brand-600" : "bg-white ring-slate-200 hover:ring-slate-300",
                  )}
                >
                  <input
                    type="radio"
                    name={`${id}-visibility`}
                    value={v.value}
                    checked={isChecked}
                    onChange={() => setVisibility(v.value)}
                    aria-describedby={`${id}-${v.value}-hint`}
                    className="absolute inset-0 z-10 size-full cursor-pointer appearance-none rounded-[inherit] opacity-0 disabled:cursor-not-allowed"
                  />
                  <span className="text-sm font-semibold text-slate-900">{t(v.label)}</span>
                  <span id={`${id}-${v.value}-hint`} className="mt-0.5 text-xs leading-snug text-slate-600">
                    {t(v.hint)}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>

        <SelectField
          label={t("facilitator.rooms.roleAssignment")}
          value={roleAssignment}
          onChange={(v) => setRoleAssignment(v === "manual" ? "manual" : "random")}
          disabled={isOpening}
          className="sm:max-w-md"
        >
          <option value="random">{t("facilitator.rooms.roleRandom")}</option>
          <option value="manual">{t("facilitator.rooms.roleManual")}</option>
        </SelectField>

        <details className="group rounded-xl ring-1 ring-slate-200 ring-inset" open={Object.keys(errors).some((k) => k.endsWith("Seconds")) || undefined}>
          <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-4 py-3 text-sm font-medium text-slate-800 [&::-webkit-details-marker]:hidden">
            <span>
              {t("facilitator.rooms.timers")} <span className="font-normal text-slate-500">({t("common.optional")})</span>
            </span>
            <svg viewBox="0 0 20 20" className="size-4 text-slate-500 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
              <path d="m5 7.5 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </summary>
          <div className="border-t border-slate-100 px-4 pt-3 pb-4">
            <p className="text-sm text-slate-600">{t("facilitator.rooms.timersHint")}</p>
            <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {TIMER_FIELDS.map((field) => {
                const seconds = minutesToSeconds(timers[field] ?? "");
                return (
                <TextField
                  key={field}
                  label={t(TIMER_LABEL[field])}
                  type="number"
                  inputMode="decimal"
                  min={0.5}
                  step={0.5}
                  placeholder={String(DEFAULT_SETTINGS[field] / 60)}
                  value={timers[field] ?? ""}
                  onChange={(e) => setTimers((s) => ({ ...s, [field]: e.target.value }))}
                  hint={seconds !== null && Number.isFinite(seconds) ? t("facilitator.rooms.seconds", { n: seconds }) : t("facilitator.rooms.minutes")}
                  error={errors[field] ? t(errors[field]!) : undefined}
                  disabled={isOpening}
                />
                );
              })}
            </div>
          </div>
        </details>

        <div className="grid gap-3 md:grid-cols-2">
          <CheckboxField label={t("facilitator.rooms.research")} description={t("facilitator.rooms.researchHint")} checked={isResearch} onChange={(e) => setIsResearch(e.target.checked)} disabled={isOpening} />
          <CheckboxField label={t("facilitator.rooms.test")} description={t("facilitator.rooms.testHint")} checked={isTest} onChange={(e) => setIsTest(e.target.checked)} disabled={isOpening} />
        </div>

        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button type="submit" size="lg" isLoading={isOpening}>
            {t("facilitator.rooms.submit", { n: Number.isFinite(Number(count)) && Number(count) > 0 ? Number(count) : 1 })}
          </Button>
        </div>
        <Alert>{error ? t(error) : null}</Alert>
      </form>
    </Card>
  );
}

/** The printable sheet: one card per room with its code, link and QR code. */
function SheetView({ sheet, onOpenMore }: { sheet: RoomSheet; onOpenMore(): void }) {
  const t = useT();
  const { locale } = useLocale();
  // Rendered only in the browser (after the game has loaded), so the origin is known.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const [qrs, setQrs] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const base = window.location.origin;
    let active = true;
    Promise.all(
      sheet.rooms.map(async (r) => [r.code, await QRCode.toDataURL(`${base}/rooms/${r.code}`, { margin: 1, width: 280, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } })] as const),
    ).then(
      (pairs) => active && setQrs(Object.fromEntries(pairs)),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [sheet]);

  useEffect(() => headingRef.current?.focus(), []);

  const openedAt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(sheet.openedAt));
  return (
    <section aria-labelledby="sheet-title" className="flex flex-col gap-5" data-testid="room-sheet">
      <style>{`@media print { body footer { display: none !important; } body { background: #fff !important; } @page { margin: 12mm; } }`}</style>
      <div className="flex flex-col gap-3 rounded-2xl bg-emerald-50 p-4 ring-1 ring-emerald-200 ring-inset sm:flex-row sm:items-center sm:justify-between print:hidden" role="status">
        <p className="text-sm font-medium text-emerald-900">{t("facilitator.rooms.opened", { n: sheet.rooms.length })}</p>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => window.print()}>
            {t("facilitator.rooms.print")}
          </Button>
          <Link href="/facilitator/monitor" className={buttonClass({ size: "sm", variant: "secondary" })}>
            {t("facilitator.rooms.toMonitor")}
          </Link>
          <Button size="sm" variant="ghost" onClick={onOpenMore}>
            {t("facilitator.rooms.openMore")}
          </Button>
        </div>
      </div>

      <header className="print:mb-4">
        <h2 ref={headingRef} tabIndex={-1} id="sheet-title" className="text-xl font-bold text-slate-900 focus:outline-none print:text-2xl">
          {sheet.gameTitle}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {t("facilitator.rooms.sheetHow", { site: origin ? origin.replace(/^https?:\/\//, "") : "…" })} · {openedAt}
        </p>
      </header>

      <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-2 print:gap-3">
        {sheet.rooms.map((room) => {
          const link = origin ? `${origin}/rooms/${room.code}` : `/rooms/${room.code}`;
          return (
            <li
              key={room.code}
              data-testid="sheet-room"
              className="flex break-inside-avoid flex-col items-center gap-3 rounded-2xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-200/80 print:rounded-xl print:shadow-none print:ring-slate-400"
            >
              <p className="line-clamp-2 text-sm font-semibold text-slate-700">{room.title ?? sheet.gameTitle}</p>
              <div>
                <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("share.code")}</p>
                <p className="font-mono text-3xl font-bold tracking-[0.2em] text-slate-900" data-testid="sheet-room-code">
                  {room.code}
                </p>
              </div>
              {qrs[room.code] ? (
                // A data URL made in the browser; next/image adds nothing here.
                <img src={qrs[room.code]} alt={t("share.qrAlt", { code: room.code })} width={160} height={160} className="size-40 rounded-lg ring-1 ring-slate-200 print:size-[42mm]" />
              ) : (
                <div aria-hidden="true" className="size-40 animate-pulse rounded-lg bg-slate-100" />
              )}
              <a href={link} className="max-w-full font-mono text-xs break-all text-brand-700 underline-offset-4 hover:underline print:text-slate-700 print:no-underline">
                {link}
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
