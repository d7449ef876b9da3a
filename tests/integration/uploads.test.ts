import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createRoom, eventually, guest, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Issue 17 item 23: recording uploads are received as they arrive and streamed to storage, at
 * most a few at a time per user and in all, and the per-user quota holds for uploads sent at
 * the same time. `racy` lets many uploads of one user run at once (to race the quota);
 * `capped` keeps the default-sized caps small.
 */
const QUOTA = 1024 * 1024;
let racy: TestServer;
let capped: TestServer;
beforeAll(async () => {
  [racy, capped] = await Promise.all([
    startTestServer({ env: { RECORDING_QUOTA_BYTES: String(QUOTA), UPLOADS_AT_ONCE_PER_USER: "50", UPLOADS_AT_ONCE: "50" } }),
    startTestServer({ env: { UPLOADS_AT_ONCE_PER_USER: "2", UPLOADS_AT_ONCE: "3", RECORDING_MAX_BYTES: "200000" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([racy?.stop(), capped?.stop()]);
});

const webm = (size: number) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(size - 4)]);

async function consentingRoomInRound1(url: string, prefix: string) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(url, `${prefix}${i}`)));
  for (const p of players) await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true });
  const room = await createRoom(players[0]!);
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});
  return { players, code: room.code };
}

let started = 0;
/** A distinct start time per upload, so none is taken for a retry of another. */
const startedAt = () => new Date(Date.UTC(2026, 0, 1) + ++started * 1000).toISOString();

async function upload(p: Player, code: string, bytes: Buffer) {
  const form = new FormData();
  form.set("roomCode", code);
  form.set("round", "1");
  form.set("startedAt", startedAt());
  form.set("durationMs", "1500");
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "audio/webm" }), "round1.webm");
  const res = await p.api.raw("POST", "/api/voice/recordings", { body: form });
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

/**
 * An upload whose body is sent in two halves: the first now, the second on `finish()`, which
 * answers the status. Until then it holds its connection, as a slow phone would.
 */
function heldUpload(url: string, p: Player, code: string) {
  const boundary = `----held${randomBytes(8).toString("hex")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field("roomCode", code) + field("round", "1") + field("startedAt", startedAt()) + field("durationMs", "1500") + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.webm"\r\nContent-Type: audio/webm\r\n\r\n`,
  );
  const audio = webm(64 * 1024);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const target = new URL("/api/voice/recordings", url);
  const req = request(target, {
    method: "POST",
    headers: { cookie: p.api.cookieHeader(), "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(head.length + audio.length + tail.length) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.once("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", reject);
  });
  // Aborted unfinished when a test fails: that rejection is expected.
  answered.catch(() => undefined);
  req.write(Buffer.concat([head, audio.subarray(0, 1000)]));
  return {
    finish: () => {
      req.end(Buffer.concat([audio.subarray(1000), tail]));
      return answered;
    },
    abort: () => req.destroy(),
  };
}

describe("recording uploads (item 23)", () => {
  it("23 — keeps the quota for uploads sent at the same time: 12 at once never store more than the quota", async () => {
    const { players, code } = await consentingRoomInRound1(racy.url, "Quota");
    const size = 190 * 1024;
    const answers = await Promise.all(Array.from({ length: 12 }, () => upload(players[0]!, code, webm(size))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 413), statuses.join(",")).toBe(true);
    const stored = answers.filter((a) => a.status === 201).reduce((sum, a) => sum + (a.body.sizeBytes as number), 0);
    expect(stored).toBeLessThanOrEqual(QUOTA);
    // As many as fit were stored: one more would not have.
    expect(stored + size).toBeGreaterThan(QUOTA);
  });

  it("23 — receives at most UPLOADS_AT_ONCE_PER_USER uploads of one user and UPLOADS_AT_ONCE in all at a time (429 with Retry-After)", async () => {
    const { players, code } = await consentingRoomInRound1(capped.url, "Held");
    const [a, b, c] = players as [Player, Player, Player];
    // Each held upload is being received once its file is there, half-written.
    const receiving = (n: number) => eventually(() => expect(readdirSync(path.join(capped.dataDir, "incoming"))).toHaveLength(n), 30_000);
    const held = [heldUpload(capped.url, a, code), heldUpload(capped.url, a, code)];
    onTestFinished(() => held.forEach((h) => h.abort()));
    await receiving(2);
    // A's third waits for a slot; B still has one (two of three are taken).
    const third = await upload(a, code, webm(2048));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(third.body.error.code).toBe("RATE_LIMITED");
    held.push(heldUpload(capped.url, b, code));
    await receiving(3);
    // Three in all: C waits too.
    expect((await upload(c, code, webm(2048))).status).toBe(429);
    // The held uploads finish and are stored; then the others go through.
    expect(await Promise.all(held.map((h) => h.finish()))).toEqual([201, 201, 201]);
    expect((await upload(a, code, webm(2048))).status).toBe(201);
    expect((await upload(c, code, webm(2048))).status).toBe(201);
  });

  it("23 — refuses a file over RECORDING_MAX_BYTES (413), a form without the file or cut short (400), and leaves no partial file", async () => {
    const { players, code } = await consentingRoomInRound1(capped.url, "Big");
    const form = new FormData();
    form.set("roomCode", code);
    form.set("round", "1");
    form.set("startedAt", startedAt());
    form.set("durationMs", "1500");
    const noFile = await players[0]!.api.raw("POST", "/api/voice/recordings", { body: form });
    expect(noFile.status).toBe(400);
    const truncated = await players[0]!.api.raw("POST", "/api/voice/recordings", {
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: `--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.webm"\r\n\r\n\x1aE\xdf\xa3 and then nothing`,
    });
    expect(truncated.status).toBe(400);
    expect((await upload(players[0]!, code, webm(300_000))).status).toBe(413);
    // Uploads still work afterwards, and nothing half-written is left behind.
    expect((await upload(players[0]!, code, webm(4096))).status).toBe(201);
    expect(readdirSync(path.join(capped.dataDir, "incoming"))).toEqual([]);
  });
});
