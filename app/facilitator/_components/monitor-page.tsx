"use client";

import { MonitorSync } from "@/components/facilitator/monitor/monitor-sync";
import { MonitorView } from "@/components/facilitator/monitor/monitor-view";
import { RoleGate } from "@/components/facilitator/role-gate";

export function MonitorPage() {
  return (
    <RoleGate roles={["FACILITATOR"]} returnPath="/facilitator/monitor" titleKey="facilitator.gate.title" bodyKey="facilitator.gate.body">
      {(me) => (
        <>
          <MonitorSync userId={me.id} />
          <MonitorView />
        </>
      )}
    </RoleGate>
  );
}
