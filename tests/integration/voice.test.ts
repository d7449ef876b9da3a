import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import { ApiClient, connected, emitAck } from "../support/client";
import { createRoom, eventually, guest, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

const TURN_SECRET = "turn-shared-secret-for-tests";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    env: { ...ADMIN_ENV, TURN_URLS: "turn:127.0.0.1:3478?transport=udp,turn:127.0.0.1:3478?transport=tcp", TURN_SECRET, STUN_URLS: "stun:127.0.0.1:3478", TURN_TTL_SECONDS: "600", RECORDING_MAX_BYTES: "65536" },
  });
});
afterAll(async () => {
  await server?.stop();
});

const offer = { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" };

/** A room with three seated players whose sockets are in the voice mesh. */
async function voiceRoom(prefix: string) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`, true)));
  const room = await createRoom(players[0]!);
  for (const p of players) expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
  return { players, code: room.code };
}

function collect<T>(p: Player, event: string): T[] {
  const got: T[] = [];
  p.socket!.on(event as never, ((payload: T) => got.push(payload)) as never);
  return got;
}
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("voice signalling", () => {
  it("tells who is in the mesh, and follows joins and leaves", async () => {
    const { players, code } = await voiceRoom("Mesh");
    const [a, b, c] = players as [Player, Player, Player];
    const joinedSeenByA = collect<{ userId: string }>(a, "voice:peer-joined");
    const leftSeenByA = collect<{ userId: string }>(a, "voice:peer-left");
    expect(await emitAck(a.socket!, "voice:join", { code })).toEqual({ ok: true, data: { peers: [] } });
    expect(await emitAck(b.socket!, "voice:join", { code })).toEqual({ ok: true, data: { peers: [a.id] } });
    const third = await emitAck(c.socket!, "voice:join", { code });
    expect(third.data.peers.sort()).toEqual([a.id, b.id].sort());
    await settle();
    expect(joinedSeenByA.map((x) => x.userId)).toEqual([b.id, c.id]);
    expect(await emitAck(b.socket!, "voice:leave", { code })).toEqual({ ok: true, data: null });
    c.socket!.disconnect();
    await settle();
    expect(leftSeenByA.map((x) => x.userId).sort()).toEqual([b.id, c.id].sort());
    for (const p of players) p.socket!.disconnect();
  });

  it("announces a player whose connection dropped and was recovered as leaving, then back once it joins again", async () => {
    const { players, code } = await voiceRoom("Drop");
    const [a, b, c] = players as [Player, Player, Player];
    b.socket!.disconnect();
    const bs = b.api.socket({ reconnection: true });
    await connected(bs);
    for (const s of [a.socket!, bs, c.socket!]) expect((await emitAck(s, "voice:join", { code })).ok).toBe(true);
    const seenByA: string[] = [];
    a.socket!.on("voice:peer-left", ({ userId }: { userId: string }) => seenByA.push(`left ${userId}`));
    a.socket!.on("voice:peer-joined", ({ userId }: { userId: string }) => seenByA.push(`joined ${userId}`));

    const back = new Promise<void>((resolve) => bs.io.once("reconnect", () => resolve()));
    bs.io.engine.close(); // the transport dies, as on a network drop
    await back;
    await connected(bs);
    expect(bs.recovered).toBe(true); // same connection, back in its rooms
    await eventually(() => expect(seenByA).toEqual([`left ${b.id}`]));
    const again = await emitAck(bs, "voice:join", { code });
    expect(again.data.peers.sort()).toEqual([a.id, c.id].sort());
    await eventually(() => expect(seenByA).toEqual([`left ${b.id}`, `joined ${b.id}`]));
    // Joining once more on the same connection announces nothing new.
    expect((await emitAck(bs, "voice:join", { code })).ok).toBe(true);
    const signals = collect<{ from: string }>(a, "voice:signal");
    expect((await emitAck(bs, "voice:signal", { code, to: a.id, data: offer })).ok).toBe(true);
    await settle();
    expect(seenByA).toEqual([`left ${b.id}`, `joined ${b.id}`]);
    expect(signals.map((x) => x.from)).toEqual([b.id]);
    bs.disconnect();
    for (const p of players) p.socket!.disconnect();
  });

  it("SECURITY 25, 26 — relays signals only between players of the same room, and refuses bad ones without relaying", async () => {
    const one = await voiceRoom("Sig");
    const two = await voiceRoom("Other");
    const [a, b, c] = one.players as [Player, Player, Player];
    const d = two.players[0]!;
    for (const p of one.players) await emitAck(p.socket!, "voice:join", { code: one.code });
    await emitAck(d.socket!, "voice:join", { code: two.code });
    const atB = collect<{ from: string; data: unknown }>(b, "voice:signal");
    const atC = collect<unknown>(c, "voice:signal");
    const atD = collect<unknown>(d, "voice:signal");

    expect(await emitAck(a.socket!, "voice:signal", { code: one.code, to: b.id, data: offer })).toEqual({ ok: true, data: null });
    const candidate = { type: "candidate", candidate: { candidate: "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", sdpMLineIndex: 0, sdpMid: "0" } };
    expect((await emitAck(a.socket!, "voice:signal", { code: one.code, to: b.id, data: candidate })).ok).toBe(true);

    const refused = [
      { code: one.code, to: d.id, data: offer }, // a player of another room
      { code: two.code, to: d.id, data: offer }, // a room the sender is not in
      { code: one.code, to: (await guest(server.url, "Lurker")).id, data: offer }, // not seated anywhere
      { code: one.code, to: b.id, data: { type: "offer", sdp: "not an sdp" } },
      { code: one.code, to: b.id, data: { type: "offer", sdp: `v=0${"a".repeat(20_000)}` } },
      { code: one.code, to: b.id, data: { type: "candidate", candidate: { candidate: "x", extra: Array(1000).fill("c") } } },
      { code: one.code, to: b.id, data: { candidates: Array(2000).fill("candidate:1") } }, // huge, but under the socket limit
      { code: one.code, to: "not-a-user-id", data: offer },
      { code: one.code, to: a.id, data: offer }, // oneself
    ];
    for (const payload of refused) {
      const r = await emitAck(a.socket!, "voice:signal", payload);
      expect(r.ok, JSON.stringify(payload).slice(0, 120)).toBe(false);
    }
    // Relaying goes on for the others.
    expect((await emitAck(c.socket!, "voice:signal", { code: one.code, to: b.id, data: { renegotiate: true } })).ok).toBe(true);
    await settle();
    expect(atB).toEqual([
      { from: a.id, data: offer },
      { from: a.id, data: candidate },
      { from: c.id, data: { renegotiate: true } },
    ]);
    expect(atC).toEqual([]);
    expect(atD).toEqual([]);

    const states = collect<{ userId: string; muted: boolean }>(b, "voice:state");
    expect((await emitAck(a.socket!, "voice:state", { code: one.code, muted: true, speaking: false })).ok).toBe(true);
    await settle();
    expect(states).toEqual([{ userId: a.id, muted: true, speaking: false }]);
    for (const p of [...one.players, ...two.players]) p.socket!.disconnect();
  });

  it("SECURITY 26 — takes a player whose seat is freed out of the mesh: no signal reaches them, and they can come back with a seat", async () => {
    const { players, code } = await voiceRoom("Freed");
    const [a, b, c] = players as [Player, Player, Player];
    for (const p of players) expect((await emitAck(p.socket!, "voice:join", { code })).ok).toBe(true);
    const leftSeenByA = collect<{ userId: string }>(a, "voice:peer-left");
    const signalsToC = collect<{ from: string }>(c, "voice:signal");
    expect((await c.api.post(`/api/rooms/${code}/leave`, {})).status).toBe(204);
    await eventually(() => expect(leftSeenByA.map((x) => x.userId)).toEqual([c.id]));
    // Signals to them go nowhere; theirs are refused; they cannot rejoin the mesh without a seat.
    await emitAck(a.socket!, "voice:signal", { code, to: c.id, data: offer });
    expect(await emitAck(c.socket!, "voice:signal", { code, to: a.id, data: offer })).toMatchObject({ ok: false, error: { code: "WRONG_PHASE" } });
    expect(await emitAck(c.socket!, "voice:join", { code })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await settle();
    expect(signalsToC).toEqual([]);
    // Seated again, the same connection joins the mesh afresh and is announced.
    const joinedSeenByB = collect<{ userId: string }>(b, "voice:peer-joined");
    expect((await c.api.post(`/api/rooms/${code}/join`, {})).status).toBe(200);
    const back = await emitAck(c.socket!, "voice:join", { code });
    expect(back.data.peers.sort()).toEqual([a.id, b.id].sort());
    await eventually(() => expect(joinedSeenByB.map((x) => x.userId)).toEqual([c.id]));
    const signal = new Promise<{ from: string }>((resolve) => c.socket!.once("voice:signal", resolve));
    expect(await emitAck(a.socket!, "voice:signal", { code, to: c.id, data: offer })).toEqual({ ok: true, data: null });
    expect((await signal).from).toBe(a.id);
    for (const p of players) p.socket!.disconnect();
  });

  it("SECURITY 26 — refuses to join the mesh of a room one does not sit in", async () => {
    const { code, players } = await voiceRoom("Closed");
    const outsider = await guest(server.url, "Outside", true);
    expect(await emitAck(outsider.socket!, "voice:join", { code })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await emitAck(outsider.socket!, "voice:signal", { code, to: players[0]!.id, data: offer })).toMatchObject({ ok: false });
    for (const p of [...players, outsider]) p.socket!.disconnect();
  });
});

describe("ICE configuration", () => {
  it("SECURITY 43 — mints TURN credentials with coturn's HMAC scheme that expire after the TTL, and never shows the secret", async () => {
    const p = await guest(server.url, "Ice");
    const before = Math.floor(Date.now() / 1000);
    const r = await p.api.get("/api/webrtc/ice-config");
    expect(r.status).toBe(200);
    expect(r.body.ttl).toBe(600);
    const [stun, turn] = r.body.iceServers;
    expect(stun).toEqual({ urls: ["stun:127.0.0.1:3478"] });
    const [expiry, userId] = turn.username.split(":");
    expect(userId).toBe(p.id);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    expect(turn.credential).toBe(createHmac("sha1", TURN_SECRET).update(turn.username).digest("base64"));
    expect(JSON.stringify(r.body)).not.toContain(TURN_SECRET);
    const health = await p.api.get("/api/webrtc/health");
    expect(health.body).toMatchObject({ turn: { configured: true, secretSet: true }, mode: "turn" });
    expect(JSON.stringify(health.body)).not.toContain(TURN_SECRET);
    expect((await new ApiClient(server.url).get("/api/webrtc/ice-config")).status).toBe(401);
  });

  it("returns no servers when nothing is configured", async () => {
    const bare = await startTestServer();
    try {
      const p = await guest(bare.url, "Lan");
      const r = await p.api.get("/api/webrtc/ice-config");
      expect(r.body.iceServers).toEqual([]);
      expect((await p.api.get("/api/webrtc/health")).body.mode).toMatch(/direct/);
    } finally {
      await bare.stop();
    }
  });
});

describe("recordings", () => {
  const webm = (size = 2048) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(size - 4)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);

  async function upload(p: Player, code: string, bytes: Buffer, filename = "round1.webm", round = "1") {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "audio/webm" }), filename);
    form.set("roomCode", code);
    form.set("round", round);
    form.set("startedAt", new Date().toISOString());
    form.set("durationMs", "1500");
    const res = await p.api.raw("POST", "/api/voice/recordings", { body: form });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  async function consentingRoomInRound1(prefix: string, consent = true) {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `${prefix}${i}`)));
    for (const p of players) await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: consent });
    const room = await createRoom(players[0]!);
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/join`, {});
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
    for (const p of players) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});
    return { players, code: room.code };
  }

  it("SECURITY 12, 19, 20 — stores a consented recording under a server-made name and serves it only to its speaker or a researcher", async () => {
    const { players, code } = await consentingRoomInRound1("Rec");
    const audio = webm();
    const up = await upload(players[0]!, code, audio, "../../../etc/passwd.webm");
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ roomCode: code, round: 1, mimeType: "audio/webm", sizeBytes: audio.length, durationMs: 1500 });
    expect(JSON.stringify(up.body)).not.toContain("passwd");

    const own = await players[0]!.api.raw("GET", `/api/voice/recordings/${up.body.id}`);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(audio)).toBe(true);
    expect(own.headers.get("content-disposition")).toMatch(/^attachment; filename="recording-/);
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(own.headers.get("cache-control")).toBe("no-store");

    expect((await players[1]!.api.get(`/api/voice/recordings/${up.body.id}`)).status).toBe(404);
    expect((await players[1]!.api.get(`/api/voice/recordings/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const admin = await signedInAdmin(server.url);
    expect((await admin.raw("GET", `/api/voice/recordings/${up.body.id}`)).status).toBe(200);

    // Files live in the data directory under generated names only.
    const root = path.join(server.dataDir, "recordings");
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".webm"));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) expect(path.basename(f)).toMatch(/^[0-9a-f-]{36}\.webm$/);
    expect(existsSync(path.join(server.dataDir, "etc"))).toBe(false);
  });

  it("SECURITY 17, 18 — refuses a disguised PNG (415), an oversized file (413), a player without a seat (404, as for a missing room) and a room without everyone's consent (403)", async () => {
    const { players, code } = await consentingRoomInRound1("Bad");
    expect((await upload(players[0]!, code, png, "sneaky.webm")).status).toBe(415);
    const big = await upload(players[0]!, code, webm(70_000));
    expect(big.status).toBe(413);
    const stranger = await guest(server.url, "NoSeat");
    await stranger.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true });
    expect((await upload(stranger, code, webm())).status).toBe(404);
    expect((await upload(players[0]!, code, webm(), "x.webm", "2")).status).toBe(409);
    const noConsent = await consentingRoomInRound1("NoVoice", false);
    const refused = await upload(noConsent.players[0]!, noConsent.code, webm());
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("CONSENT_REQUIRED");
    const notMultipart = await players[0]!.api.call("POST", "/api/voice/recordings", { json: { file: "x" } });
    expect(notMultipart.status).toBe(415);
  });
});
