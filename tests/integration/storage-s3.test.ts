import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import { createRoom, guest, type Player } from "../support/game";
import { startS3, type TestS3 } from "../support/s3";
import { startTestServer, type TestServer } from "../support/server";

// Recordings in an S3-compatible bucket (moto's server on loopback, which checks signatures
// and IAM permissions): uploads land in the bucket, downloads stream back the same bytes with
// the same headers as from the local disk, a withdrawal removes the person's objects, and a
// partial or wrong S3 configuration refuses to start with a message that says what to fix.

const PREFIX = "aedg/recordings/";
let s3: TestS3;
let server: TestServer;
let local: TestServer;
beforeAll(async () => {
  s3 = await startS3();
  // The S3 server and, for comparison, one that keeps recordings on its disk.
  [server, local] = await Promise.all([startTestServer({ env: { ...ADMIN_ENV, ...s3.env({ S3_PREFIX: "aedg/recordings" }) } }), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), local?.stop()]);
  await s3?.stop();
});

const webm = (size: number) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(size - 4)]);

async function upload(p: Player, code: string, bytes: Buffer, startedAt = new Date().toISOString()) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "audio/webm" }), "round1.webm");
  form.set("roomCode", code);
  form.set("round", "1");
  form.set("startedAt", startedAt);
  form.set("durationMs", "2500");
  const res = await p.api.raw("POST", "/api/voice/recordings", { body: form });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Three consenting players in round 1 of a room on `url`. */
async function roomInRound1(url: string, prefix: string) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(url, `${prefix}${i}`)));
  for (const p of players) await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true });
  const room = await createRoom(players[0]!);
  for (const p of players) expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});
  return { players, code: room.code };
}

/** The download's headers that do not depend on the recording's id. */
function headersOf(res: Response) {
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    contentLength: res.headers.get("content-length"),
    disposition: res.headers.get("content-disposition")?.replace(/-[0-9a-f]{8}\.webm"$/, "-<id>.webm\"").replace(/recording-[A-Z0-9]{6}-/, "recording-<code>-"),
    nosniff: res.headers.get("x-content-type-options"),
    cacheControl: res.headers.get("cache-control"),
  };
}

const keysUnder = async () => (await s3.listKeys(PREFIX)).filter((k) => !k.endsWith(".aedg-write-check"));

