"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { Me } from "@/lib/validation/user";
import { signInHref } from "./auth";
import { useMeStore } from "./stores/me";

export type RequiredMe = { state: "loading" } | { state: "error"; retry: () => void } | { state: "ready"; me: Me };

/**
 * The signed-in user for a page that needs one. Re-checks the session on mount and sends
 * anyone without a valid session (401) to /signin, returning to `returnPath` afterwards; with
 * `signedOut: "stay"` the page itself answers them instead (state "signed-out").
 */
export function useRequireMe(returnPath: string): RequiredMe;
export function useRequireMe(returnPath: string, options: { signedOut: "stay" }): RequiredMe | { state: "signed-out" };
export function useRequireMe(returnPath: string, options: { signedOut?: "stay" } = {}): RequiredMe | { state: "signed-out" } {
  const stays = options.signedOut === "stay";
  const router = useRouter();
  const status = useMeStore((s) => s.status);
  const me = useMeStore((s) => s.me);
  // A result from before this page mounted may be stale (signed in or out since): wait for a fresh one.
  const [checked, setChecked] = useState(false);
  const [failed, setFailed] = useState(false);

  const check = useCallback(() => {
    setFailed(false);
    useMeStore
      .getState()
      .load()
      .then(
        () => setChecked(true),
        () => setFailed(true),
      );
  }, []);

  useEffect(() => {
    let active = true;
    useMeStore
      .getState()
      .load()
      .then(
        () => active && setChecked(true),
        () => active && setFailed(true),
      );
    return () => {
      active = false;
    };
  }, []);

  const isAnonymous = checked && status === "anonymous";
  useEffect(() => {
    if (isAnonymous && !stays) router.replace(signInHref(returnPath));
  }, [isAnonymous, stays, returnPath, router]);

  if (status === "authenticated" && me) return { state: "ready", me };
  if (isAnonymous && stays) return { state: "signed-out" };
  if (failed) return { state: "error", retry: check };
  return { state: "loading" };
}
