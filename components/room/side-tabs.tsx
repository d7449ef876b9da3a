"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useRoomStore } from "@/lib/client/stores/room";
import { cn } from "../ui/cn";
import { useT } from "../i18n-provider";
import { ChatPanel } from "./chat-panel";
import { MemoPanel } from "./memo-panel";

type Tab = "chat" | "memo";
const TABS: Tab[] = ["chat", "memo"];

/** Chat and private notes, as two tabs. */
export function SideTabs() {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<Tab>("chat");
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ chat: null, memo: null });
  const unread = useUnreadCount(tab === "chat");

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next = e.key === "Home" ? TABS[0]! : e.key === "End" ? TABS[TABS.length - 1]! : TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    refs.current[next]?.focus();
  }

  return (
    <section aria-label={t("side.label")} className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200/80">
      <div role="tablist" aria-label={t("side.label")} className="flex border-b border-slate-100 px-2 pt-2" onKeyDown={onKeyDown}>
        {TABS.map((key) => {
          const isActive = tab === key;
          return (
            <button
              key={key}
              ref={(el) => {
                refs.current[key] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-${key}-tab`}
              aria-selected={isActive}
              aria-controls={`${id}-${key}-panel`}
              tabIndex={isActive ? 0 : -1}
              onClick={() => setTab(key)}
              className={cn(
                "relative -mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium transition-colors",
                isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {key === "chat" ? t("side.chat") : t("side.memo")}
              {key === "chat" && unread > 0 && (
                <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white tabular-nums">
                  {unread}
                  <span className="sr-only"> {t("side.unread")}</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-chat-panel`} aria-labelledby={`${id}-chat-tab`} hidden={tab !== "chat"}>
        <ChatPanel />
      </div>
      <div role="tabpanel" id={`${id}-memo-panel`} aria-labelledby={`${id}-memo-tab`} hidden={tab !== "memo"}>
        <MemoPanel />
      </div>
    </section>
  );
}

/** Messages that arrived while the chat tab was not shown. */
function useUnreadCount(isChatShown: boolean): number {
  const count = useRoomStore((s) => s.messages.length);
  const [seen, setSeen] = useState(count);
  if (isChatShown && seen !== count) setSeen(count);
  // The store may drop old messages, so the count can go down.
  return isChatShown ? 0 : Math.max(0, count - seen);
}
