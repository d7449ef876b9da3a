import type { NextRequest } from "next/server";
import { AppError } from "../errors";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** Whether next-auth can take `url` as a callback: a path, or an http(s) URL that parses (next-auth's own check). */
export function isUsableCallbackUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/** The body as next-auth reads it (`next-auth/next` getBody): JSON, or a form; nothing else. */
async function bodyOf(req: NextRequest): Promise<Record<string, unknown> | undefined> {
  if (req.method !== "POST" || !req.body) return undefined;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const parsed: unknown = await req
      .clone()
      .json()
      .catch(() => {
        throw new AppError("INVALID_JSON");
      });
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  }
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.clone().text()));
  return undefined;
}

const refusal = (e: AppError, headers: [string, string][] = []) => Response.json(e.toBody(), { status: e.status, headers: new Headers([["Cache-Control", "no-store"], ...headers]) });

/**
 * next-auth answers 500 to a `callbackUrl` it cannot parse (`http://host:99999/`), whether it
 * comes in the body, the query or its cookie, and to a JSON body that is not JSON. This answers
 * 400 instead, before next-auth sees the request, and clears such a cookie so that the next
 * request works. Null when the request is fine.
 */
export async function refuseBadCallbackUrl(req: NextRequest): Promise<Response | null> {
  let body: Record<string, unknown> | undefined;
  try {
    body = await bodyOf(req);
  } catch (e) {
    if (e instanceof AppError) return refusal(e);
    throw e;
  }
  // next-auth takes the body's callbackUrl first, then the query's.
  const given = body?.callbackUrl ?? req.nextUrl.searchParams.get("callbackUrl");
  if (given !== undefined && given !== null && (typeof given !== "string" || !isUsableCallbackUrl(given))) {
    return refusal(new AppError("VALIDATION_ERROR", "callbackUrl is not a path or an http(s) URL."));
  }
  const badCookies = CALLBACK_COOKIES.filter((name) => {
    const value = req.cookies.get(name)?.value;
    return value !== undefined && !isUsableCallbackUrl(value);
  });
  if (badCookies.length) {
    const clear = badCookies.map((name): [string, string] => ["Set-Cookie", `${name}=; Path=/; Max-Age=0; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`]);
    return refusal(new AppError("VALIDATION_ERROR", "The callback-url cookie is not a path or an http(s) URL; it has been cleared."), clear);
  }
  return null;
}
