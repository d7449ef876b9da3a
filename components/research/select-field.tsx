import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "../ui/cn";

/** A labelled native select, styled like TextField. */
export function SelectField({ label, hint, className, children, ...select }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { label: ReactNode; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="h-11 w-full min-w-0 rounded-xl border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs transition-colors focus:border-brand-600 focus:ring-4 focus:ring-brand-100 focus:outline-none focus-visible:outline-none disabled:cursor-not-allowed disabled:bg-slate-50 sm:text-[0.9375rem]"
        {...select}
      >
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
