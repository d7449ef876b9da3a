"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "@/lib/i18n/messages";
import { createGame, getGame, saveDilemma, saveOpening, saveRoles, setPublished, type CustomGameView } from "@/lib/client/facilitator-api";
import type { CustomGameInput } from "@/lib/validation/custom-game";
import { SCENARIO_LIMITS } from "@/lib/validation/scenario";
import { optionLetter } from "../room/choice-inputs";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { useLocale, useT } from "../i18n-provider";
import { AiDraftPanel } from "./ai-draft-panel";
import { draftStorage, readDraft, removeDraft, storageWorks, writeDraft } from "./editor-drafts";
import { changedSections, editorFrom, editorReducer, emptyEditor, isDirty, roundHasError, saveErrorShown, toGameInput, validateEditor, type EditorAction, type EditorState, type FieldErrors } from "./editor-state";
import { facilitatorErrorKey } from "./errors";
import { CountedField, DownIcon, IconButton, LockIcon, PlusIcon, SelectField, TrashIcon, UpIcon } from "./fields";
import { FacilitatorFrame } from "./frame";
import { GamePreview } from "./game-preview";
import { useAiStatus } from "./use-ai-status";

type View = "edit" | "preview";
type Notice = { tone: "success" | "info"; key: MessageKey; values?: Record<string, string | number> } | null;
type LoadState = { status: "loading" } | { status: "error"; key: MessageKey } | { status: "ready" };

const gameInputOf = (view: CustomGameView): CustomGameInput => ({ ...view.content, locale: view.locale });

/**
 * Writes a custom game: opening, three roles, 1–10 rounds of 2–4 options, checked with the
 * server's own schema as you type; saved with POST (new) or the three PUT routes (changed parts
 * only). A preview tab shows it as a player will see it. `code` null: a new game, with the AI
 * draft panel. Unsaved work is kept on this device as the user's draft of the game
 * (editor-drafts.ts) and offered back, with a way to discard it, when the editor opens again.
 */
