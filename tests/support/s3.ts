import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer as createHttpServer, request } from "node:http";
import { createServer } from "node:net";
import { AwsClient } from "aws4fetch";

/**
 * A real S3-compatible server on 127.0.0.1 for tests: moto's server (the `moto` Python
 * package, `python3 -m moto.server`), in memory. It checks Signature V4 and IAM policies
 * once set up: the bucket and an IAM user whose key may use S3 are made first, then
 * authentication is switched on, so a wrongly signed request or a wrong secret is refused
 * as AWS would refuse it. In front of it, a small proxy refuses a PUT or POST without
 * Content-Length with 411 MissingContentLength, as S3 does (moto would take it).
 */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The S3_* variables that point a server at this bucket (path-style, with `overrides`). */
  env(overrides?: Record<string, string>): Record<string, string>;
  /** Every key in the bucket under `prefix` (ListObjectsV2, one page of 1000: tests store few). */
  listKeys(prefix?: string): Promise<string[]>;
  /** An object's bytes and Content-Type; null when there is none. */
  getObject(key: string): Promise<{ body: Buffer; contentType: string | null } | null>;
  deleteObject(key: string): Promise<void>;
  stop(): Promise<void>;
}

const REGION = "us-east-1";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A Python that has moto's server: $PYTHON, else python3 or python on PATH (the machine image's Python has moto). */
function pythonWithMoto(): string {
  const candidates = [process.env.PYTHON, "python3", "python"].filter((c): c is string => Boolean(c));
  for (const py of candidates) {
    if (spawnSync(py, ["-c", "import moto.server"], { stdio: "ignore", timeout: 30_000 }).status === 0) return py;
  }
  throw new Error(`This test needs moto's S3 server: the Python package moto (with its server extra) for one of ${candidates.join(", ")}, or PYTHON set to a Python that has it.`);
}

const tagOf = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

/** Starts moto's server on a free loopback port with one bucket and one IAM user's key for it. */
export async function startS3({ bucket = "aedg-recordings" }: { bucket?: string } = {}): Promise<TestS3> {
  const port = await freePort();
  const motoUrl = `http://127.0.0.1:${port}`;
  const python = pythonWithMoto();
  const child: ChildProcess = spawn(python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("error", (err) => (out += `\n${err.message}`));
  const proxy = createHttpServer((req, res) => {
    if ((req.method === "PUT" || req.method === "POST") && req.headers["content-length"] === undefined) {
      req.resume();
      res.writeHead(411, { "content-type": "application/xml" });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingContentLength</Code><Message>You must provide the Content-Length HTTP header.</Message></Error>');
      return;
    }
    // Headers as they came (Host included: moto checks the signature over it).
    const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
  const endpoint = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  const stop = async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await exited;
  };

  try {
    const until = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`moto's server exited:\n${out}`);
      const ok = await fetch(`${motoUrl}/moto-api/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > until) throw new Error(`moto's server did not start within 30 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // Set-up, before authentication is on: any signature passes.
    const setup = (service: string) => new AwsClient({ accessKeyId: "setup", secretAccessKey: "setup", service, region: REGION, retries: 0 });
    const iam = async (params: Record<string, string>) => {
      const res = await setup("iam").fetch(`${endpoint}/`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ Version: "2010-05-08", ...params }).toString(),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`IAM ${params.Action}: ${res.status} ${text}`);
      return text;
    };
    await iam({ Action: "CreateUser", UserName: "aedg-server" });
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
    await iam({ Action: "PutUserPolicy", UserName: "aedg-server", PolicyName: "recordings", PolicyDocument: JSON.stringify(policy) });
    const key = await iam({ Action: "CreateAccessKey", UserName: "aedg-server" });
    const accessKeyId = tagOf(key, "AccessKeyId");
    const secretAccessKey = tagOf(key, "SecretAccessKey");
    if (!accessKeyId || !secretAccessKey) throw new Error(`no access key in moto's answer: ${key}`);
    const made = await setup("s3").fetch(`${endpoint}/${bucket}`, { method: "PUT" });
    if (!made.ok) throw new Error(`CreateBucket: ${made.status} ${await made.text()}`);
    // From here on every request must be signed by a known key that is allowed the action.
    const auth = await fetch(`${endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
    if (!auth.ok) throw new Error(`could not switch on moto's authentication: ${auth.status}`);

    const client = new AwsClient({ accessKeyId, secretAccessKey, service: "s3", region: REGION, retries: 0 });
    const objectUrl = (k: string) => `${endpoint}/${bucket}/${k.split("/").map(encodeURIComponent).join("/")}`;
    return {
      endpoint,
      bucket,
      region: REGION,
      accessKeyId,
      secretAccessKey,
      env: (overrides = {}) => ({
        S3_BUCKET: bucket,
        S3_ENDPOINT: endpoint,
        S3_REGION: REGION,
        S3_ACCESS_KEY_ID: accessKeyId,
        S3_SECRET_ACCESS_KEY: secretAccessKey,
        S3_FORCE_PATH_STYLE: "true",
        ...overrides,
      }),
      async listKeys(prefix = "") {
        // The prefix is applied here: moto's signature check mishandles a "/" in the query string.
        const res = await client.fetch(`${endpoint}/${bucket}?list-type=2`);
        const xml = await res.text();
        if (!res.ok) throw new Error(`ListObjectsV2: ${res.status} ${xml}`);
        if (xml.includes("<IsTruncated>true</IsTruncated>")) throw new Error("more than one page of objects: the test helper reads one");
        return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!).filter((k) => k.startsWith(prefix)).sort();
      },
      async getObject(k) {
        const res = await client.fetch(objectUrl(k));
        if (res.status === 404) return null;
        if (!res.ok) throw new Error(`GetObject ${k}: ${res.status} ${await res.text()}`);
        return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get("content-type") };
      },
      async deleteObject(k) {
        const res = await client.fetch(objectUrl(k), { method: "DELETE" });
        if (!res.ok) throw new Error(`DeleteObject ${k}: ${res.status} ${await res.text()}`);
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
