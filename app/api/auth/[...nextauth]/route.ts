import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { refuseBadCallbackUrl } from "@/lib/server/auth/callback-url";
import { authOptions } from "@/lib/server/auth/options";
import { watchSignIn, type SignInTrouble } from "@/lib/server/auth/sign-in-trouble";
import { requestIp } from "@/lib/server/http/client-ip";
import { checkOrigin } from "@/lib/server/http/origin";
import { errorResponse, MAX_JSON_BYTES, readBodyLimited } from "@/lib/server/http/respond";
import { AppError, isAppError, type ErrorCode } from "@/lib/server/errors";
import { metrics } from "@/lib/server/metrics";
import { consume, giveBack, giveBackAll, reset, take, type LimitName } from "@/lib/server/rate-limit";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const run = (req: NextRequest, ctx: Ctx): Promise<Response> => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

/**
 * A refusal in next-auth's own answer shape (`url` with ?error=, which its client reads) and
 * the API's error shape, with Retry-After when there is a wait.
 */
function refusal(req: NextRequest, code: ErrorCode, nextAuthError: string, retryAfterSeconds?: number, message?: string): Response {
  const url = new URL(`/signin?error=${nextAuthError}`, req.nextUrl.origin).toString();
  const body = { url, ...new AppError(code, message).toBody() };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json(body, { status: new AppError(code).status, headers });
}

const rateLimited = (req: NextRequest, seconds: number) => refusal(req, "RATE_LIMITED", "RateLimited", seconds, "Too many attempts. Try again later.");

/** The database was out or something failed inside authorize(): nothing of the error's text goes out. */
function troubled(req: NextRequest, trouble: SignInTrouble): Response {
  if (trouble === "unavailable") {
    metrics().dbErrors.inc({ kind: "http" });
    return refusal(req, "DB_UNAVAILABLE", "Unavailable", 5);
  }
  return refusal(req, "INTERNAL", "Failed");
}

/** Whether a callback answered with a failure (next-auth redirects with ?error=). */
async function failed(res: Response): Promise<boolean> {
  const location = res.headers.get("location");
  if (location) return location.includes("error=");
  const body = await res.clone().json().catch(() => null);
  return typeof body?.url !== "string" || body.url.includes("error=");
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/**
 * The fields of a POST to next-auth, read once. next-auth reads a body as JSON when its
 * content type merely contains "application/json", else as a form when it contains
 * "application/x-www-form-urlencoded" (next-auth/next/utils.js getBody), so a type naming both
 * was read as a form by the limiter and as JSON by next-auth, with another username. Here the
 * type must be one of the two and name only it (415 otherwise), and next-auth gets the fields
 * read here (withFields), so both see the same.
 */
async function readFields(req: NextRequest): Promise<Record<string, string>> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const essence = type.split(";")[0]!.trim();
  const isForm = essence === FORM && !type.includes(JSON_TYPE);
  const isJson = essence === JSON_TYPE && !type.includes(FORM);
  if (!isForm && !isJson) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the fields as ${FORM}.`);
  const text = (await readBodyLimited(req, MAX_JSON_BYTES)).toString("utf8");
  if (isForm) return Object.fromEntries(new URLSearchParams(text));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON");
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || Object.values(data).some((v) => typeof v !== "string")) {
    throw new AppError("VALIDATION_ERROR", "Send an object of text fields.");
  }
  return data as Record<string, string>;
}

/** The request again, carrying `fields` as a plain form: what next-auth reads. */
function withFields(req: NextRequest, fields: Record<string, string>): NextRequest {
  const headers = new Headers(req.headers);
  headers.set("content-type", FORM);
  headers.delete("content-length");
  return new NextRequest(req.url, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

/**
 * Username and password. Each attempt is counted before it is checked (so concurrent ones
 * cannot all pass a check made before any was counted): per account and address, per address,
 * and per account. Refused attempts, and attempts the database could not answer, count
 * nothing; a success forgets the address's failures on the account (lib/server/rate-limit.ts).
 */
async function signInWithPassword(req: NextRequest, ctx: Ctx, fields: Record<string, string>, ip: string): Promise<Response> {
  const account = (fields.username ?? "").trim().toLowerCase().slice(0, 64);
  const counted: [LimitName, string][] = [
    ["signInAccount", `${ip}/${account}`],
    ["signInAddress", ip],
    ["signInAccountAll", account],
  ];
  const [pair, address, all] = await Promise.all(counted.map(([name, key]) => take(name, key)));
  // Past the account's limit from every address, an address that failed on it already may not try.
  const refused = [pair!, address!, ...(!all!.ok && pair!.consumed > 1 ? [all!] : [])].filter((t) => !t.ok);
  if (refused.length) {
    await giveBackAll(counted);
    return rateLimited(req, Math.max(...refused.map((t) => t.retryAfterSeconds)));
  }
  const { result: res, trouble } = await watchSignIn(() => run(req, ctx));
  if (trouble) {
    await giveBackAll(counted);
    return troubled(req, trouble);
  }
  if (await failed(res)) return res;
  await Promise.all([reset("signInAccount", `${ip}/${account}`), giveBack("signInAddress", ip), giveBack("signInAccountAll", account)]);
  return res;
}

/** A new guest: limited per address; an attempt the database could not answer counts nothing. */
async function signInAsGuest(req: NextRequest, ctx: Ctx, ip: string): Promise<Response> {
  await consume("guestAddress", ip);
  const { result: res, trouble } = await watchSignIn(() => run(req, ctx));
  if (!trouble) return res;
  await giveBack("guestAddress", ip);
  return troubled(req, trouble);
}

// GET|POST /api/auth/* – next-auth: csrf, session, callback/credentials, callback/guest, signout.
// POSTs: the Origin check of every state-changing route, one read of the body; sign-in is
// limited per account and per address, guest creation per address. A callbackUrl next-auth
// cannot parse (body, query or cookie) is a 400 here (next-auth itself would answer 500).
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  if (req.method !== "POST") return (await refuseBadCallbackUrl(req)) ?? run(req, ctx);
  try {
    checkOrigin(req);
    const [action, provider] = (await ctx.params).nextauth ?? [];
    const fields = await readFields(req);
    const forwarded = withFields(req, fields);
    const refused = await refuseBadCallbackUrl(forwarded);
    if (refused) return refused;
    if (action !== "callback") return await run(forwarded, ctx);
    const ip = requestIp(req);
    if (provider === "credentials") return await signInWithPassword(forwarded, ctx, fields, ip);
    if (provider === "guest") return await signInAsGuest(forwarded, ctx, ip);
    return await run(forwarded, ctx);
  } catch (e) {
    if (isAppError(e) && e.code === "RATE_LIMITED") return rateLimited(req, e.retryAfterSeconds ?? 60);
    return errorResponse(e, { method: req.method, path: req.nextUrl.pathname });
  }
}

export { handler as GET, handler as POST };
