"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useLocale, useT } from "@/components/i18n-provider";
import { errorMessageKey } from "@/components/room/room-logic";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";
import { createRoom, listScenarios, takeSeat, type ScenarioSummary } from "@/lib/client/room-api";

type Visibility = "public" | "private";
type ScenariosState = { status: "loading" } | { status: "error" } | { status: "ready"; scenarios: ScenarioSummary[] };

/** The scenarios in the UI language (all languages when there are none in it). */
function useScenarios(locale: string): [ScenariosState, () => void] {
  const [state, setState] = useState<ScenariosState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const inLocale = await listScenarios(locale, controller.signal);
      return inLocale.length ? inLocale : listScenarios(null, controller.signal);
    })().then(
      (scenarios) => setState({ status: "ready", scenarios }),
      () => !controller.signal.aborted && setState({ status: "error" }),
    );
    return () => controller.abort();
  }, [locale, attempt]);
  return [
    state,
    () => {
      setState({ status: "loading" });
      setAttempt((a) => a + 1);
    },
  ];
}

const VISIBILITY: { value: Visibility; label: MessageKey; hint: MessageKey }[] = [
  { value: "public", label: "lobby.create.public", hint: "lobby.create.publicHint" },
  { value: "private", label: "lobby.create.private", hint: "lobby.create.privateHint" },
];

/** Open a room: public or private, on a scenario; then take the first seat and go in. */
export function CreateRoomCard() {
  const t = useT();
  const { locale } = useLocale();
  const router = useRouter();
  const id = useId();
  const [scenarios, retry] = useScenarios(locale);
  const [visibility, setVisibility] = useState<Visibility>("public");
  const [picked, setPicked] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [isManual, setIsManual] = useState(false);
  const [isCreating, setIsCreating] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const list = scenarios.status === "ready" ? scenarios.scenarios : [];
  // The first scenario until one is picked (or when the picked one is not in this language's list).
  const scenario = list.find((s) => s.id === picked) ?? list[0] ?? null;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!scenario) return;
    setIsCreating(true);
    setError(null);
    try {
      const room = await createRoom({
        visibility,
        scenarioId: scenario.id,
        ...(title.trim() && { title: title.trim() }),
        ...(isManual && { settings: { roleAssignment: "manual" as const } }),
      });
      try {
        await takeSeat(room.code);
      } catch (err) {
        if (isApiError(err, "CONSENT_REQUIRED")) {
          router.push(`/consent?callbackUrl=/rooms/${room.code}`);
          return;
        }
        // The room exists: its page offers the seat again.
      }
      router.push(`/rooms/${room.code}`);
    } catch (err) {
      setIsCreating(false);
      setError(errorMessageKey(err));
    }
  }

  return (
    <Card as="section" aria-labelledby="create-room-title">
      <h2 id="create-room-title" className="text-lg font-semibold text-slate-900">
        {t("lobby.create.title")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("lobby.create.body")}</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <fieldset role="radiogroup" aria-labelledby={`${id}-visibility`} disabled={isCreating}>
          <legend id={`${id}-visibility`} className="mb-2 text-sm font-medium text-slate-800">
            {t("lobby.create.visibility")}
          </legend>
          <div className="grid grid-cols-2 gap-2">
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

        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-scenario`} className="text-sm font-medium text-slate-800">
            {t("lobby.create.scenario")}
          </label>
          {scenarios.status === "loading" ? (
            <p role="status" className="flex h-11 items-center gap-2 text-sm text-slate-500">
              <Spinner />
              {t("common.loading")}
            </p>
          ) : scenarios.status === "error" ? (
            <p role="alert" className="text-sm text-red-700">
              {t("lobby.create.scenariosError")}{" "}
              <button type="button" onClick={retry} className="font-semibold underline underline-offset-4">
                {t("common.retry")}
              </button>
            </p>
          ) : list.length === 0 ? (
            <p className="text-sm text-slate-600">{t("lobby.create.noScenarios")}</p>
          ) : (
            <select
              id={`${id}-scenario`}
              value={scenario?.id ?? ""}
              onChange={(e) => setPicked(e.target.value)}
              disabled={isCreating}
              aria-describedby={`${id}-scenario-details`}
              className="h-11 w-full rounded-xl border border-slate-300 bg-white px-3 text-[0.9375rem] text-slate-900 shadow-xs focus:border-brand-600 focus:ring-4 focus:ring-brand-100 focus:outline-none"
            >
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
          {scenario && (
            <div id={`${id}-scenario-details`} className="rounded-xl bg-slate-50 p-3 text-sm ring-1 ring-slate-200/70 ring-inset">
              <p className="leading-relaxed text-slate-700">{scenario.summary}</p>
              <p className="mt-2 text-xs font-medium text-slate-500">{t("lobby.create.rolesAndRounds", { n: scenario.rounds })}</p>
              <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={t("lobby.create.roles")}>
                {scenario.roles.map((r) => (
                  <li key={r} className="rounded-full bg-white px-2.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200">
                    {r}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>

        <TextField
          label={t("lobby.create.roomTitle")}
          labelNote={t("common.optional")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={80}
          disabled={isCreating}
          autoComplete="off"
        />

        <CheckboxField label={t("lobby.create.manual")} description={t("lobby.create.manualHint")} checked={isManual} onChange={(e) => setIsManual(e.target.checked)} disabled={isCreating} />

        <Alert>{error ? t(error) : null}</Alert>
        <Button type="submit" size="lg" className="w-full" isLoading={isCreating} disabled={!scenario}>
          {t("lobby.create.button")}
        </Button>
      </form>
    </Card>
  );
}
