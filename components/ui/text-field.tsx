import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: ReactNode;
  /** Shown after the label, e.g. "optional". */
  labelNote?: ReactNode;
  hint?: ReactNode;
  /** An error for this field; marks it invalid and is announced. */
  error?: ReactNode;
  /** A status line under the field when there is no error (e.g. "available"). */
  status?: ReactNode;
  statusTone?: "neutral" | "success";
  inputClassName?: string;
}

export function TextField({ label, labelNote, hint, error, status, statusTone = "neutral", className, inputClassName, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : null, error || status ? messageId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {labelNote && <span className="ml-1.5 font-normal text-slate-500">({labelNote})</span>}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "h-11 w-full rounded-xl border bg-white px-3.5 text-base text-slate-900 shadow-xs transition-colors placeholder:text-slate-400",
          "focus:outline-none focus-visible:outline-none focus:ring-4",
          "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
          error ? "border-red-400 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-brand-600 focus:ring-brand-100",
          inputClassName,
        )}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
      <p
        id={messageId}
        aria-live="polite"
        className={cn("text-sm empty:hidden", error ? "font-medium text-red-700" : statusTone === "success" ? "text-emerald-700" : "text-slate-600")}
      >
        {error || status}
      </p>
    </div>
  );
}
