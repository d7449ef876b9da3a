import { cn } from "@/components/ui/cn";

const tones: Record<string, string> = {
  FINISHED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  ABANDONED: "bg-slate-100 text-slate-600 ring-slate-200",
  WAITING: "bg-slate-50 text-slate-700 ring-slate-200",
};

/** A room's phase as a small pill: finished green, abandoned grey, playing blue. */
export function PhaseBadge({ phase, label }: { phase: string; label: string }) {
  return (
    <span className={cn("inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", tones[phase] ?? "bg-brand-50 text-brand-700 ring-brand-100")}>
      {label}
    </span>
  );
}
