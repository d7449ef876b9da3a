import { create } from "zustand";
import type { Me } from "@/lib/validation/user";
import { fetchMe } from "../auth";

export type MeStatus = "loading" | "authenticated" | "anonymous" | "error";

interface MeState {
  status: MeStatus;
  me: Me | null;
  /** Fetches /api/users/me; the answer of the latest call wins. Resolves to the user or null. */
  load(): Promise<Me | null>;
  /** Replaces the user after a mutation answered with it (consent, locale, nickname). */
  setMe(me: Me): void;
}

let latest = 0;

/** The signed-in user as the server sees it (session checked against the database). */
export const useMeStore = create<MeState>()((set) => ({
  status: "loading",
  me: null,
  async load() {
    const request = ++latest;
    try {
      const me = await fetchMe();
      if (request === latest) set(me ? { status: "authenticated", me } : { status: "anonymous", me: null });
      return me;
    } catch (e) {
      if (request === latest) set((s) => ({ status: s.me ? s.status : "error" }));
      throw e;
    }
  },
  setMe(me) {
    latest++;
    set({ status: "authenticated", me });
  },
}));
