"use client";

import { useState } from "react";
import type { Phase } from "@/lib/domain/game";
import type { RoomSnapshot, RoundQuestion } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { backConsensus, continueRound, endDiscussion, rateConsensus, submitChoice } from "@/lib/client/room-api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { Spinner } from "../ui/spinner";
import { useT } from "../i18n-provider";
import { ConfidencePicker, OptionList, OptionRadioCards, optionLetter } from "./choice-inputs";
import { Countdown } from "./room-header";
import { backersByOption, joinNames, myStance, waitingFor } from "./room-logic";
import { Avatar, CheckIcon } from "./seats-strip";
import { useMyId, useMySeat, useRoomAction, useSnapshot } from "./use-room";

const STEPS: { phase: Phase; label: MessageKey }[] = [
  { phase: "INDIVIDUAL", label: "round.step.INDIVIDUAL" },
  { phase: "DISCUSSION", label: "round.step.DISCUSSION" },
  { phase: "CONSENSUS", label: "round.step.CONSENSUS" },
  { phase: "REVEAL", label: "round.step.REVEAL" },
];

/** "B. Label" for an option index, or null when there is none. */
export function optionName(options: { index: number; label: string }[], index: number | null): string | null {
  if (index === null) return null;
  const o = options.find((x) => x.index === index);
  return o ? `${optionLetter(o.index)}. ${o.label}` : null;
}

