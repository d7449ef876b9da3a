"use client";

import type { MessageKey } from "@/lib/i18n/messages";
import { cn } from "./ui/cn";
import { useT } from "./i18n-provider";

const STEPS: ReadonlyArray<{ title: MessageKey; body: MessageKey }> = [
  { title: "steps.1.title", body: "steps.1.body" },
  { title: "steps.2.title", body: "steps.2.body" },
  { title: "steps.3.title", body: "steps.3.body" },
];

/** The game in three steps: take a role, choose alone, decide together. */
export function HowItWorks({ headingKey = "steps.title", compact = false, id }: { headingKey?: MessageKey; compact?: boolean; id?: string }) {
  const t = useT();
  const headingId = `${id ?? "how-it-works"}-heading`;
  return (
    <section aria-labelledby={headingId} id={id}>
      <h2 id={headingId} className={cn("font-semibold tracking-tight text-slate-900", compact ? "text-base" : "text-xl sm:text-2xl")}>
        {t(headingKey)}
      </h2>
      <ol className={cn("grid gap-3 sm:grid-cols-3", compact ? "mt-3" : "mt-5 sm:gap-4")}>
        {STEPS.map((step, i) => (
          <li key={step.title} className={cn("flex gap-3 rounded-2xl bg-white ring-1 ring-slate-200/80", compact ? "p-4" : "p-5 shadow-sm sm:flex-col")}>
            <span
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
              aria-hidden="true"
            >
              {i + 1}
            </span>
            <div>
              <h3 className="font-semibold text-slate-900">{t(step.title)}</h3>
              <p className="mt-1 text-sm leading-relaxed text-slate-600">{t(step.body)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
