"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { usernameSchema } from "@/lib/validation/user";

export type Availability = "idle" | "checking" | "available" | "taken" | "invalid" | "failed";

const DEBOUNCE_MS = 400;

/**
 * Asks the server whether `username` is free, once typing pauses. Names the shared schema
 * rejects are never sent ("invalid"); an answer for an older value is ignored.
 */
export function useUsernameAvailability(username: string): Availability {
  const candidate = username.trim();
  const isWellFormed = usernameSchema.safeParse(candidate).success;
  const [answer, setAnswer] = useState<{ username: string; availability: Availability } | null>(null);

  useEffect(() => {
    if (!isWellFormed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<{ available: boolean; reason?: string }>(`/api/users/check-username?username=${encodeURIComponent(candidate)}`, { signal: controller.signal }).then(
        (r) => setAnswer({ username: candidate, availability: r.available ? "available" : r.reason === "taken" ? "taken" : "invalid" }),
        () => {
          if (!controller.signal.aborted) setAnswer({ username: candidate, availability: "failed" });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [candidate, isWellFormed]);

  if (candidate === "") return "idle";
  if (!isWellFormed) return "invalid";
  return answer?.username === candidate ? answer.availability : "checking";
}