/** One round of the dilemma, in whichever of its four steps the room is. */
export function RoundView({ n }: { n: number }) {
  const t = useT();
  const room = useSnapshot();
  const question = room.scenario.currentQuestion;
  if (room.round !== n || !question || !STEPS.some((s) => s.phase === room.phase)) {
    // The room is elsewhere; <RoomSync> is moving this page there.
    return (
      <p role="status" className="flex items-center gap-2 py-16 text-slate-500">
        <Spinner />
        {t("common.loading")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <RoundHead room={room} question={question} />
      {room.phase === "INDIVIDUAL" && <IndividualStep key={`i${room.round}`} question={question} />}
      {room.phase === "DISCUSSION" && <DiscussionStep question={question} />}
      {room.phase === "CONSENSUS" && <ConsensusStep key={`c${room.round}`} question={question} />}
      {room.phase === "REVEAL" && <RevealStep />}
    </div>
  );
}

function RoundHead({ room, question }: { room: RoomSnapshot; question: RoundQuestion }) {
  const t = useT();
  const current = STEPS.findIndex((s) => s.phase === room.phase);
  return (
    <header>
      <nav aria-label={t("round.steps")}>
        <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs font-medium sm:text-sm">
          {STEPS.map((s, i) => (
            <li key={s.phase} className="flex items-center gap-1.5">
              {i > 0 && (
                <span aria-hidden="true" className="text-slate-300">
                  →
                </span>
              )}
              <span
                aria-current={i === current ? "step" : undefined}
                className={cn(
                  "rounded-full px-2 py-0.5",
                  i === current ? "bg-brand-600 text-white" : i < current ? "text-brand-700" : "text-slate-500",
                )}
              >
                {t(s.label)}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <p className="mt-4 text-sm font-semibold text-brand-700">{t("round.of", { n: room.round, total: room.totalRounds })}</p>
      <h1 className="mt-1 text-xl leading-snug font-bold tracking-tight text-balance text-slate-900 sm:text-2xl">{question.question}</h1>
    </header>
  );
}

/** Names of the players still to answer, as one line for a live region. */
function useWaitingLine(room: RoomSnapshot, doneKey: MessageKey): string {
  const t = useT();
  const pending = waitingFor(room.seats);
  if (pending.length === 0) return t(doneKey);
  return t("round.waitingFor", { names: joinNames(pending.map((s) => s.nickname ?? "?"), t("common.and")) });
}

// ─── INDIVIDUAL ────────────────────────────────────────────────────────────────

type LocalAnswer = { choice: number; confidence: number };
const answerKey = (code: string, round: number) => `aedg:answer:${code}:${round}`;

function readAnswer(code: string, round: number): LocalAnswer | null {
  try {
    const raw = window.sessionStorage.getItem(answerKey(code, round));
    return raw ? (JSON.parse(raw) as LocalAnswer) : null;
  } catch {
    return null;
  }
}

function IndividualStep({ question }: { question: RoundQuestion }) {
  const t = useT();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const action = useRoomAction();
  const [choice, setChoice] = useState<number | null>(null);
  const [confidence, setConfidence] = useState<number | null>(null);
  // Your own answer stays hidden from the server's snapshot too; this tab remembers it.
  const [sent] = useState(() => readAnswer(room.code, room.round));
  const [justSent, setJustSent] = useState<LocalAnswer | null>(null);
  const waitingLine = useWaitingLine(room, "round.allAnswered");
  const hasSubmitted = mySeat?.submitted ?? false;
  const isPaused = room.pausedAt !== null;

  async function submit() {
    if (choice === null || confidence === null) return;
    const answer = { choice, confidence };
    const result = await action.run((opId) => submitChoice(room.code, room.round, choice, confidence, opId), `choice:${room.code}:${room.round}`);
    if (result) {
      setJustSent(answer);
      try {
        window.sessionStorage.setItem(answerKey(room.code, room.round), JSON.stringify(answer));
      } catch {
        // Private mode without storage: the answer is simply not shown after a reload.
      }
    }
  }

  if (hasSubmitted) {
    const mine = justSent ?? sent;
    return (
      <Card as="section" aria-labelledby="answer-in-title">
        <h2 id="answer-in-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <CheckIcon className="size-5 text-emerald-600" />
          {t("individual.sent")}
        </h2>
        {mine && (
          <p className="mt-2 text-slate-700">
            {t("individual.yourAnswer", { option: optionName(question.options, mine.choice) ?? "?", n: mine.confidence })}
          </p>
        )}
        <p className="mt-1 text-sm text-slate-500">{t("individual.hidden")}</p>
        <p className="mt-4 text-sm font-medium text-slate-700" role="status" aria-live="polite">
          {waitingLine}
        </p>
      </Card>
    );
  }

  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600">{t("individual.intro")}</p>
      <OptionRadioCards options={question.options} value={choice} onChange={setChoice} legend={t("individual.choiceLegend")} disabled={action.isBusy} />
      <Card>
        <ConfidencePicker value={confidence} onChange={setConfidence} legend={t("individual.confidenceLegend")} disabled={action.isBusy} />
      </Card>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" size="lg" className="w-full sm:w-auto" isLoading={action.isBusy} disabled={choice === null || confidence === null || isPaused}>
          {t("individual.submit")}
        </Button>
        <p className="text-sm text-slate-500">{choice === null || confidence === null ? t("individual.needBoth") : t("individual.final")}</p>
      </div>
      <Alert>{action.error ? t(action.error) : null}</Alert>
      <p className="sr-only" role="status" aria-live="polite">
        {waitingLine}
      </p>
    </form>
  );
}

// ─── DISCUSSION ────────────────────────────────────────────────────────────────

const GUIDANCE: MessageKey[] = ["discussion.tip.1", "discussion.tip.2", "discussion.tip.3"];

function DiscussionStep({ question }: { question: RoundQuestion }) {
  const t = useT();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const action = useRoomAction();
  const hasVoted = mySeat?.submitted ?? false;
  const voted = room.seats.filter((s) => s.userId !== null && s.submitted);
  const waitingLine = useWaitingLine(room, "discussion.allVoted");

  return (
    <>
      <Card as="section" aria-labelledby="talk-title" className="bg-gradient-to-br from-brand-50 to-white">
        <div className="flex items-start justify-between gap-3">
          <h2 id="talk-title" className="text-lg font-semibold text-slate-900">
            {t("discussion.title")}
          </h2>
          <Countdown className="sm:hidden" />
        </div>
        <ul className="mt-3 flex flex-col gap-2 text-[0.9375rem] text-slate-700">
          {GUIDANCE.map((key) => (
            <li key={key} className="flex gap-2">
              <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-brand-600" />
              <span>{t(key)}</span>
            </li>
          ))}
        </ul>
      </Card>

      <section aria-labelledby="options-title">
        <h2 id="options-title" className="mb-3 text-sm font-semibold text-slate-800">
          {t("discussion.options")}
        </h2>
        <OptionList options={question.options} />
      </section>

      <Card as="section" aria-labelledby="end-title">
        <h2 id="end-title" className="text-base font-semibold text-slate-900">
          {hasVoted ? t("discussion.youVoted") : t("discussion.endTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("discussion.endBody")}</p>
        {!hasVoted && (
          <Button
            size="lg"
            variant="secondary"
            className="mt-4 w-full sm:w-auto"
            isLoading={action.isBusy}
            disabled={room.pausedAt !== null}
            onClick={() => void action.run((opId) => endDiscussion(room.code, room.round, opId), `end:${room.code}:${room.round}`)}
          >
            {t("discussion.end")}
          </Button>
        )}
        <p className="mt-3 text-sm text-slate-700" role="status" aria-live="polite">
          {voted.length > 0 && t("discussion.voted", { names: joinNames(voted.map((s) => s.nickname ?? "?"), t("common.and")), n: voted.length })}{" "}
          {hasVoted && waitingLine}
        </p>
        <Alert className="mt-3">{action.error ? t(action.error) : null}</Alert>
      </Card>
    </>
  );
}

// ─── CONSENSUS ─────────────────────────────────────────────────────────────────

function ConsensusStep({ question }: { question: RoundQuestion }) {
  const t = useT();
  const room = useSnapshot();
  const myId = useMyId();
  const action = useRoomAction();
  const reached = room.consensus?.reached ?? null;
  const backers = backersByOption(room);
  const stance = myStance(room, myId);
  const nameOf = (userId: string) => room.seats.find((s) => s.userId === userId)?.nickname ?? "?";
  const seatOf = (userId: string) => room.seats.find((s) => s.userId === userId);
  const isPaused = room.pausedAt !== null;

  if (reached) return <ConsensusRating question={question} choice={reached.choice} />;

  return (
    <>
      <p className="text-[0.9375rem] text-slate-700">{t("consensus.intro")}</p>
      <ul className="flex flex-col gap-3" aria-label={t("consensus.options")}>
        {question.options.map((o) => {
          const ids = backers.get(o.index) ?? [];
          const isMine = stance === o.index;
          const label = isMine ? t("consensus.backing") : ids.length > 0 ? t("consensus.agree") : t("consensus.propose");
          return (
            <li
              key={o.index}
              data-testid={`consensus-option-${o.index}`}
              className={cn("rounded-2xl bg-white p-4 shadow-sm ring-1 ring-inset sm:p-5", isMine ? "ring-2 ring-brand-600" : ids.length ? "ring-brand-200" : "ring-slate-200")}
            >
              <div className="flex gap-3">
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-bold text-slate-600">
                  {optionLetter(o.index)}
                </span>
                <div className="min-w-0 flex-1">
                  <p id={`consensus-o${o.index}`} className="font-semibold text-slate-900">
                    {o.label}
                  </p>
                  {o.description && <p className="mt-1 text-sm leading-relaxed text-slate-600">{o.description}</p>}
                </div>
              </div>
              <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="flex min-h-9 items-center gap-2">
                  {ids.length > 0 ? (
                    <>
                      <span className="flex -space-x-2" aria-hidden="true">
                        {ids.map((id) => {
                          const seat = seatOf(id);
                          return seat ? <Avatar key={id} seat={seat} className="size-8 ring-2 ring-white" /> : null;
                        })}
                      </span>
                      <span className="text-sm text-slate-700">
                        {t("consensus.backedBy", { names: joinNames(ids.map((id) => (id === myId ? t("consensus.you") : nameOf(id))), t("common.and")), n: ids.length })}
                      </span>
                    </>
                  ) : (
                    <span className="text-sm text-slate-500">{t("consensus.noBackers")}</span>
                  )}
                </div>
                <Button
                  variant={isMine ? "secondary" : ids.length > 0 ? "primary" : "secondary"}
                  aria-pressed={isMine}
                  disabled={isMine || action.isBusy || isPaused}
                  onClick={() => void action.run((opId) => backConsensus(room.code, room.round, o.index, opId), `consensus:${room.code}:${room.round}:${o.index}`)}
                  className="w-full sm:w-auto"
                >
                  {isMine && <CheckIcon />}
                  {label}
                  <span className="sr-only"> {t("consensus.optionRef", { letter: optionLetter(o.index) })}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-500" role="status" aria-live="polite">
        {t("consensus.needAll")}
      </p>
      <Alert>{action.error ? t(action.error) : null}</Alert>
    </>
  );
}

function ConsensusRating({ question, choice }: { question: RoundQuestion; choice: number | null }) {
  const t = useT();
  const room = useSnapshot();
  const myId = useMyId();
  const action = useRoomAction();
  const [confidence, setConfidence] = useState<number | null>(null);
  const hasRated = room.consensus?.rated.includes(myId) ?? false;
  const waitingLine = useWaitingLine(room, "consensus.allRated");

  return (
    <>
      <Card as="section" aria-labelledby="agreed-title" className="border-t-4 border-emerald-500">
        <p id="agreed-title" className="text-sm font-semibold text-emerald-700">
          {t("consensus.reached")}
        </p>
        <p className="mt-1 text-lg font-bold text-slate-900" data-testid="consensus-choice">
          {optionName(question.options, choice) ?? t("consensus.none")}
        </p>
      </Card>
      <Card as="section" aria-labelledby="rate-title">
        <h2 id="rate-title" className="sr-only">
          {t("consensus.rateTitle")}
        </h2>
        {hasRated ? (
          <p className="flex items-center gap-2 font-medium text-slate-800">
            <CheckIcon className="size-5 text-emerald-600" />
            {t("consensus.rated")}
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (confidence === null) return;
              void action.run((opId) => rateConsensus(room.code, room.round, confidence, opId), `rate:${room.code}:${room.round}`);
            }}
            className="flex flex-col gap-4"
          >
            <ConfidencePicker value={confidence} onChange={setConfidence} legend={t("consensus.rateLegend")} disabled={action.isBusy} />
            <Button type="submit" size="lg" className="w-full sm:w-auto sm:self-start" isLoading={action.isBusy} disabled={confidence === null || room.pausedAt !== null}>
              {t("consensus.rateSubmit")}
            </Button>
          </form>
        )}
        <p className="mt-3 text-sm text-slate-600" role="status" aria-live="polite">
          {hasRated ? waitingLine : ""}
        </p>
        <Alert className="mt-3">{action.error ? t(action.error) : null}</Alert>
      </Card>
    </>
  );
}

// ─── REVEAL ────────────────────────────────────────────────────────────────────

function RevealStep() {
  const t = useT();
  const room = useSnapshot();
  const mySeat = useMySeat();
  const action = useRoomAction();
  const result = room.results.find((r) => r.round === room.round);
  const hasContinued = mySeat?.submitted ?? false;
  const waitingLine = useWaitingLine(room, "reveal.allReady");
  const isLast = room.round >= room.totalRounds;

  if (!result) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-500">
        <Spinner />
        {t("common.loading")}
      </p>
    );
  }
  return (
    <>
      <RoundResultCard result={result} seats={room.seats} />
      <Card as="section" aria-labelledby="continue-title">
        <h2 id="continue-title" className="text-base font-semibold text-slate-900">
          {hasContinued ? t("reveal.waiting") : isLast ? t("reveal.nextSummary") : t("reveal.nextRound", { n: room.round + 1 })}
        </h2>
        {!hasContinued && (
          <Button
            size="lg"
            className="mt-3 w-full sm:w-auto"
            isLoading={action.isBusy}
            disabled={room.pausedAt !== null}
            onClick={() => void action.run((opId) => continueRound(room.code, room.round, opId), `continue:${room.code}:${room.round}`)}
          >
            {t("reveal.continue")}
          </Button>
        )}
        <p className="mt-3 text-sm text-slate-600" role="status" aria-live="polite">
          {hasContinued ? waitingLine : t("reveal.autoNext")}
        </p>
        <Alert className="mt-3">{action.error ? t(action.error) : null}</Alert>
      </Card>
    </>
  );
}

/** One round's outcome: the group's decision, and each player's own choice and confidences. */
export function RoundResultCard({
  result,
  seats,
  headingLevel = 2,
  title,
}: {
  result: RoomSnapshot["results"][number];
  seats: RoomSnapshot["seats"];
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const consensus = optionName(result.options, result.consensus);
  const confidenceOf = (userId: string | null) => result.consensusConfidences.find((c) => c.userId === userId)?.confidence ?? null;
  const roleOf = (seat: number) => seats.find((s) => s.seat === seat)?.role?.name ?? null;
  return (
    <section aria-label={title ?? t("reveal.title")} className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <div className="border-b border-slate-100 p-5 sm:p-6">
        <Heading className="text-sm font-semibold text-emerald-700">{title ?? t("reveal.groupDecision")}</Heading>
        <p className="mt-1 text-lg font-bold text-slate-900" data-testid="round-consensus">
          {consensus ?? t("consensus.none")}
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-left text-sm">
          <caption className="sr-only">{t("reveal.tableCaption", { n: result.round })}</caption>
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium sm:px-6">
                {t("reveal.col.player")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                {t("reveal.col.choice")}
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium whitespace-nowrap sm:px-6">
                {t("reveal.col.confidence")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...result.choices]
              .sort((a, b) => a.seat - b.seat)
              .map((c) => {
                const agreed = c.choice !== null && c.choice === result.consensus;
                const after = confidenceOf(c.userId);
                return (
                  <tr key={c.seat}>
                    <th scope="row" className="min-w-[5.5rem] px-4 py-3 align-top font-medium text-slate-900 sm:px-6">
                      <span className="block">{c.nickname ?? t("seat.empty")}</span>
                      {roleOf(c.seat) && <span className="hidden text-xs font-normal text-slate-500 sm:block">{roleOf(c.seat)}</span>}
                    </th>
                    <td className="px-2 py-3 align-top text-slate-800">
                      {c.choice === null ? (
                        <span className="text-slate-500">{t("reveal.missing")}</span>
                      ) : (
                        <span className="flex items-start gap-1.5">
                          <span className={cn("mt-px inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold", agreed ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600")}>
                            {optionLetter(c.choice)}
                          </span>
                          <span>
                            {result.options.find((o) => o.index === c.choice)?.label}
                            {agreed && <span className="sr-only"> ({t("reveal.sameAsGroup")})</span>}
                          </span>
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-3 text-right align-top whitespace-nowrap tabular-nums sm:px-6">
                      <span className="sr-only">{t("reveal.confidenceShift", { before: c.confidence ?? "–", after: after ?? "–" })}</span>
                      <span aria-hidden="true" className="text-slate-800">
                        {c.confidence ?? "–"} <span className="text-slate-400">→</span> <span className="font-semibold">{after ?? "–"}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-500 sm:px-6">{t("reveal.legend")}</p>
    </section>
  );
}
