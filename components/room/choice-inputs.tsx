"use client";

import { useId, type ReactNode } from "react";
import { CONFIDENCE_MAX, CONFIDENCE_MIN } from "@/lib/domain/game";
import type { RoundQuestion } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

/** "A", "B", "C", "D" for option indexes 0..3. */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** The options of a round as big radio cards. */
export function OptionRadioCards({
  options,
  value,
  onChange,
  legend,
  disabled,
}: {
  options: RoundQuestion["options"];
  value: number | null;
  onChange(index: number): void;
  legend: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} disabled={disabled} className="flex flex-col gap-3">
      <legend id={`${id}-legend`} className="mb-3 text-sm font-semibold text-slate-800">
        {legend}
      </legend>
      {options.map((o) => {
        const isChecked = value === o.index;
        return (
          <label
            key={o.index}
            className={cn(
              "relative flex cursor-pointer gap-3 rounded-2xl bg-white p-4 ring-1 transition-colors ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 sm:p-5",
              isChecked ? "bg-brand-50/70 ring-2 ring-brand-600" : "ring-slate-200 hover:ring-slate-300",
              disabled && "cursor-not-allowed opacity-70",
            )}
          >
            <input
              type="radio"
              name={`${id}-option`}
              value={o.index}
              checked={isChecked}
              onChange={() => onChange(o.index)}
              aria-labelledby={`${id}-o${o.index}`}
              aria-describedby={o.description ? `${id}-d${o.index}` : undefined}
              className="absolute inset-0 z-10 size-full cursor-pointer appearance-none rounded-[inherit] opacity-0 disabled:cursor-not-allowed"
            />
            <span
              aria-hidden="true"
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold",
                isChecked ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600",
              )}
            >
              {optionLetter(o.index)}
            </span>
            <span className="min-w-0">
              <span id={`${id}-o${o.index}`} className="block font-semibold text-slate-900">
                <span className="sr-only">{optionLetter(o.index)}. </span>
                {o.label}
              </span>
              {o.description && (
                <span id={`${id}-d${o.index}`} className="mt-1 block text-sm leading-relaxed text-slate-600">
                  {o.description}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

const LEVELS = Array.from({ length: CONFIDENCE_MAX - CONFIDENCE_MIN + 1 }, (_, i) => CONFIDENCE_MIN + i);
const LEVEL_LABEL: Record<number, MessageKey> = { 1: "confidence.1", 2: "confidence.2", 3: "confidence.3", 4: "confidence.4", 5: "confidence.5" };

/** Confidence 1–5 as a row of radio buttons, with the ends named. */
export function ConfidencePicker({ value, onChange, legend, disabled }: { value: number | null; onChange(level: number): void; legend: ReactNode; disabled?: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} aria-describedby={`${id}-scale`} disabled={disabled}>
      <legend id={`${id}-legend`} className="mb-2 text-sm font-semibold text-slate-800">
        {legend}
      </legend>
      <div className="grid grid-cols-5 gap-2">
        {LEVELS.map((level) => {
          const isChecked = value === level;
          return (
            <label
              key={level}
              className={cn(
                "relative flex h-12 cursor-pointer items-center justify-center rounded-xl text-lg font-semibold ring-1 transition-colors ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600",
                isChecked ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
                disabled && "cursor-not-allowed opacity-70",
              )}
            >
              <input
                type="radio"
                name={`${id}-confidence`}
                value={level}
                checked={isChecked}
                onChange={() => onChange(level)}
                aria-label={t("confidence.level", { n: level, label: t(LEVEL_LABEL[level]!) })}
                className="absolute inset-0 z-10 size-full cursor-pointer appearance-none rounded-[inherit] opacity-0 disabled:cursor-not-allowed"
              />
              <span aria-hidden="true">{level}</span>
            </label>
          );
        })}
      </div>
      <p id={`${id}-scale`} className="mt-1.5 flex justify-between text-xs text-slate-500">
        <span>{t("confidence.1")}</span>
        <span>{t("confidence.5")}</span>
      </p>
    </fieldset>
  );
}

/** A read-only list of a round's options (discussion, summary). */
export function OptionList({ options, highlight }: { options: RoundQuestion["options"]; highlight?: number | null }) {
  return (
    <ol className="flex flex-col gap-2">
      {options.map((o) => (
        <li key={o.index} className={cn("flex gap-3 rounded-xl p-3 ring-1 ring-inset", highlight === o.index ? "bg-brand-50 ring-brand-200" : "bg-slate-50 ring-slate-200/70")}>
          <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-white text-sm font-bold text-slate-600 ring-1 ring-slate-200">
            {optionLetter(o.index)}
          </span>
          <span className="min-w-0">
            <span className="block text-sm font-semibold text-slate-900">
              <span className="sr-only">{optionLetter(o.index)}. </span>
              {o.label}
            </span>
            {o.description && <span className="mt-0.5 block text-sm leading-relaxed text-slate-600">{o.description}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