export function GameEditor({ code, userId, initialView, openAi, justCreated }: { code: string | null; userId: string; initialView: View; openAi: boolean; justCreated: boolean }) {
  const t = useT();
  const { locale: uiLocale } = useLocale();
  const router = useRouter();
  const ai = useAiStatus();
  // A new game starts from the draft kept on this device, if any. (The editor renders only in the
  // browser, behind the sign-in check, so local storage can be read while rendering.)
  const [restored] = useState(() => (code ? null : keptNewGame(userId)));
  const [state, dispatch] = useReducer(editorReducer, null, () => (restored ? editorFrom(restored.game) : emptyEditor(uiLocale)));
  const [meta, setMeta] = useState<CustomGameView | null>(null);
  const [saved, setSaved] = useState<CustomGameInput | null>(null);
  const [load, setLoad] = useState<LoadState>(code ? { status: "loading" } : { status: "ready" });
  const [attempt, setAttempt] = useState(0);
  const [view, setView] = useState<View>(initialView);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [isPublishing, setIsPublishing] = useState(false);
  const [saveError, setSaveError] = useState<MessageKey | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** When the draft offered back on opening was last edited; null when none was. */
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  /** Set once a kept draft has been looked for: only then is the editor's content written back as the draft. */
  const [isDraftChecked, setIsDraftChecked] = useState(!code);
  const [canKeepDrafts] = useState(() => storageWorks(draftStorage()));
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!code) return;
    const controller = new AbortController();
    getGame(code, controller.signal).then(
      (game) => {
        const savedGame = gameInputOf(game);
        setMeta(game);
        setSaved(savedGame);
        // Unsaved changes kept from an earlier visit come back over the saved game.
        const draft = readDraft(draftStorage(), userId, code);
        const isNewer = draft !== null && isDirty(editorFrom(draft.game), savedGame);
        dispatch({ type: "load", game: isNewer ? draft.game : savedGame });
        setRestoredAt(isNewer ? draft.savedAt : null);
        setIsDraftChecked(true);
        setLoad({ status: "ready" });
        if (justCreated) setNotice({ tone: "success", key: "facilitator.editor.created", values: { code: game.code } });
      },
      (e: unknown) => !controller.signal.aborted && setLoad({ status: "error", key: facilitatorErrorKey(e) }),
    );
    return () => controller.abort();
  }, [code, userId, attempt, justCreated]);

  const validation = useMemo(() => validateEditor(state), [state]);
  const dirty = useMemo(() => isDirty(state, saved), [state, saved]);
  const errorCount = Object.keys(validation.errors).length;

  // Every edit is kept as the draft until it is saved (then the draft goes).
  useEffect(() => {
    if (!isDraftChecked) return;
    const storage = draftStorage();
    if (!dirty) return removeDraft(storage, userId, code);
    const game = toGameInput(state);
    const kept = readDraft(storage, userId, code);
    // The draft just offered back keeps its time until it is edited.
    if (kept === null || JSON.stringify(toGameInput(editorFrom(kept.game))) !== JSON.stringify(game)) writeDraft(storage, userId, code, game, new Date());
  }, [state, dirty, isDraftChecked, userId, code]);

  // Closing the tab with unsaved work asks first, unless the work is kept as a draft.
  useEffect(() => {
    if (!dirty || canKeepDrafts) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty, canKeepDrafts]);

  function discardDraft() {
    removeDraft(draftStorage(), userId, code);
    dispatch({ type: "load", game: saved ?? toGameInput(emptyEditor(state.locale)) });
    setRestoredAt(null);
    setTouched(new Set());
    setSubmitted(false);
    setSaveError(null);
    setNotice({ tone: "info", key: "facilitator.draft.discarded" });
  }

  const errorFor = (path: string): string | null => {
    const e = validation.errors[path];
    if (!e) return null;
    // A text over its limit shows at once; a missing one after leaving the field or trying to save.
    if (!submitted && !touched.has(path) && e.key !== "facilitator.error.tooLong") return null;
    return t(e.key, e.values);
  };
  const touch = (path: string) => () => setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));

  function focusFirstInvalid() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function save() {
    setSubmitted(true);
    setSaveError(null);
    setNotice(null);
    if (!validation.ok) {
      setView("edit");
      setSaveError("facilitator.editor.fixErrors");
      focusFirstInvalid();
      return;
    }
    const data = validation.data;
    setIsSaving(true);
    try {
      if (!code || !meta) {
        const created = await createGame(data);
        // The new game's page takes over; nothing is kept as a draft of a new game any more.
        setIsDraftChecked(false);
        removeDraft(draftStorage(), userId, null);
        setSaved(gameInputOf(created));
        router.replace(`/facilitator/games/${created.code}?created=1`);
        return;
      }
      let current = meta;
      for (const section of changedSections(gameInputOf(meta), data)) {
        if (section === "opening") current = await saveOpening(code, { title: data.title, summary: data.summary, opening: data.opening });
        else if (section === "roles") current = await saveRoles(code, data.roles);
        else current = await saveDilemma(code, data.rounds);
      }
      setMeta(current);
      setSaved(gameInputOf(current));
      setRestoredAt(null);
      setSubmitted(false);
      setTouched(new Set());
      setNotice(
        current.revision > meta.revision
          ? { tone: "info", key: "facilitator.editor.newRevision", values: { n: current.revision, old: meta.revision } }
          : { tone: "success", key: "facilitator.editor.saved" },
      );
    } catch (e) {
      setSaveError(facilitatorErrorKey(e));
    } finally {
      setIsSaving(false);
    }
  }

  async function togglePublished() {
    if (!meta) return;
    setIsPublishing(true);
    setSaveError(null);
    try {
      const next = await setPublished(meta.code, !meta.isPublished);
      setMeta(next);
      setNotice({ tone: "success", key: next.isPublished ? "facilitator.dashboard.publishedNotice" : "facilitator.dashboard.unpublishedNotice", values: { title: next.content.title } });
    } catch (e) {
      setSaveError(facilitatorErrorKey(e));
    } finally {
      setIsPublishing(false);
    }
  }

  if (load.status !== "ready") {
    return (
      <FacilitatorFrame title={t("facilitator.editor.editTitle")} back={{ href: "/facilitator", label: t("facilitator.nav.games") }}>
        {load.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 text-slate-500">
            <Spinner />
            {t("common.loading")}
          </p>
        ) : (
          <div className="flex flex-col items-start gap-3">
            <Alert className="w-full">{t(load.key)}</Alert>
            {load.key !== "facilitator.error.NOT_FOUND" && (
              <Button variant="secondary" onClick={() => (setLoad({ status: "loading" }), setAttempt((a) => a + 1))}>
                {t("common.retry")}
              </Button>
            )}
          </div>
        )}
      </FacilitatorFrame>
    );
  }

  const isNew = !code;
  const badges = meta && (
    <>
      <Badge className="font-mono tracking-wider">{meta.code}</Badge>
      <Badge>{t("facilitator.editor.revisionBadge", { n: meta.revision })}</Badge>
      <Badge tone={meta.isPublished ? "brand" : "neutral"}>{meta.isPublished ? t("facilitator.game.published") : t("facilitator.game.unpublished")}</Badge>
      {meta.roomsPlayed > 0 && <Badge tone="amber">{t("facilitator.editor.playedIn", { n: meta.roomsPlayed })}</Badge>}
    </>
  );
  const actions = meta && (
    <>
      <Button variant="secondary" onClick={() => void togglePublished()} isLoading={isPublishing}>
        {meta.isPublished ? t("facilitator.game.unpublish") : t("facilitator.game.publish")}
      </Button>
      <Link href={`/facilitator/games/${meta.code}/rooms`} className={buttonClass({ variant: dirty ? "secondary" : "primary" })}>
        {t("facilitator.game.openRooms")}
      </Link>
    </>
  );

  const saveBar = {
    isNew,
    dirty,
    isSaving,
    errorCount: submitted ? errorCount : 0,
    error: saveErrorShown(saveError, errorCount),
    isDraftKept: dirty && canKeepDrafts,
    onSave: () => void save(),
    onShowFirstError: () => {
      setView("edit");
      focusFirstInvalid();
    },
  };

  return (
    <FacilitatorFrame
      title={isNew ? t("facilitator.editor.newTitle") : meta?.content.title || t("facilitator.editor.editTitle")}
      description={isNew ? t("facilitator.editor.newIntro") : undefined}
      back={{ href: "/facilitator", label: t("facilitator.nav.games") }}
      badges={badges}
      actions={actions}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start lg:gap-8">
        <div className="flex min-w-0 flex-col gap-6">
          {restoredAt && (
            <div role="status" className="flex flex-col gap-3 rounded-xl bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100 ring-inset sm:flex-row sm:items-center sm:justify-between">
              <p>{t(isNew ? "facilitator.draft.restoredNew" : "facilitator.draft.restoredEdit", { time: formatDraftTime(restoredAt, uiLocale) })}</p>
              <Button size="sm" variant="secondary" className="shrink-0 self-start sm:self-auto" onClick={discardDraft}>
                {t(isNew ? "facilitator.draft.discardNew" : "facilitator.draft.discardEdit")}
              </Button>
            </div>
          )}
          {notice && <Alert tone={notice.tone}>{t(notice.key, notice.values)}</Alert>}
          {isNew && (
            <AiDraftPanel
              ai={ai}
              defaultLocale={state.locale}
              defaultOpen={openAi}
              willReplace={dirty}
              onDraft={(draft, model) => {
                dispatch({ type: "load", game: draft });
                setRestoredAt(null);
                setTouched(new Set());
                setSubmitted(false);
                setView("edit");
                setNotice({ tone: "info", key: "facilitator.ai.loaded", values: { model } });
              }}
            />
          )}

          <ViewTabs view={view} onChange={setView} />

          <div role="tabpanel" id={`editor-panel-${view}`} aria-labelledby={`editor-tab-${view}`}>
            {view === "preview" ? (
              <GamePreview game={toGameInput(state)} />
            ) : (
              <div ref={formRef} className="flex flex-col gap-6" data-testid="game-editor">
                <BasicsSection state={state} dispatch={dispatch} isNew={isNew} errorFor={errorFor} touch={touch} />
                <RolesSection state={state} dispatch={dispatch} errorFor={errorFor} touch={touch} />
                <RoundsSection state={state} dispatch={dispatch} errorFor={errorFor} touch={touch} errors={submitted ? validation.errors : {}} />
              </div>
            )}
          </div>

          <SaveBar {...saveBar} className="lg:hidden" />
        </div>
        <aside className="sticky top-24 hidden flex-col gap-4 lg:flex" aria-label={t("facilitator.editor.asideLabel")}>
          <SaveBar {...saveBar} isAside />
          {view === "edit" && <Outline state={state} errors={submitted ? validation.errors : {}} />}
        </aside>
      </div>
    </FacilitatorFrame>
  );
}

