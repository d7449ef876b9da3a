import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** A white panel with a hairline border; `as` picks the element (section, article…). */
export function Card({ as: Tag = "div", className, ...rest }: HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "aside" }) {
  return <Tag className={cn("rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200/80 sm:p-6", className)} {...rest} />;
}
