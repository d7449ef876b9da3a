"use client";

import { useId, type ReactNode } from "react";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";

const control =
  "w-full rounded-xl border bg-white px-3.5 text-base text-slate-900 shadow-xs transition-colors placeholder:text-slate-400 focus:outline-none focus-visible:outline-none focus:ring-4 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";
const controlTone = (hasError: boolean) => (hasError ? "border-red-400 focus:border-red-500 focus:ring-red-100" : "border-slate-300 focus:border-brand-600 focus:ring-brand-100");

export interface CountedFieldProps {
  label: ReactNode;
  /** "optional", shown after the label. */
  labelNote?: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** The limit shown by the counter (SCENARIO_LIMITS). */
  max: number;
  error?: string | null;
  /** A textarea with this many rows; an input when left out. */
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  className?: string;
  /** For tests and the error summary's focus. */
  name?: string;
}

/**
 * A text input or textarea with its label, a character counter against the shared limit,
 * and its error. The counter turns red past the limit; the error is announced.
 */
export function CountedField({ label, labelNote, hint, value, onChange, onBlur, max, error, rows, required, disabled, placeholder, className, name }: CountedFieldProps) {
  const t = useT();
  const id = useId();
  const length = value.trim().length;
  const isOver = length > max;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    value,
    required,
    disabled,
    placeholder,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onBlur,
  } as const;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {labelNote && <span className="ml-1.5 font-normal text-slate-500">({labelNote})</span>}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} className={cn(control, controlTone(!!error), "min-h-20 resize-y py-2.5 leading-relaxed")} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} className={cn(control, controlTone(!!error), "h-11")} />
      )}
      <div className="flex items-start justify-between gap-3 text-sm">
        <div className="min-w-0">
          {hint && (
            <p id={`${id}-hint`} className="text-slate-500">
              {hint}
            </p>
          )}
          <p id={`${id}-error`} aria-live="polite" className="font-medium text-red-700 empty:hidden">
            {error}
          </p>
        </div>
        <p id={`${id}-count`} className={cn("shrink-0 text-xs tabular-nums", isOver ? "font-semibold text-red-700" : "text-slate-500")}>
          <span aria-hidden="true">
            {length}/{max}
          </span>
          <span className="sr-only">{t("facilitator.field.count", { n: length, max })}</span>
        </p>
      </div>
    </div>
  );
}

/** A labelled native select in the app's style. */
export function SelectField({
  label,
  hint,
  value,
  onChange,
  children,
  disabled,
  className,
  selectClassName,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  disabled?: boolean;
  className?: string;
  selectClassName?: string;
}) {
  const id = useId();
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        className={cn(control, controlTone(false), "h-11 pr-8", selectClassName)}
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

/** A small square icon button with a visible tooltip-free label for screen readers. */
export function IconButton({ label, onClick, disabled, children, tone = "neutral" }: { label: string; onClick(): void; disabled?: boolean; children: ReactNode; tone?: "neutral" | "danger" }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-lg transition-colors disabled:cursor-not-allowed disabled:opacity-35",
        tone === "danger" ? "text-slate-500 hover:bg-red-50 hover:text-red-700 disabled:hover:bg-transparent" : "text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:hover:bg-transparent",
      )}
    >
      {children}
    </button>
  );
}

const iconProps = { viewBox: "0 0 20 20", className: "size-4", fill: "none", stroke: "currentColor", strokeWidth: 1.75, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true } as const;

export const UpIcon = () => (
  <svg {...iconProps}>
    <path d="M10 15V5M5.5 9.5 10 5l4.5 4.5" />
  </svg>
);
export const DownIcon = () => (
  <svg {...iconProps}>
    <path d="M10 5v10M5.5 10.5 10 15l4.5-4.5" />
  </svg>
);
export const TrashIcon = () => (
  <svg {...iconProps}>
    <path d="M4.5 6h11M8 6V4.5h4V6M6 6l.7 9.5h6.6L14 6" />
  </svg>
);
export const PlusIcon = () => (
  <svg {...iconProps}>
    <path d="M10 4.5v11M4.5 10h11" />
  </svg>
);
export const SparkIcon = ({ className = "size-4" }: { className?: string }) => (
  <svg {...iconProps} className={className}>
    <path d="M10 3v3M10 14v3M3 10h3M14 10h3M5.5 5.5l1.8 1.8M12.7 12.7l1.8 1.8M14.5 5.5l-1.8 1.8M7.3 12.7l-1.8 1.8" />
  </svg>
);
export const LockIcon = ({ className = "size-4" }: { className?: string }) => (
  <svg {...iconProps} className={className}>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </svg>
);
