"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => undefined;

/** A value only the browser knows (a capability), `serverValue` while rendering on the server and hydrating. */
export function useClientValue<T>(get: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscribe, get, () => serverValue);
}
