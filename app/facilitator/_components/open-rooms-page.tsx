"use client";

import { OpenRoomsView } from "@/components/facilitator/open-rooms";
import { RoleGate } from "@/components/facilitator/role-gate";

export function OpenRoomsPage({ code }: { code: string }) {
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath={`/facilitator/games/${code}/rooms`} titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {() => <OpenRoomsView source={{ kind: "game", code }} />}
    </RoleGate>
  );
}

/** Opening rooms on a built-in scenario, behind the facilitator gate. */
export function ScenarioRoomsPage({ id }: { id: string }) {
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath={`/facilitator/scenarios/${id}/rooms`} titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {() => <OpenRoomsView source={{ kind: "scenario", id }} />}
    </RoleGate>
  );
}
