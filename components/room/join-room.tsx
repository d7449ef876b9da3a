"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useMeStore } from "@/lib/client/stores/me";
import { takeSeat } from "@/lib/client/room-api";
import { useVoiceStore } from "@/lib/client/stores/voice";
import { openMicrophoneAhead } from "@/lib/client/voice/media";
import { withCallbackUrl } from "@/lib/validation/callback-url";
import { Alert } from "../ui/alert";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { useT } from "../i18n-provider";
import { useRoomAction, useSnapshot } from "./use-room";

/** "Join as NAME": takes a free seat; a research room without data consent goes to the consent page first. */
export function JoinRoomCard({ className }: { className?: string }) {
  const t = useT();
  const router = useRouter();
  const room = useSnapshot();
  const nickname = useMeStore((s) => s.me?.nickname ?? "");
  const action = useRoomAction();
  const needsConsent = action.error === "roomError.CONSENT_REQUIRED";
  const consentHref = withCallbackUrl("/consent", `/rooms/${room.code}`);

  useEffect(() => {
    if (needsConsent) router.push(consentHref);
  }, [needsConsent, consentHref, router]);

  // The voice starts with the seat: the microphone opens alongside the request, not after it.
  const join = async () => {
    const voice = useVoiceStore.getState();
    voice.loadDevicePrefs();
    const release = openMicrophoneAhead(voice.inputDeviceId);
    if (!(await action.run(() => takeSeat(room.code)))) release();
  };

  const free = room.seats.filter((s) => s.userId === null).length;
  return (
    <Card as="section" aria-labelledby="join-room-title" className={className}>
      <h2 id="join-room-title" className="text-lg font-semibold text-slate-900">
        {t("room.join.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("room.join.seatsFree", { n: free })}</p>
      <p className="mt-4 text-sm text-slate-700">
        {t("room.join.as")} <span className="font-semibold text-slate-900">{nickname}</span>
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("room.join.voice")}</p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row">
        <Button size="lg" isLoading={action.isBusy} onClick={() => void join()} className="w-full sm:w-auto">
          {t("room.join.button")}
        </Button>
        <Link href="/lobby" className={buttonClass({ variant: "ghost", size: "lg" })}>
          {t("room.backToLobby")}
        </Link>
      </div>
      <Alert className="mt-4">
        {action.error ? (
          <>
            {t(action.error)}
            {needsConsent && (
              <>
                {" "}
                <Link href={consentHref} className="font-semibold underline underline-offset-4">
                  {t("room.join.giveConsent")}
                </Link>
              </>
            )}
          </>
        ) : null}
      </Alert>
    </Card>
  );
}

/** For someone without a seat in a game under way (a seat was freed): what the room is, and the join card. */
export function JoinRoomScreen() {
  const t = useT();
  const room = useSnapshot();
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{room.scenario.title}</h1>
        <p className="mt-2 text-slate-600">{room.scenario.summary}</p>
        <p className="mt-2 text-sm text-slate-500">{t("room.join.inProgress")}</p>
      </header>
      <JoinRoomCard />
    </div>
  );
}