describe("recordings in S3-compatible storage", () => {
  it("land in the bucket under a generated key and come back byte for byte with the headers local storage gives", async () => {
    const { players, code } = await roomInRound1(server.url, "S3Rec");
    const audio = webm(3 * 1024 * 1024 + 17);
    const before = new Set(await keysUnder());
    const up = await upload(players[0]!, code, audio);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ roomCode: code, round: 1, mimeType: "audio/webm", sizeBytes: audio.length });

    const added = (await keysUnder()).filter((k) => !before.has(k));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^aedg\/recordings\/\d{4}-\d{2}\/[0-9a-f-]{36}\.webm$/);
    const stored = await s3.getObject(added[0]!);
    expect(stored!.body.equals(audio)).toBe(true);
    expect(stored!.contentType).toBe("audio/webm");
    // Nothing on the server's own disk.
    const dir = path.join(server.dataDir, "recordings");
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(webm|ogg|mp4)$/.test(f)) : []).toEqual([]);

    const own = await players[0]!.api.raw("GET", `/api/voice/recordings/${up.body.id}`);
    const ownHeaders = headersOf(own);
    expect(Buffer.from(await own.arrayBuffer()).equals(audio)).toBe(true);
    const admin = await signedInAdmin(server.url);
    const asResearcher = await admin.raw("GET", `/api/voice/recordings/${up.body.id}`);
    expect(asResearcher.status).toBe(200);
    expect(Buffer.from(await asResearcher.arrayBuffer()).equals(audio)).toBe(true);
    expect((await players[1]!.api.get(`/api/voice/recordings/${up.body.id}`)).status).toBe(404);

    // The same upload on a server with local storage answers the same.
    const onDisk = await roomInRound1(local.url, "DiskRec");
    const localUp = await upload(onDisk.players[0]!, onDisk.code, audio);
    expect(localUp.status).toBe(201);
    const fromDisk = await onDisk.players[0]!.api.raw("GET", `/api/voice/recordings/${localUp.body.id}`);
    const diskHeaders = headersOf(fromDisk);
    expect(Buffer.from(await fromDisk.arrayBuffer()).equals(audio)).toBe(true);
    expect(ownHeaders).toEqual(diskHeaders);
    expect(ownHeaders).toMatchObject({ status: 200, contentType: "audio/webm", contentLength: String(audio.length), nosniff: "nosniff", cacheControl: "no-store" });
    expect(ownHeaders.disposition).toBe('attachment; filename="recording-<code>-r1-<id>.webm"');
  });

  it("answer 404 for an object gone from the bucket, not an error", async () => {
    const { players, code } = await roomInRound1(server.url, "S3Gone");
    const before = new Set(await keysUnder());
    const up = await upload(players[0]!, code, webm(4096));
    expect(up.status).toBe(201);
    const added = (await keysUnder()).filter((k) => !before.has(k));
    expect(added).toHaveLength(1);
    await s3.deleteObject(added[0]!);
    const r = await players[0]!.api.get(`/api/voice/recordings/${up.body.id}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("NOT_FOUND");
  });

  it("are removed from the bucket when their speaker withdraws; the others' stay", async () => {
    const { players, code } = await roomInRound1(server.url, "S3Wd");
    const [leaving, staying] = players as [Player, Player, Player];
    const before = new Set(await keysUnder());
    const t0 = Date.now();
    for (const [i, p] of [leaving, leaving, staying].entries()) {
      const r = await upload(p, code, webm(2048 + i), new Date(t0 + i * 1000).toISOString());
      expect(r.status).toBe(201);
    }
    const added = (await keysUnder()).filter((k) => !before.has(k));
    expect(added).toHaveLength(3);
    const sizes = new Map<string, number>();
    for (const k of added) sizes.set(k, (await s3.getObject(k))!.body.length);
    const stayingKey = added.find((k) => sizes.get(k) === 2050)!;
    expect(stayingKey).toBeDefined();

    const r = await leaving.api.delete("/api/users/me", { withdrawData: true });
    expect(r.status).toBe(204);
    const after = new Set(await keysUnder());
    expect(added.filter((k) => after.has(k))).toEqual([stayingKey]);
    expect((await s3.getObject(stayingKey))!.body.length).toBe(2050);
    // In one DeleteObjects request, not the one-by-one fallback.
    expect(server.output()).not.toContain("DeleteObjects failed");
  });

  it("refuses to start with a partial or wrong S3 configuration, saying what to fix and never showing the secret", async () => {
    const refused = async (env: Record<string, string>) => {
      const s = await startTestServer({ env, expectExit: true });
      expect(s.process.exitCode, s.output()).toBe(1);
      return s.output();
    };

    const partial = await refused({ S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint });
    expect(partial).toContain("Invalid environment");
    expect(partial).toMatch(/S3_ACCESS_KEY_ID: required once any S3_\* variable is set/);
    expect(partial).toMatch(/S3_SECRET_ACCESS_KEY: required/);
    expect(partial).not.toMatch(/S3_REGION: required/); // an endpoint stands in for the region

    const noRegion = await refused({ S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey });
    expect(noRegion).toMatch(/S3_REGION: required/);

    const badValues = await refused(s3.env({ S3_ENDPOINT: "ftp://127.0.0.1/", S3_FORCE_PATH_STYLE: "yes", S3_PREFIX: "../up" }));
    expect(badValues).toMatch(/S3_ENDPOINT: an http\(s\) URL/);
    expect(badValues).toMatch(/S3_FORCE_PATH_STYLE/);
    expect(badValues).toMatch(/S3_PREFIX/);

    const wrongSecret = "wrong-secret-do-not-print";
    const badKey = await refused(s3.env({ S3_SECRET_ACCESS_KEY: wrongSecret }));
    expect(badKey).toMatch(/S3 storage for recordings is not usable/);
    expect(badKey).toMatch(/SignatureDoesNotMatch/);
    expect(badKey).toMatch(/check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(badKey).not.toContain(wrongSecret);
    expect(badKey).not.toContain(s3.secretAccessKey);

    const noBucket = await refused(s3.env({ S3_BUCKET: "no-such-bucket" }));
    expect(noBucket).toMatch(/NoSuchBucket/);
    expect(noBucket).toMatch(/check S3_BUCKET/);

    const unreachable = await refused(s3.env({ S3_ENDPOINT: "http://127.0.0.1:9" }));
    expect(unreachable).toMatch(/could not be reached: check S3_ENDPOINT/);
  });
});
