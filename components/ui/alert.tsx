import type { ReactNode } from "react";
import { cn } from "./cn";

type Tone = "error" | "info" | "warning" | "success";
const tones: Record<Tone, string> = {
  error: "bg-red-50 text-red-800 ring-red-200",
  info: "bg-brand-50 text-brand-800 ring-brand-100",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
};

/**
 * A message box. Rendered always as a live region (empty when there is nothing to say) so that
 * screen readers announce a message that appears after submitting.
 */
export function Alert({ tone = "error", children, className, id }: { tone?: Tone; children?: ReactNode; className?: string; id?: string }) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== "";
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} aria-live={tone === "error" ? "assertive" : "polite"} className={cn(!hasContent && "sr-only")}>
      {hasContent && <div className={cn("rounded-xl px-4 py-3 text-sm ring-1 ring-inset", tones[tone], className)}>{children}</div>}
    </div>
  );
}
