"use client";

import { useEffect, useState } from "react";
import { useRoomStore } from "@/lib/client/stores/room";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { joinNames } from "../room/room-logic";
import { Spinner } from "../ui/spinner";
import { useT } from "../i18n-provider";

/** How long "Voice is back" stays. */
const BACK_MS = 4000;

/** A banner while a voice link that worked is being rebuilt, and a short one when all are back. */
export function VoiceBanner() {
  const t = useT();
  const peers = useVoiceStore((s) => s.peers);
  const isReconnecting = useVoiceStore((s) => s.isReconnecting);
  const recoveredAt = useVoiceStore((s) => s.recoveredAt);
  const seats = useRoomStore((s) => s.snapshot?.seats);
  // "Back" shows from the recovery until BACK_MS later (or the next drop).
  const [doneWith, setDoneWith] = useState<number | null>(null);
  useEffect(() => {
    if (recoveredAt === null) return;
    const timer = setTimeout(() => setDoneWith(recoveredAt), BACK_MS);
    return () => clearTimeout(timer);
  }, [recoveredAt]);
  const shownBackAt = recoveredAt !== null && doneWith !== recoveredAt ? recoveredAt : null;

  const dropped = Object.entries(peers)
    .filter(([, s]) => s === "reconnecting")
    .map(([u]) => u);
  const names = (seats ?? []).filter((s) => s.userId && dropped.includes(s.userId)).map((s) => s.nickname ?? "?");

  return (
    <div role="status" aria-live="polite" data-testid="voice-banner" className={isReconnecting || shownBackAt !== null ? undefined : "sr-only"}>
      {isReconnecting ? (
        <p className="flex items-center gap-2 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          <Spinner className="shrink-0 text-amber-700" />
          <span>{t("voice.banner.reconnecting", { names: joinNames(names, t("common.and")) })}</span>
        </p>
      ) : shownBackAt !== null ? (
        <p className="rounded-xl bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200 ring-inset">{t("voice.banner.back")}</p>
      ) : null}
    </div>
  );
}
