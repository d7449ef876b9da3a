"use client";

import { GameEditor } from "@/components/facilitator/game-editor";
import { RoleGate } from "@/components/facilitator/role-gate";

/** The editor behind the facilitator gate. */
export function EditorPage({ code, view, openAi, justCreated }: { code: string | null; view: "edit" | "preview"; openAi: boolean; justCreated: boolean }) {
  const returnPath = code ? `/facilitator/games/${code}` : "/facilitator/games/new";
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath={returnPath} titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {(me) => <GameEditor key={code ?? "new"} code={code} userId={me.id} initialView={view} openAi={openAi} justCreated={justCreated} />}
    </RoleGate>
  );
}
