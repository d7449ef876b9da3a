"use client";

import { OpenRoomsView } from "@/components/facilitator/open-rooms";
import { RoleGate } from "@/components/facilitator/role-gate";

export function OpenRoomsPage({ code }: { code: string }) {
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath={`/facilitator/games/${code}/rooms`} titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {() => <OpenRoomsView code={code} />}
    </RoleGate>
  );
}
