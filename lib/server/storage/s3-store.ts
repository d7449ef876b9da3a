import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { AwsClient } from "aws4fetch";
import type { S3Config } from "../env";
import { logger } from "../logger";
import { isSafeKey, type RecordingStore } from "./store";

/** Until the answer's headers arrive (a download's body then streams for as long as it takes). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Further tries of a request that failed for now. */
const RETRIES = 2;
/** DeleteObjects takes at most 1000 keys. */
const DELETE_BATCH = 1000;
/** Written and removed at start to prove the bucket and the keys work. */
const CHECK_KEY = ".aedg-write-check";

/** An S3 answer other than the one hoped for: HTTP status and S3's error code (`NoSuchBucket`…). */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    what: string,
  ) {
    super(`${what} answered ${status}${code ? ` ${code}` : ""}`);
    this.name = "S3Error";
  }
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** S3's error code from an XML error body (empty for HEAD answers and non-XML bodies). */
function errorCode(body: string): string {
  return /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? "";
}

/** An answer's body as text (error bodies and small XML answers only). */
async function textOf(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A request body: bytes, or a local file streamed from the disk. */
type Body = Uint8Array | { path: string; size: number };

/**
 * One HTTP exchange with node:http(s), not fetch: inside Next.js's route bundles fetch sends a
 * body chunked, without the Content-Length S3 requires (411 MissingContentLength). Resolves
 * with the answer as soon as its headers arrive; its body is a stream.
 */
function exchange(url: URL, method: string, headers: Record<string, string>, body: Body | undefined, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const length = body === undefined ? 0 : body instanceof Uint8Array ? body.byteLength : body.size;
    const req = send(url, { method, headers: { ...headers, "content-length": String(length) } });
    const timer = setTimeout(() => req.destroy(new Error(`no answer from S3 within ${timeoutMs / 1000} s`)), timeoutMs);
    req.once("response", (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    if (body && !(body instanceof Uint8Array)) {
      const file = createReadStream(body.path);
      file.once("error", (err) => req.destroy(err));
      file.pipe(req);
      return;
    }
    req.end(body && body.byteLength ? body : undefined);
  });
}

/**
 * Recordings as objects in one bucket of AWS S3 or an S3-compatible service (MinIO, Cloudflare
 * R2, Backblaze B2, Ceph, …), under `S3_PREFIX`. Requests are signed with AWS Signature V4
 * (aws4fetch) and sent with node:http(s); downloads stream through. Path-style URLs
 * (`<endpoint>/<bucket>/<key>`) when `forcePathStyle`, virtual-hosted ones otherwise.
 */
export function s3Store(cfg: S3Config): RecordingStore {
  const client = new AwsClient({ accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey, service: "s3", region: cfg.region });
  const endpoint = new URL(cfg.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, "");
  const bucketUrl = cfg.forcePathStyle ? `${endpoint.origin}${basePath}/${encodeURIComponent(cfg.bucket)}` : `${endpoint.protocol}//${cfg.bucket}.${endpoint.host}${basePath}`;
  const objectUrl = (key: string) => `${bucketUrl}/${(cfg.prefix + key).split("/").map(encodeURIComponent).join("/")}`;
  const where = (key: string) => `s3://${cfg.bucket}/${cfg.prefix}${key}`;

  const keyOf = (key: string) => {
    if (!isSafeKey(key)) throw new Error("storage key is not a plain relative path");
    return key;
  };

  /** One signed request, tried again after a 5xx, a 429 or a network error. */
  async function send(url: string, init: { method: string; body?: string; file?: { path: string; size: number }; headers?: Record<string, string> }): Promise<IncomingMessage> {
    const body = init.file ?? (init.body !== undefined ? Buffer.from(init.body) : undefined);
    for (let attempt = 0; ; attempt++) {
      // Signed with an unsigned payload (aws4fetch's default for S3): the body is not hashed.
      const signed = await client.sign(url, { method: init.method, headers: init.headers });
      const headers: Record<string, string> = {};
      signed.headers.forEach((value, name) => (headers[name] = value));
      let res: IncomingMessage | null = null;
      try {
        res = await exchange(new URL(signed.url), init.method, headers, body, REQUEST_TIMEOUT_MS);
      } catch (err) {
        if (attempt >= RETRIES) throw err;
      }
      const status = res?.statusCode ?? 0;
      if (res && ((status < 500 && status !== 429) || attempt >= RETRIES)) return res;
      res?.resume();
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }

  const isOk = (res: IncomingMessage) => (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;

  async function fail(res: IncomingMessage, what: string): Promise<never> {
    const body = await textOf(res).catch(() => "");
    throw new S3Error(res.statusCode ?? 0, errorCode(body), what);
  }

  async function removeOne(key: string): Promise<void> {
    const res = await send(objectUrl(keyOf(key)), { method: "DELETE" });
    // S3 answers 204 for a missing key too; some compatible services answer 404.
    if (isOk(res) || res.statusCode === 404) {
      res.resume();
      return;
    }
    await fail(res, `DELETE ${where(key)}`);
  }

  /** One DeleteObjects request; the keys it could not delete (each logged). */
  async function removeBatch(keys: string[]): Promise<Set<string>> {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Delete><Quiet>true</Quiet>${keys.map((k) => `<Object><Key>${xmlEscape(cfg.prefix + k)}</Key></Object>`).join("")}</Delete>`;
    const res = await send(`${bucketUrl}/?delete`, {
      method: "POST",
      body: xml,
      headers: { "content-type": "application/xml", "content-md5": createHash("md5").update(xml).digest("base64") },
    });
    const body = await textOf(res);
    if (!isOk(res)) throw new S3Error(res.statusCode ?? 0, errorCode(body), `DeleteObjects on s3://${cfg.bucket}`);
    const failed = new Set<string>();
    for (const m of body.matchAll(/<Error>([\s\S]*?)<\/Error>/g)) {
      const key = /<Key>([^<]*)<\/Key>/.exec(m[1]!)?.[1] ?? "";
      const code = errorCode(m[1]!);
      // Quiet mode lists only failures; a key that was not there is no failure.
      if (code === "NoSuchKey") continue;
      const plain = key.startsWith(cfg.prefix) ? key.slice(cfg.prefix.length) : key;
      failed.add(plain);
      logger().warn({ storageKey: plain, code }, "could not remove a recording object");
    }
    return failed;
  }

  return {
    kind: "s3",
    location: `s3://${cfg.bucket}/${cfg.prefix}`,
    async saveFile(key, file, contentType) {
      // Streamed from the disk on each try (signed with an unsigned payload: not hashed first).
      const res = await send(objectUrl(keyOf(key)), { method: "PUT", file, headers: { "content-type": contentType } });
      if (!isOk(res)) await fail(res, `PUT ${where(key)}`);
      res.resume();
    },
    async open(key) {
      const res = await send(objectUrl(keyOf(key)), { method: "GET" });
      if (res.statusCode === 404) {
        const body = await textOf(res).catch(() => "");
        if (errorCode(body) === "NoSuchBucket") throw new S3Error(404, "NoSuchBucket", `GET ${where(key)}`);
        return null;
      }
      if (!isOk(res)) await fail(res, `GET ${where(key)}`);
      const size = Number(res.headers["content-length"]);
      if (!Number.isSafeInteger(size) || size < 0) {
        res.destroy();
        throw new Error(`GET ${where(key)} answered without a Content-Length`);
      }
      // The answer itself is the stream: read from S3 as the client takes it.
      return { stream: res, size };
    },
    remove: removeOne,
    async removeMany(keys) {
      let done = 0;
      const safe = keys.filter((k) => {
        if (isSafeKey(k)) return true;
        logger().warn({ storageKey: k }, "recording key is not a plain relative path; object left alone");
        return false;
      });
      for (let i = 0; i < safe.length; i += DELETE_BATCH) {
        const batch = safe.slice(i, i + DELETE_BATCH);
        try {
          const failed = await removeBatch(batch);
          done += batch.length - failed.size;
          continue;
        } catch (err) {
          // A service without DeleteObjects (or a bad moment): one request per key.
          logger().warn({ err: err instanceof Error ? err.message : err }, "DeleteObjects failed; removing recordings one by one");
        }
        for (const key of batch) {
          try {
            await removeOne(key);
            done++;
          } catch (err) {
            logger().warn({ err: err instanceof Error ? err.message : err, storageKey: key }, "could not remove a recording object");
          }
        }
      }
      return done;
    },
    async check() {
      const target = `${where(CHECK_KEY)} (S3_ENDPOINT ${cfg.endpoint}, ${cfg.forcePathStyle ? "path-style" : "virtual-hosted"} URLs, region ${cfg.region})`;
      try {
        const put = await send(objectUrl(CHECK_KEY), { method: "PUT", body: "", headers: { "content-type": "application/octet-stream" } });
        if (!isOk(put)) await fail(put, "PUT");
        put.resume();
        await removeOne(CHECK_KEY);
      } catch (err) {
        const hint =
          err instanceof S3Error
            ? err.code === "NoSuchBucket" || err.status === 404
              ? "the bucket does not exist: check S3_BUCKET (and S3_ENDPOINT)"
              : err.code === "InvalidAccessKeyId" || err.code === "SignatureDoesNotMatch"
                ? "the credentials were refused: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"
                : err.status === 403
                  ? "access denied: the key needs s3:PutObject, s3:GetObject and s3:DeleteObject on the bucket"
                  : err.status === 301 || err.code === "AuthorizationHeaderMalformed" || err.code === "PermanentRedirect"
                    ? "wrong region or endpoint: check S3_REGION and S3_ENDPOINT"
                    : "check the S3_* settings"
            : "the storage service could not be reached: check S3_ENDPOINT and the network";
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`S3 storage for recordings is not usable: writing ${target} failed: ${why}; ${hint}.`);
      }
    },
  };
}
