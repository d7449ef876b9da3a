"use client";

import Link from "next/link";
import { Button, buttonClass } from "../ui/button";
import { useT } from "../i18n-provider";

/**
 * Every seat is taken (and, with `isStarted`, the game is under way): say so, and offer the
 * lobby. `onCheckAgain` asks the server again, for a seat freed meanwhile.
 */
export function RoomFull({ isStarted, onCheckAgain, standalone = false }: { isStarted: boolean; onCheckAgain?: () => void; standalone?: boolean }) {
  const t = useT();
  const body = (
    <div className="rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200/80 sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t("room.full.title")}</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600">{isStarted ? t("joinLink.full.startedBody") : t("room.full.body")}</p>
      <div className="mt-6 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
        <Link href="/lobby" className={buttonClass()}>
          {t("room.backToLobby")}
        </Link>
        {onCheckAgain && (
          <Button variant="ghost" onClick={onCheckAgain}>
            {t("joinLink.full.checkAgain")}
          </Button>
        )}
      </div>
    </div>
  );
  if (!standalone) return body;
  return (
    <main id="main" className="flex flex-1 flex-col items-center justify-center px-4 py-16 sm:py-20">
      <div className="w-full max-w-lg">{body}</div>
    </main>
  );
}
