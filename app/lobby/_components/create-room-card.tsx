"use client";

import { useT } from "@/components/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Room creation arrives with the rooms API; until then the action is shown, disabled. */
export function CreateRoomCard() {
  const t = useT();
  return (
    <Card as="section" aria-labelledby="create-room-title">
      <div className="flex items-center justify-between gap-3">
        <h2 id="create-room-title" className="text-lg font-semibold text-slate-900">
          {t("lobby.create.title")}
        </h2>
        <Badge id="create-room-soon">{t("lobby.create.soon")}</Badge>
      </div>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("lobby.create.body")}</p>
      <Button disabled aria-describedby="create-room-soon" className="w-full">
        {t("lobby.create.button")}
      </Button>
    </Card>
  );
}
