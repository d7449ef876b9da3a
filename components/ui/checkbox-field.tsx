import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> {
  label: ReactNode;
  description?: ReactNode;
  /** A tag after the label ("Required for research rooms", "Optional"). */
  tag?: ReactNode;
}

/** A checkbox with its label and a longer description; the whole card is clickable. */
export function CheckboxField({ label, description, tag, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div
      className={cn(
        "relative flex gap-3 rounded-xl p-4 ring-1 ring-inset transition-colors",
        input.checked ? "bg-brand-50/60 ring-brand-200" : "bg-white ring-slate-200 hover:ring-slate-300",
        className,
      )}
    >
      <input
        id={id}
        type="checkbox"
        aria-describedby={description ? descriptionId : undefined}
        className="relative z-10 mt-0.5 size-5 shrink-0 cursor-pointer rounded accent-brand-600"
        {...input}
      />
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <label htmlFor={id} className="cursor-pointer font-medium text-slate-900 after:absolute after:inset-0">
            {label}
          </label>
          {tag}
        </div>
        {description && (
          <p id={descriptionId} className="mt-1 text-sm leading-relaxed text-slate-600">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
