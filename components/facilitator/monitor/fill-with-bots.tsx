"use client";

import { useState } from "react";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import type { MessageKey } from "@/lib/i18n/messages";
import { isApiError } from "@/lib/client/api";
import { fillWithBots } from "@/lib/client/facilitator-api";
import { joinNames } from "../../room/room-logic";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { useT } from "../../i18n-provider";
import { facilitatorErrorKey } from "../errors";

/** Refusals of POST /api/facilitator/rooms/:code/bots, in the monitor's words. */
const BOT_ERRORS: Partial<Record<string, MessageKey>> = {
  FORBIDDEN: "facilitator.monitor.bots.error.FORBIDDEN",
  NOT_FOUND: "facilitator.monitor.bots.error.NOT_FOUND",
  GAME_STARTED: "facilitator.monitor.bots.error.GAME_STARTED",
  ROOM_FULL: "facilitator.monitor.bots.error.ROOM_FULL",
};

export function botsErrorKey(e: unknown): MessageKey {
  return (isApiError(e) && BOT_ERRORS[e.code]) || facilitatorErrorKey(e);
}

type FillState = { status: "idle" } | { status: "pending" } | { status: "done"; names: string[] } | { status: "error"; key: MessageKey };

/**
 * "Fill empty seats with bots" for a waiting room with free seats: the bots take the seats
 * (the monitor shows them arrive live) and play the game through, e.g. to try out a game.
 * Its outcome stays in view after the game has started and the button is gone.
 */
export function FillWithBots({ room, name }: { room: RoomSnapshot; name: string }) {
  const t = useT();
  const [state, setState] = useState<FillState>({ status: "idle" });
  const empty = room.seats.filter((s) => s.userId === null).length;
  const canFill = room.phase === "WAITING" && empty > 0;

  async function fill() {
    setState({ status: "pending" });
    try {
      setState({ status: "done", names: await fillWithBots(room.code) });
    } catch (e) {
      setState({ status: "error", key: botsErrorKey(e) });
    }
  }

  if (!canFill && state.status === "idle") return null;
  return (
    <div className="flex flex-col gap-1.5" data-testid="fill-with-bots">
      {canFill && (
        <Button size="sm" variant="secondary" isLoading={state.status === "pending"} onClick={() => void fill()}>
          {state.status === "pending" ? t("facilitator.monitor.bots.filling") : t("facilitator.monitor.bots.fill")}
          <span className="sr-only"> – {name}</span>
        </Button>
      )}
      <p className="text-xs text-emerald-700 empty:hidden" role="status">
        {state.status === "done" ? t("facilitator.monitor.bots.added", { names: joinNames(state.names, t("common.and")) }) : null}
      </p>
      <Alert className="text-xs">{state.status === "error" ? t(state.key) : null}</Alert>
    </div>
  );
}
