import type { ReactNode } from "react";
import { cn } from "./cn";

type Tone = "neutral" | "brand" | "amber";
const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-100",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
};

export function Badge({ tone = "neutral", className, children, id }: { tone?: Tone; className?: string; children: ReactNode; id?: string }) {
  return (
    <span id={id} className={cn("inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", tones[tone], className)}>
      {children}
    </span>
  );
}
