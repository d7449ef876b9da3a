import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, isDbUnavailable, toErrorResponse } from "../errors";
import { logger } from "../logger";
import { metrics } from "../metrics";

/**
 * API answers are never cached, and not gzipped by the server (`no-transform`, which Next's
 * compression honours): they are small, and on a busy server compressing every game
 * command's snapshot cost ~5% of its CPU (bench/, docs/PERFORMANCE.md). Pages and scripts
 * are still compressed.
 */
const API_CACHE_CONTROL = "no-store, no-transform";

/** A JSON answer that is never cached. */
export function json<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { "Cache-Control": API_CACHE_CONTROL, ...init.headers } });
}

export function noContent(): NextResponse {
  return new NextResponse(null, { status: 204, headers: { "Cache-Control": API_CACHE_CONTROL } });
}

/** The error shape of API.md for anything thrown; unexpected errors are logged and answered 500. */
export function errorResponse(e: unknown, context?: Record<string, unknown>): NextResponse {
  const { status, body, retryAfterSeconds } = toErrorResponse(e);
  if (isDbUnavailable(e)) metrics().dbErrors.inc({ kind: "http" });
  if (status >= 500 && status !== 503) logger().error({ err: e, ...context }, "request failed");
  const headers: Record<string, string> = {};
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return json(body, { status, headers });
}

export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Reads a JSON body and parses it with `schema`: 415 unless the content type is JSON,
 * 413 over `maxBytes` (checked while reading), 400 for bad JSON or a body the schema refuses.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.output<S>> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  const text = await readText(req, maxBytes);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("INVALID_JSON");
  }
  return parseWith(schema, data);
}

/** Reads at most `maxBytes` of the body, refusing (413) as soon as it is longer. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body may be at most ${maxBytes} bytes.`);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", `The body may be at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readText(req: Request, maxBytes: number): Promise<string> {
  return (await readBodyLimited(req, maxBytes)).toString("utf8");
}

/** Parses the query string with `schema` (each key once; repeated keys are refused). */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const obj: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k in obj) throw new AppError("VALIDATION_ERROR", `Query parameter "${k}" given more than once.`);
    obj[k] = v;
  }
  return parseWith(schema, obj);
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  let result;
  try {
    result = schema.safeParse(data);
  } catch {
    // e.g. a structure too deep to walk
    throw new AppError("VALIDATION_ERROR");
  }
  if (!result.success) throw new AppError("VALIDATION_ERROR", summarize(result.error), { details: z.flattenError(result.error) });
  return result.data;
}

function summarize(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return "The request is not valid.";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  return `${where}${first.message}`;
}