function ViewTabs({ view, onChange }: { view: View; onChange(view: View): void }) {
  const t = useT();
  const tabs: { id: View; label: string }[] = [
    { id: "edit", label: t("facilitator.editor.tabEdit") },
    { id: "preview", label: t("facilitator.editor.tabPreview") },
  ];
  return (
    <div
      role="tablist"
      aria-label={t("facilitator.editor.tabsLabel")}
      className="inline-flex self-start rounded-xl bg-slate-100 p-1 ring-1 ring-slate-200 ring-inset"
      onKeyDown={(e) => {
        if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
        const next = view === "edit" ? "preview" : "edit";
        onChange(next);
        requestAnimationFrame(() => document.getElementById(`editor-tab-${next}`)?.focus());
      }}
    >
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`editor-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={view === tab.id}
          aria-controls={`editor-panel-${tab.id}`}
          tabIndex={view === tab.id ? 0 : -1}
          onClick={() => onChange(tab.id)}
          className={cn("h-9 rounded-lg px-4 text-sm font-semibold transition-colors", view === tab.id ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900")}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

interface SectionProps {
  state: EditorState;
  dispatch(action: EditorAction): void;
  errorFor(path: string): string | null;
  touch(path: string): () => void;
}

function Section({ title, description, children, id, anchor }: { title: string; description?: string; children: ReactNode; id: string; anchor: string }) {
  return (
    <Card as="section" id={anchor} aria-labelledby={id} className="flex scroll-mt-36 flex-col gap-5">
      <div>
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {children}
    </Card>
  );
}

function BasicsSection({ state, dispatch, isNew, errorFor, touch }: SectionProps & { isNew: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <Section id={id} anchor="editor-basics" title={t("facilitator.editor.basics")} description={t("facilitator.editor.basicsHint")}>
      {isNew ? (
        <SelectField
          label={t("facilitator.editor.language")}
          hint={t("facilitator.editor.languageHint")}
          value={state.locale}
          onChange={(v) => dispatch({ type: "setLocale", locale: v === "ko" ? "ko" : "en" })}
          className="sm:max-w-xs"
        >
          <option value="en">{t("facilitator.locale.en")}</option>
          <option value="ko">{t("facilitator.locale.ko")}</option>
        </SelectField>
      ) : (
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-800">{t("facilitator.editor.language")}:</span> {t(state.locale === "ko" ? "facilitator.locale.ko" : "facilitator.locale.en")}
          <span className="text-slate-500"> · {t("facilitator.editor.languageFixed")}</span>
        </p>
      )}
      <CountedField
        label={t("facilitator.editor.title")}
        value={state.title}
        onChange={(value) => dispatch({ type: "setText", field: "title", value })}
        onBlur={touch("title")}
        max={SCENARIO_LIMITS.title}
        error={errorFor("title")}
        required
        name="title"
      />
      <CountedField
        label={t("facilitator.editor.summary")}
        labelNote={t("common.optional")}
        hint={t("facilitator.editor.summaryHint")}
        value={state.summary}
        onChange={(value) => dispatch({ type: "setText", field: "summary", value })}
        onBlur={touch("summary")}
        max={SCENARIO_LIMITS.summary}
        error={errorFor("summary")}
        rows={2}
        name="summary"
      />
      <CountedField
        label={t("facilitator.editor.opening")}
        hint={t("facilitator.editor.openingHint")}
        value={state.opening}
        onChange={(value) => dispatch({ type: "setText", field: "opening", value })}
        onBlur={touch("opening")}
        max={SCENARIO_LIMITS.opening}
        error={errorFor("opening")}
        rows={7}
        required
        name="opening"
      />
    </Section>
  );
}

function RolesSection({ state, dispatch, errorFor, touch }: SectionProps) {
  const t = useT();
  const id = useId();
  return (
    <Section id={id} anchor="editor-roles" title={t("facilitator.editor.roles")} description={t("facilitator.editor.rolesHint")}>
      <ol className="flex flex-col gap-4">
        {state.roles.map((role, i) => (
          <li key={i} className="rounded-xl bg-slate-50/70 p-4 ring-1 ring-slate-200 ring-inset sm:p-5">
            <fieldset className="flex flex-col gap-4">
              <legend className="mb-3 flex items-center gap-2 text-sm font-semibold text-slate-900">
                <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-brand-600 text-xs font-bold text-white">
                  {i + 1}
                </span>
                {t("facilitator.editor.roleN", { n: i + 1 })}
              </legend>
              <CountedField
                label={t("facilitator.editor.roleName")}
                value={role.name}
                onChange={(value) => dispatch({ type: "setRole", role: i, field: "name", value })}
                onBlur={touch(`roles.${i}.name`)}
                max={SCENARIO_LIMITS.roleName}
                error={errorFor(`roles.${i}.name`)}
                required
                name={`roles.${i}.name`}
              />
              <div className="grid gap-4 md:grid-cols-2">
                <CountedField
                  label={t("facilitator.editor.brief")}
                  hint={t("facilitator.editor.briefHint")}
                  value={role.brief}
                  onChange={(value) => dispatch({ type: "setRole", role: i, field: "brief", value })}
                  onBlur={touch(`roles.${i}.brief`)}
                  max={SCENARIO_LIMITS.brief}
                  error={errorFor(`roles.${i}.brief`)}
                  rows={5}
                  required
                  name={`roles.${i}.brief`}
                />
                <CountedField
                  label={
                    <span className="inline-flex items-center gap-1.5">
                      <LockIcon className="size-3.5 text-amber-700" />
                      {t("facilitator.editor.privateBrief")}
                    </span>
                  }
                  hint={t("facilitator.editor.privateBriefHint")}
                  value={role.privateBrief}
                  onChange={(value) => dispatch({ type: "setRole", role: i, field: "privateBrief", value })}
                  onBlur={touch(`roles.${i}.privateBrief`)}
                  max={SCENARIO_LIMITS.privateBrief}
                  error={errorFor(`roles.${i}.privateBrief`)}
                  rows={5}
                  required
                  name={`roles.${i}.privateBrief`}
                />
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function RoundsSection({ state, dispatch, errorFor, touch, errors }: SectionProps & { errors: FieldErrors }) {
  const t = useT();
  const id = useId();
  const [announcement, setAnnouncement] = useState("");
  const count = state.rounds.length;
  const act = (action: EditorAction, message: string) => {
    dispatch(action);
    setAnnouncement(message);
  };
  return (
    <Section id={id} anchor="editor-rounds" title={t("facilitator.editor.rounds")} description={t("facilitator.editor.roundsHint", { min: SCENARIO_LIMITS.minRounds, max: SCENARIO_LIMITS.maxRounds })}>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ol className="flex flex-col gap-4">
        {state.rounds.map((round, r) => (
          <li key={round.id} id={`editor-round-${r + 1}`} data-testid={`round-${r + 1}`} className={cn("scroll-mt-36 rounded-xl bg-slate-50/70 p-4 ring-1 ring-inset sm:p-5", roundHasError(errors, r) ? "ring-red-200" : "ring-slate-200")}>
            <fieldset className="flex flex-col gap-4">
              <legend className="sr-only">{t("facilitator.editor.roundN", { n: r + 1 })}</legend>
              <div className="flex items-center justify-between gap-2">
                <p aria-hidden="true" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                  <span className="flex h-6 min-w-6 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white">{r + 1}</span>
                  {t("facilitator.editor.roundN", { n: r + 1 })}
                </p>
                <div className="flex items-center">
                  <IconButton
                    label={t("facilitator.editor.moveRoundUp", { n: r + 1 })}
                    disabled={r === 0}
                    onClick={() => act({ type: "moveRound", round: r, by: -1 }, t("facilitator.editor.movedRound", { from: r + 1, to: r }))}
                  >
                    <UpIcon />
                  </IconButton>
                  <IconButton
                    label={t("facilitator.editor.moveRoundDown", { n: r + 1 })}
                    disabled={r === count - 1}
                    onClick={() => act({ type: "moveRound", round: r, by: 1 }, t("facilitator.editor.movedRound", { from: r + 1, to: r + 2 }))}
                  >
                    <DownIcon />
                  </IconButton>
                  <IconButton
                    tone="danger"
                    label={t("facilitator.editor.removeRound", { n: r + 1 })}
                    disabled={count <= SCENARIO_LIMITS.minRounds}
                    onClick={() => act({ type: "removeRound", round: r }, t("facilitator.editor.removedRound", { n: r + 1 }))}
                  >
                    <TrashIcon />
                  </IconButton>
                </div>
              </div>
              <CountedField
                label={t("facilitator.editor.question")}
                value={round.question}
                onChange={(value) => dispatch({ type: "setQuestion", round: r, value })}
                onBlur={touch(`rounds.${r}.question`)}
                max={SCENARIO_LIMITS.question}
                error={errorFor(`rounds.${r}.question`)}
                rows={2}
                required
                name={`rounds.${r}.question`}
              />
              <fieldset>
                <legend className="mb-2 text-sm font-medium text-slate-800">
                  {t("facilitator.editor.options")} <span className="font-normal text-slate-500">({t("facilitator.editor.optionsHint", { min: SCENARIO_LIMITS.minOptions, max: SCENARIO_LIMITS.maxOptions })})</span>
                </legend>
                <ol className="flex flex-col gap-3">
                  {round.options.map((option, o) => (
                    <li key={option.id} className="rounded-xl bg-white p-3 ring-1 ring-slate-200 ring-inset sm:p-4">
                      <div className="flex items-start gap-3">
                        <span aria-hidden="true" className="mt-8 flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-bold text-slate-600">
                          {optionLetter(o)}
                        </span>
                        <div className="flex min-w-0 flex-1 flex-col gap-3">
                          <CountedField
                            label={t("facilitator.editor.optionLabel", { letter: optionLetter(o) })}
                            value={option.label}
                            onChange={(value) => dispatch({ type: "setOption", round: r, option: o, field: "label", value })}
                            onBlur={touch(`rounds.${r}.options.${o}.label`)}
                            max={SCENARIO_LIMITS.optionLabel}
                            error={errorFor(`rounds.${r}.options.${o}.label`)}
                            required
                            name={`rounds.${r}.options.${o}.label`}
                          />
                          <CountedField
                            label={t("facilitator.editor.optionDescription", { letter: optionLetter(o) })}
                            labelNote={t("common.optional")}
                            value={option.description}
                            onChange={(value) => dispatch({ type: "setOption", round: r, option: o, field: "description", value })}
                            onBlur={touch(`rounds.${r}.options.${o}.description`)}
                            max={SCENARIO_LIMITS.optionDescription}
                            error={errorFor(`rounds.${r}.options.${o}.description`)}
                            rows={2}
                            name={`rounds.${r}.options.${o}.description`}
                          />
                        </div>
                        <div className="mt-7 flex flex-col">
                          <IconButton
                            label={t("facilitator.editor.moveOptionUp", { letter: optionLetter(o), n: r + 1 })}
                            disabled={o === 0}
                            onClick={() => act({ type: "moveOption", round: r, option: o, by: -1 }, t("facilitator.editor.movedOption", { from: optionLetter(o), to: optionLetter(o - 1) }))}
                          >
                            <UpIcon />
                          </IconButton>
                          <IconButton
                            label={t("facilitator.editor.moveOptionDown", { letter: optionLetter(o), n: r + 1 })}
                            disabled={o === round.options.length - 1}
                            onClick={() => act({ type: "moveOption", round: r, option: o, by: 1 }, t("facilitator.editor.movedOption", { from: optionLetter(o), to: optionLetter(o + 1) }))}
                          >
                            <DownIcon />
                          </IconButton>
                          <IconButton
                            tone="danger"
                            label={t("facilitator.editor.removeOption", { letter: optionLetter(o), n: r + 1 })}
                            disabled={round.options.length <= SCENARIO_LIMITS.minOptions}
                            onClick={() => act({ type: "removeOption", round: r, option: o }, t("facilitator.editor.removedOption", { letter: optionLetter(o) }))}
                          >
                            <TrashIcon />
                          </IconButton>
                        </div>
                      </div>
                    </li>
                  ))}
                </ol>
                <Button
                  size="sm"
                  variant="ghost"
                  className="mt-2"
                  disabled={round.options.length >= SCENARIO_LIMITS.maxOptions}
                  onClick={() => act({ type: "addOption", round: r }, t("facilitator.editor.addedOption", { letter: optionLetter(round.options.length), n: r + 1 }))}
                >
                  <PlusIcon />
                  {t("facilitator.editor.addOption")}
                  <span className="sr-only"> ({t("facilitator.editor.roundN", { n: r + 1 })})</span>
                </Button>
              </fieldset>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={count >= SCENARIO_LIMITS.maxRounds}
          onClick={() => act({ type: "addRound" }, t("facilitator.editor.addedRound", { n: count + 1 }))}
        >
          <PlusIcon />
          {t("facilitator.editor.addRound")}
        </Button>
        <p className="text-sm text-slate-500">{t("facilitator.editor.roundCount", { n: count, max: SCENARIO_LIMITS.maxRounds })}</p>
      </div>
    </Section>
  );
}

function SaveBar({
  className,
  isAside = false,
  isNew,
  dirty,
  isSaving,
  errorCount,
  error,
  isDraftKept,
  onSave,
  onShowFirstError,
}: {
  className?: string;
  isAside?: boolean;
  isNew: boolean;
  dirty: boolean;
  isSaving: boolean;
  errorCount: number;
  error: MessageKey | null;
  isDraftKept: boolean;
  onSave(): void;
  onShowFirstError(): void;
}) {
  const t = useT();
  const status = isSaving ? t("facilitator.editor.saving") : dirty ? t("facilitator.editor.unsaved") : isNew ? t("facilitator.editor.nothingYet") : t("facilitator.editor.allSaved");
  return (
    <div
      className={cn(
        isAside
          ? "rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80"
          : "sticky bottom-0 z-10 -mx-4 border-t border-slate-200/80 bg-white/95 px-4 py-3 backdrop-blur-md sm:mx-0 sm:rounded-2xl sm:border sm:shadow-lg",
        className,
      )}
    >
      <div className={cn("flex flex-col gap-2", !isAside && "sm:flex-row sm:items-center sm:justify-between", isAside && "gap-3")}>
        <div className="min-w-0 text-sm" role="status" aria-live="polite">
          <p className={cn("flex items-center gap-2 font-medium", dirty ? "text-amber-800" : "text-slate-600")}>
            <span aria-hidden="true" className={cn("size-2 shrink-0 rounded-full", dirty ? "bg-amber-500" : isNew ? "bg-slate-300" : "bg-emerald-500")} />
            {status}
          </p>
          {isDraftKept && !isSaving && <p className="mt-0.5 text-xs text-slate-500">{t("facilitator.draft.kept")}</p>}
          {errorCount > 0 && (
            <p className="mt-0.5 text-red-700">
              {t("facilitator.editor.errorCount", { n: errorCount })}{" "}
              <button type="button" onClick={onShowFirstError} className="font-semibold underline underline-offset-4">
                {t("facilitator.editor.showFirstError")}
              </button>
            </p>
          )}
          {error && <p className="mt-0.5 font-medium text-red-700">{t(error)}</p>}
        </div>
        <Button onClick={onSave} isLoading={isSaving} disabled={!isNew && !dirty} className={isAside ? "w-full" : "w-full sm:w-auto"}>
          {isNew ? t("facilitator.editor.create") : t("facilitator.editor.save")}
        </Button>
      </div>
    </div>
  );
}

/** The editor's parts as links (desktop), with a mark on parts that have errors. */
function Outline({ state, errors }: { state: EditorState; errors: FieldErrors }) {
  const t = useT();
  const keys = Object.keys(errors);
  const has = (prefix: string) => keys.some((k) => k === prefix || k.startsWith(`${prefix}.`));
  const items = [
    { href: "#editor-basics", label: t("facilitator.editor.basics"), bad: has("title") || has("summary") || has("opening") },
    { href: "#editor-roles", label: t("facilitator.editor.roles"), bad: has("roles") },
    ...state.rounds.map((r, i) => ({ href: `#editor-round-${i + 1}`, label: t("facilitator.editor.roundN", { n: i + 1 }), bad: has(`rounds.${i}`), sub: r.question.trim() })),
  ];
  return (
    <nav aria-label={t("facilitator.editor.outline")} className="rounded-2xl bg-white p-2 shadow-sm ring-1 ring-slate-200/80">
      <ol className="flex flex-col">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} className="flex items-center gap-2 rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 hover:text-slate-900">
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{item.label}</span>
                {"sub" in item && item.sub && <span className="block truncate text-xs text-slate-500">{item.sub}</span>}
              </span>
              {item.bad && (
                <span className="size-2 shrink-0 rounded-full bg-red-500">
                  <span className="sr-only">{t("facilitator.editor.hasErrors")}</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The draft of a new game kept for `userId`, when it holds anything. */
function keptNewGame(userId: string) {
  const draft = readDraft(draftStorage(), userId, null);
  return draft && isDirty(editorFrom(draft.game), null) ? draft : null;
}

/** When a draft was last edited, in the UI's language. */
function formatDraftTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
