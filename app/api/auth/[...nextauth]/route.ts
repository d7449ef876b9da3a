import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth/options";
import { requestIp } from "@/lib/server/http/client-ip";
import { checkOrigin } from "@/lib/server/http/origin";
import { errorResponse } from "@/lib/server/http/respond";
import { type AppError, isAppError } from "@/lib/server/errors";
import { blockedFor, consume, reset } from "@/lib/server/rate-limit";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const run = (req: NextRequest, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions());

/** next-auth's own answer shape (so its client reports the error), plus the API's error and Retry-After. */
function rateLimited(req: NextRequest, seconds: number): Response {
  const url = new URL("/signin?error=RateLimited", req.nextUrl.origin).toString();
  const body = { url, error: { code: "RATE_LIMITED", message: "Too many attempts. Try again later." } };
  return Response.json(body, { status: 429, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } });
}

/** Whether a credentials callback answered with a failure (next-auth redirects with ?error=). */
async function failed(res: Response): Promise<boolean> {
  const location = res.headers.get("location");
  if (location) return location.includes("error=");
  const body = await res.clone().json().catch(() => null);
  return typeof body?.url !== "string" || body.url.includes("error=");
}

// GET|POST /api/auth/* – next-auth: csrf, session, callback/credentials, callback/guest, signout.
// POSTs: the Origin check of every state-changing route. Sign-in is limited per account and
// per address, guest creation per address.
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth ?? [];
  if (req.method === "POST") {
    try {
      checkOrigin(req);
    } catch (e) {
      return errorResponse(e, { method: req.method, path: req.nextUrl.pathname });
    }
  }
  if (req.method !== "POST" || action !== "callback") return run(req, ctx);
  const ip = requestIp(req);
  try {
    if (provider === "guest") {
      await consume("guestAddress", ip);
      return run(req, ctx);
    }
    if (provider === "credentials") {
      const form = await req.clone().formData().catch(() => null);
      const account = String(form?.get("username") ?? "").trim().toLowerCase().slice(0, 64);
      const wait = Math.max((await blockedFor("signInAccount", account)) ?? 0, (await blockedFor("signInAddress", ip)) ?? 0);
      if (wait > 0) return rateLimited(req, wait);
      const res = await run(req, ctx);
      if (await failed(res)) {
        await consume("signInAccount", account).catch(() => undefined);
        await consume("signInAddress", ip).catch(() => undefined);
      } else {
        await reset("signInAccount", account);
      }
      return res;
    }
    return run(req, ctx);
  } catch (e) {
    if (isAppError(e) && e.code === "RATE_LIMITED") return rateLimited(req, (e as AppError).retryAfterSeconds ?? 60);
    throw e;
  }
}

export { handler as GET, handler as POST };
