import type { ReactNode } from "react";

/** One figure with its label (inside a <dl>). */
export function StatCard({ label, value, hint, testId }: { label: ReactNode; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200/80" data-testid={testId}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tracking-tight text-slate-900 tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </dd>
      {hint && <dd className="mt-1 text-xs leading-snug text-slate-500">{hint}</dd>}
    </div>
  );
}
