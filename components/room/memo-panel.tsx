"use client";

import { useEffect, useId, useRef, useState } from "react";
import { getMemo } from "@/lib/client/room-api";
import { emitAck, getSocket } from "@/lib/client/socket";
import { useRoomStore } from "@/lib/client/stores/room";
import { useT } from "../i18n-provider";
import { useMyId } from "./use-room";

export const MEMO_MAX_LENGTH = 5000;
const SAVE_AFTER_MS = 900;

type SaveState = "loading" | "idle" | "dirty" | "saving" | "saved" | "failed";

/** Private notes for this room, saved as you type (only you see them). */
export function MemoPanel() {
  const t = useT();
  const myId = useMyId();
  const code = useRoomStore((s) => s.code ?? "");
  const [text, setText] = useState("");
  const [state, setState] = useState<SaveState>("loading");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef("");
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    getMemo(code, controller.signal).then(
      (memo) => {
        latest.current = memo.text;
        setText(memo.text);
        setState("idle");
      },
      () => !controller.signal.aborted && setState("idle"),
    );
    return () => controller.abort();
  }, [code]);

  async function save() {
    timer.current = null;
    const value = latest.current;
    setState("saving");
    try {
      await emitAck(getSocket(myId), "memo:save", { code, text: value });
      // Typed more while saving: that change is still to be saved.
      setState(latest.current === value ? "saved" : "dirty");
      if (latest.current !== value) schedule();
    } catch {
      setState("failed");
    }
  }

  function schedule() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  }

  useEffect(
    () => () => {
      // Leaving the page with unsaved notes: send them now (no one waits for the ack).
      if (timer.current) {
        clearTimeout(timer.current);
        getSocket(myId).emit("memo:save", { code, text: latest.current }, () => undefined);
      }
    },
    [code, myId],
  );

  const status =
    state === "saving" ? t("memo.saving") : state === "saved" ? t("memo.saved") : state === "failed" ? t("memo.failed") : state === "dirty" ? t("memo.unsaved") : "";

  return (
    <div className="flex flex-col gap-2 px-4 py-3">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("memo.label")}
      </label>
      <textarea
        id={id}
        value={text}
        disabled={state === "loading"}
        maxLength={MEMO_MAX_LENGTH}
        onChange={(e) => {
          latest.current = e.target.value;
          setText(e.target.value);
          setState("dirty");
          schedule();
        }}
        onBlur={() => {
          if (timer.current) {
            clearTimeout(timer.current);
            void save();
          }
        }}
        rows={10}
        placeholder={t("memo.placeholder")}
        aria-describedby={`${id}-status`}
        className="min-h-48 w-full resize-y rounded-xl border border-slate-300 bg-white px-3 py-2 text-[0.9375rem] leading-relaxed focus:border-brand-600 focus:ring-4 focus:ring-brand-100 focus:outline-none disabled:bg-slate-50"
      />
      <p id={`${id}-status`} className="flex justify-between gap-2 text-xs text-slate-500" aria-live="polite">
        <span className={state === "failed" ? "font-medium text-red-700" : undefined}>{status || t("memo.private")}</span>
        <span className="tabular-nums" aria-hidden="true">
          {text.length}/{MEMO_MAX_LENGTH}
        </span>
      </p>
    </div>
  );
}
