"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { isOver } from "@/lib/domain/game";
import type { MessageKey } from "@/lib/i18n/messages";
import { emitAck, getSocket } from "@/lib/client/socket";
import { useRoomStore } from "@/lib/client/stores/room";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { useLocale, useT } from "../i18n-provider";
import { errorMessageKey, joinNames } from "./room-logic";
import { useMyId } from "./use-room";

export const CHAT_MAX_LENGTH = 500;
/** "Typing" is sent at most this often while typing, and cleared after this long without a key. */
const TYPING_IDLE_MS = 3000;

/** Text chat beside voice: messages of this visit, who is typing, and a message box. */
export function ChatPanel() {
  const t = useT();
  const { locale } = useLocale();
  const myId = useMyId();
  const code = useRoomStore((s) => s.code ?? "");
  const messages = useRoomStore((s) => s.messages);
  const typingIds = useRoomStore((s) => s.typing);
  const seats = useRoomStore((s) => s.snapshot?.seats ?? []);
  const isGameOver = useRoomStore((s) => (s.snapshot ? isOver(s.snapshot.phase) : false));
  const isOnline = useRoomStore((s) => s.connection === "connected");
  const [text, setText] = useState("");
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const typingSentAt = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputId = useId();

  // Keep the newest message in view.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  useEffect(
    () => () => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    [],
  );

  function sendTyping(isTyping: boolean) {
    if (!isOnline || !code) return;
    getSocket(myId).emit("chat:typing", { code, isTyping }, () => undefined);
  }

  function onType(value: string) {
    setText(value);
    setError(null);
    const now = Date.now();
    if (value && now - typingSentAt.current > TYPING_IDLE_MS) {
      typingSentAt.current = now;
      sendTyping(true);
    }
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      typingSentAt.current = 0;
      sendTyping(false);
    }, TYPING_IDLE_MS);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = text.trim();
    if (!body || isSending) return;
    setIsSending(true);
    setError(null);
    try {
      const message = await emitAck(getSocket(myId), "chat:send", { code, text: body });
      useRoomStore.getState().addMessage(message);
      setText("");
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingSentAt.current = 0;
      sendTyping(false);
    } catch (err) {
      setError(errorMessageKey(err));
    } finally {
      setIsSending(false);
    }
  }

  const nameOf = (userId: string) => seats.find((s) => s.userId === userId)?.nickname ?? "?";
  const typingNames = typingIds.filter((u) => u !== myId).map(nameOf);
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" });

  return (
    <div className="flex flex-col">
      {/* The log is the scrolling box; the messages inside it stay a list (a role on the list itself would hide its items' list semantics). */}
      <div ref={listRef} role="log" aria-live="polite" aria-label={t("chat.log")} className="h-64 overflow-y-auto px-4 py-3 lg:h-80">
        <ol className="flex min-h-full flex-col gap-2.5">
          {messages.length === 0 && <li className="m-auto max-w-[16rem] text-center text-sm text-slate-500">{t("chat.empty")}</li>}
          {messages.map((m) => {
            const isMine = m.userId === myId;
            return (
              <li key={m.id} className={cn("flex max-w-[85%] flex-col", isMine ? "items-end self-end" : "items-start")}>
                <span className="text-xs text-slate-500">
                  {isMine ? t("chat.you") : m.nickname} · <time dateTime={m.at}>{time.format(new Date(m.at))}</time>
                </span>
                <span
                  className={cn(
                    "mt-0.5 rounded-2xl px-3 py-1.5 text-sm whitespace-pre-wrap",
                    isMine ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-slate-100 text-slate-900",
                  )}
                >
                  {m.text}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      <p className="h-5 px-4 text-xs text-slate-500" aria-live="polite">
        {typingNames.length > 0 ? t("chat.typing", { names: joinNames(typingNames, t("common.and")) }) : ""}
      </p>
      {isGameOver ? (
        <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-500">{t("chat.closed")}</p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-1.5 border-t border-slate-100 px-3 py-3">
          <div className="flex items-end gap-2">
            <label htmlFor={inputId} className="sr-only">
              {t("chat.label")}
            </label>
            <input
              id={inputId}
              value={text}
              onChange={(e) => onType(e.target.value)}
              maxLength={CHAT_MAX_LENGTH}
              placeholder={isOnline ? t("chat.placeholder") : t("chat.offline")}
              disabled={!isOnline}
              autoComplete="off"
              className="h-10 min-w-0 flex-1 rounded-xl border border-slate-300 bg-white px-3 text-[0.9375rem] focus:border-brand-600 focus:ring-4 focus:ring-brand-100 focus:outline-none disabled:bg-slate-50"
            />
            <Button type="submit" size="sm" className="h-10" isLoading={isSending} disabled={!isOnline || !text.trim()}>
              {t("chat.send")}
            </Button>
          </div>
          {text.length > CHAT_MAX_LENGTH - 50 && (
            <p className="text-xs text-slate-500">{t("chat.remaining", { n: CHAT_MAX_LENGTH - text.length })}</p>
          )}
          {error && (
            <p role="alert" className="text-xs font-medium text-red-700">
              {t(error)}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
