"use client";

import { useEffect, useState } from "react";
import { getAiStatus, type AiStatus } from "@/lib/client/facilitator-api";

/** Whether AI is on: null while asking; off when the question fails (the UI then offers no AI). */
export function useAiStatus(): AiStatus | null {
  const [status, setStatus] = useState<AiStatus | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getAiStatus(controller.signal).then(setStatus, () => !controller.signal.aborted && setStatus({ enabled: false, model: null }));
    return () => controller.abort();
  }, []);
  return status;
}
