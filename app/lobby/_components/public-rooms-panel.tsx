"use client";

import { useT } from "@/components/i18n-provider";
import { Card } from "@/components/ui/card";

/**
 * A public room as the lobby lists it. Placeholder shape until GET /api/rooms exists; the game
 * issue replaces it with the API's type and feeds `rooms` from a lobby store.
 */
export interface LobbyRoom {
  code: string;
  title: string;
  seatsTaken: number;
  seatsTotal: number;
}

function EmptyIllustration() {
  return (
    <svg viewBox="0 0 64 64" className="size-14 text-brand-300" fill="none" aria-hidden="true">
      <rect x="6" y="14" width="52" height="38" rx="10" className="fill-brand-50" stroke="currentColor" strokeWidth="2" />
      <circle cx="22" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
      <circle cx="32" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
      <circle cx="42" cy="33" r="4" stroke="currentColor" strokeWidth="2" strokeDasharray="3 3" />
    </svg>
  );
}

export function PublicRoomsPanel({ rooms }: { rooms: readonly LobbyRoom[] }) {
  const t = useT();
  return (
    <Card as="section" aria-labelledby="public-rooms-title" className="flex flex-col">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="public-rooms-title" className="text-lg font-semibold text-slate-900">
          {t("lobby.rooms.title")}
        </h2>
        {rooms.length > 0 && (
          <span className="text-sm text-slate-500 tabular-nums" aria-hidden="true">
            {rooms.length}
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("lobby.rooms.description")}</p>

      {rooms.length === 0 ? (
        <div className="mt-5 flex flex-1 flex-col items-center justify-center rounded-xl border-2 border-dashed border-slate-200 px-6 py-12 text-center">
          <EmptyIllustration />
          <p className="mt-4 font-medium text-slate-800">{t("lobby.rooms.empty")}</p>
          <p className="mt-1 max-w-sm text-sm text-slate-500">{t("lobby.rooms.emptyHint")}</p>
        </div>
      ) : (
        <ul className="mt-5 divide-y divide-slate-100">
          {rooms.map((room) => (
            <li key={room.code} className="flex items-center justify-between gap-3 py-3">
              <span className="font-medium text-slate-900">{room.title}</span>
              <span className="text-sm text-slate-500 tabular-nums">
                {room.seatsTaken}/{room.seatsTotal}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
