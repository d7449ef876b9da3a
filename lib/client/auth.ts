import { signIn } from "next-auth/react";
import { meSchema, type ConsentInput, type Me } from "@/lib/validation/user";
import type { Locale } from "@/lib/i18n/locale";
import { safeCallbackUrl, withCallbackUrl } from "@/lib/validation/callback-url";
import { apiFetch, isApiError } from "./api";

export type SignInResult = { ok: true } | { ok: false; reason: "rejected" | "failed" };

async function signInWith(provider: "credentials" | "guest", fields: Record<string, string>): Promise<SignInResult> {
  try {
    const res = await signIn(provider, { ...fields, redirect: false });
    if (res?.ok && !res.error) return { ok: true };
    // next-auth answers "CredentialsSignin" when authorize() returned null: bad input or wrong password.
    return { ok: false, reason: res?.error === "CredentialsSignin" ? "rejected" : "failed" };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** Signs in with a username and password (no page reload). */
export function signInWithPassword(username: string, password: string): Promise<SignInResult> {
  return signInWith("credentials", { username, password });
}

/** Creates a guest user with this nickname and signs in as it (no page reload). */
export function signInAsGuest(nickname: string, locale: Locale): Promise<SignInResult> {
  return signInWith("guest", { nickname, locale });
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return meSchema.parse(await apiFetch<unknown>("/api/users/me", { signal }));
  } catch (e) {
    if (isApiError(e, "UNAUTHORIZED") || (isApiError(e) && e.status === 401)) return null;
    throw e;
  }
}

export async function saveConsent(input: ConsentInput): Promise<Me> {
  return meSchema.parse(await apiFetch<unknown>("/api/users/me/consent", { method: "PUT", body: input }));
}

export async function saveLocale(locale: Locale): Promise<Me> {
  return meSchema.parse(await apiFetch<unknown>("/api/users/me", { method: "PATCH", body: { locale } }));
}

/** Changes the caller's nickname (the server parses it with the same nicknameSchema). */
export async function saveNickname(nickname: string): Promise<Me> {
  return meSchema.parse(await apiFetch<unknown>("/api/users/me", { method: "PATCH", body: { nickname } }));
}

/**
 * Deletes the caller's account; with `withdrawData`, every research row, recording, transcript
 * and AI log of theirs too. Their sessions are revoked by the server.
 */
export async function deleteAccount(withdrawData: boolean): Promise<void> {
  await apiFetch<void>("/api/users/me", { method: "DELETE", body: { withdrawData } });
}

/** Why someone lands on the home page signed out: they withdrew their data, or deleted their account. */
export type Farewell = "withdrawn" | "deleted";
export const FAREWELLS: readonly Farewell[] = ["withdrawn", "deleted"];

/** The home page, saying `farewell` happened. */
export function farewellHref(farewell: Farewell): string {
  return `/?farewell=${farewell}`;
}

/**
 * Where a freshly signed-in player goes: the consent page until data consent is given (then on
 * to `destination`), else `destination` itself (the lobby, or the room whose link they opened).
 */
export function destinationAfterSignIn(me: Pick<Me, "dataConsent">, destination = "/lobby"): string {
  const target = safeCallbackUrl(destination);
  if (me.dataConsent || target === "/consent" || target.startsWith("/consent?")) return target;
  return target === "/lobby" ? "/consent" : withCallbackUrl("/consent", target);
}

/** The sign-in page, returning to `path` afterwards. Slashes stay readable: /signin?callbackUrl=/consent */
export function signInHref(path: string): string {
  return withCallbackUrl("/signin", path);
}
