"use client";

import { useRoomStore } from "@/lib/client/stores/room";
import { useT } from "../i18n-provider";

/** The caller's role and private brief, folded away beside the game once dealt. */
export function RoleReminder() {
  const t = useT();
  const myRole = useRoomStore((s) => s.myRole);
  const phase = useRoomStore((s) => s.snapshot?.phase);
  // The roles page shows all of it already.
  if (!myRole?.role || phase === "ROLES") return null;
  return (
    <details className="group rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-2xl px-4 py-3 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="block text-xs font-medium text-slate-500">{t("role.yours")}</span>
          <span className="block truncate text-sm font-semibold text-slate-900">{myRole.role.name}</span>
        </span>
        <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-500 transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
          <path d="m5 7.5 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <div className="border-t border-slate-100 px-4 pt-3 pb-4 text-sm leading-relaxed">
        <p className="text-slate-700">{myRole.role.brief}</p>
        <div className="mt-3 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset">
          <p className="text-xs font-semibold text-amber-900">{t("role.private")}</p>
          <p className="mt-1 text-amber-950">{myRole.role.privateBrief}</p>
        </div>
      </div>
    </details>
  );
}
