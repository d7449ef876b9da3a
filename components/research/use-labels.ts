"use client";

import { PHASES, type ResearchPhase } from "@/lib/client/research-api";
import { useT } from "../i18n-provider";

const isPhase = (p: string): p is ResearchPhase => (PHASES as readonly string[]).includes(p);

/** Names of phases and consensus outcomes in the UI language (unknown values as they are). */
export function useLabels() {
  const t = useT();
  return {
    phase: (phase: string) => (isPhase(phase) ? t(`research.phase.${phase}`) : phase),
    consensusStatus: (status: string) =>
      status === "reached" || status === "timed_out" || status === "not_recorded" ? t(`research.consensusStatus.${status}`) : status,
  };
}
