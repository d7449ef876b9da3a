"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";

/**
 * A modal question (the native <dialog>: focus is trapped and Escape cancels). Open while
 * `open` is true; `onCancel` runs on Escape, the cancel button or a click on the backdrop.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  isBusy = false,
  tone = "danger",
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  isBusy?: boolean;
  tone?: "danger" | "default";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!isBusy) onCancel();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget && !isBusy) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px]"
    >
      {open && (
        <div className="p-5 sm:p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <div id={`${id}-body`} className="mt-2 text-sm leading-relaxed text-slate-600">
            {children}
          </div>
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onCancel} disabled={isBusy} autoFocus>
              {cancelLabel}
            </Button>
            {tone === "danger" ? (
              <button
                type="button"
                onClick={onConfirm}
                disabled={isBusy}
                aria-busy={isBusy || undefined}
                className="inline-flex h-11 items-center justify-center gap-2 rounded-xl bg-red-600 px-4 text-[0.9375rem] font-semibold whitespace-nowrap text-white shadow-sm transition-colors hover:bg-red-700 disabled:cursor-not-allowed disabled:bg-red-300"
              >
                {isBusy && <Spinner />}
                {confirmLabel}
              </button>
            ) : (
              <Button onClick={onConfirm} isLoading={isBusy}>
                {confirmLabel}
              </Button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
