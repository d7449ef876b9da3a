import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import type { ApiClient } from "../support/client";
import { confirmRoles, createRoom, eventually, fillAndStart, guest, ok, subscribe, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

// Issue 17, items 8 and 9: a room says before a round whether it is recorded (everyone seated
// agreed to voice recording) and refuses uploads otherwise; a pause is its own row of the
// phase log, and a phase's active time leaves the pause out.

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer({ env: ADMIN_ENV });
  admin = await signedInAdmin(server.url);
});
afterAll(async () => {
  await server?.stop();
});

const view = (p: Player, code: string) => p.api.get(`/api/rooms/${code}`).then((r) => r.body as RoomSnapshot);

/** A guest with a socket, who gave data consent and, when `voice`, voice-recording consent. */
async function player(name: string, voice: boolean): Promise<Player> {
  const p = await guest(server.url, name, true);
  expect((await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: voice })).status).toBe(200);
  return p;
}

describe("whether a room records", () => {
  const webm = () => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(2044)]);
  async function upload(p: Player, code: string, round: number) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(webm())], { type: "audio/webm" }), `round-${round}.webm`);
    form.set("roomCode", code);
    form.set("round", String(round));
    form.set("startedAt", new Date().toISOString());
    form.set("durationMs", "1500");
    const res = await p.api.raw("POST", "/api/voice/recordings", { body: form });
    return { status: res.status, body: (await res.json().catch(() => null)) as { error?: { code: string } } | null };
  }

  it("says so in the snapshot from everyone seated's voice consent, follows a change of consent with a new version on every socket, and refuses uploads while off", async () => {
    const [ana, ben, cai] = [await player("RecAna", true), await player("RecBen", true), await player("RecCai", false)];
    const room = await createRoom(ana);
    const code = room.code;
    for (const p of [ana, ben, cai]) await subscribe(p, code);

    // Two who agreed: recording would be on; the third, who did not, sits down: off.
    expect((await ana.api.post(`/api/rooms/${code}/join`, {})).body.snapshot.isRecordingAllowed).toBe(true);
    expect((await ben.api.post(`/api/rooms/${code}/join`, {})).body.snapshot.isRecordingAllowed).toBe(true);
    const joined = await cai.api.post(`/api/rooms/${code}/join`, {});
    expect(joined.body.snapshot.isRecordingAllowed).toBe(false);
    await fillAndStartReady(code, [ana, ben, cai]);
    const inRound = await confirmRoles(code, [ana, ben, cai]);
    expect(inRound).toMatchObject({ phase: "INDIVIDUAL", round: 1, isRecordingAllowed: false });
    for (const p of [ana, ben, cai]) expect((await view(p, code)).isRecordingAllowed).toBe(false);

    // Nobody's recording of a round that is not recorded is stored.
    for (const p of [ana, ben, cai]) {
      const refused = await upload(p, code, 1);
      expect(refused.status, JSON.stringify(refused.body)).toBe(403);
      expect(refused.body?.error?.code).toBe("CONSENT_REQUIRED");
    }

    // Cai agrees: every socket is pushed a newer version of the room saying it records.
    const before = (await view(ana, code)).version;
    expect((await cai.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true })).status).toBe(200);
    for (const p of [ana, ben, cai]) {
      await eventually(() => {
        const pushed = p.states.find((s) => s.code === code && s.version > before);
        expect(pushed).toBeDefined();
        expect(pushed!.isRecordingAllowed).toBe(true);
      });
    }
    expect(await view(ben, code)).toMatchObject({ isRecordingAllowed: true, phase: "INDIVIDUAL", round: 1 });
    expect((await upload(ana, code, 1)).status).toBe(201);

    // Ben takes his consent back: off again at once, pushed, and uploads refused again.
    const on = (await view(ana, code)).version;
    expect((await ben.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: false })).status).toBe(200);
    await eventually(() => expect(ana.states.at(-1)).toMatchObject({ version: on + 1, isRecordingAllowed: false }));
    expect((await upload(ana, code, 1)).status).toBe(403);
    expect((await upload(ben, code, 1)).status).toBe(403);

    // A consent change of someone in no running room changes no room.
    const stranger = await player("RecOut", false);
    const still = (await view(ana, code)).version;
    expect((await stranger.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true })).status).toBe(200);
    expect((await view(ana, code)).version).toBe(still);
    for (const p of [ana, ben, cai, stranger]) p.socket!.disconnect();
  });
});

/** Everyone seated gets ready (roles dealt at random): the room leaves the waiting room. */
async function fillAndStartReady(code: string, players: Player[]): Promise<RoomSnapshot> {
  let snap: RoomSnapshot | undefined;
  for (const p of players) snap = await ok(p, `/api/rooms/${code}/ready`, { ready: true });
  expect(snap!.phase).toBe("ROLES");
  return snap!;
}

interface PhaseLogRow {
  room_code: string;
  kind: string;
  phase: string;
  round: number;
  entered_at: string;
  left_at: string | null;
  duration_s: number | null;
  active_s: number | null;
  paused_s: number | null;
  reason: string;
}

describe("time in a phase with a pause", () => {
  it("logs a pause of the discussion as a row of its own, and counts the discussion's active time without it in the export, the research room and the monitor's log", async () => {
    const players = [await player("PauseAna", false), await player("PauseBen", false), await player("PauseCai", false)];
    const room = await createRoom(players[0]!, { settings: { graceSeconds: 2, discussionSeconds: 600 } });
    const code = room.code;
    for (const p of players) await subscribe(p, code);
    await fillAndStart(code, players);
    await confirmRoles(code, players);
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    expect((await view(players[0]!, code)).phase).toBe("DISCUSSION");

    // Cai's connection drops past the grace period: the discussion pauses.
    const cai = players[2]!;
    cai.socket!.disconnect();
    const paused = await eventually(async () => {
      const s = await view(players[0]!, code);
      expect(s.pausedAt).not.toBeNull();
      return s;
    }, 30_000);
    expect(paused.phasePausedMs).toBe(0);
    // Paused for a while (by the server's clock), then Cai is back and the discussion runs again.
    await eventually(async () => {
      const s = await view(players[0]!, code);
      expect(Date.parse(s.serverTime) - Date.parse(s.pausedAt!)).toBeGreaterThanOrEqual(1500);
    }, 30_000);
    cai.socket!.connect();
    await subscribe(cai, code);
    const resumed = await eventually(async () => {
      const s = await view(players[0]!, code);
      expect(s.pausedAt).toBeNull();
      return s;
    });
    expect(resumed.phase).toBe("DISCUSSION");
    expect(resumed.phasePausedMs).toBeGreaterThanOrEqual(1500);
    for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
    expect((await view(players[0]!, code)).phase).toBe("CONSENSUS");

    // The export: the pause is a row of its own; the discussion's active seconds leave it out.
    const res = await admin.get("/api/research/export?format=json");
    expect(res.status).toBe(200);
    const rows = (res.body.sheets.phase_log as PhaseLogRow[]).filter((r) => r.room_code === code);
    const pauses = rows.filter((r) => r.kind === "pause");
    expect(pauses).toHaveLength(1);
    const pause = pauses[0]!;
    expect(pause).toMatchObject({ phase: "DISCUSSION", round: 1, active_s: null, paused_s: null });
    expect(pause.duration_s!).toBeGreaterThanOrEqual(1.5);
    expect(pause.duration_s! * 1000).toBeCloseTo(resumed.phasePausedMs, 0);
    const discussion = rows.find((r) => r.kind === "phase" && r.phase === "DISCUSSION" && r.round === 1)!;
    expect(discussion.paused_s).toBeCloseTo(pause.duration_s!, 3);
    expect(discussion.active_s!).toBeCloseTo(discussion.duration_s! - pause.duration_s!, 3);
    expect(discussion.active_s!).toBeLessThan(discussion.duration_s! - 1.4);
    expect(Date.parse(pause.entered_at)).toBeGreaterThanOrEqual(Date.parse(discussion.entered_at));
    expect(Date.parse(pause.left_at!)).toBeLessThanOrEqual(Date.parse(discussion.left_at!));
    for (const r of rows.filter((x) => x.kind === "phase" && x !== discussion && x.duration_s !== null)) expect(r).toMatchObject({ paused_s: 0, active_s: r.duration_s });

    // The research room's timeline says the same.
    const detail = (await admin.get(`/api/research/rooms/${code}`)).body;
    const entry = detail.timeline.find((e: { kind: string; phase: string; round: number }) => e.kind === "phase" && e.phase === "DISCUSSION" && e.round === 1);
    expect(entry.activeSeconds).toBeCloseTo(discussion.active_s!, 3);
    expect(entry.pausedSeconds).toBeCloseTo(pause.duration_s!, 3);
    expect(detail.timeline.filter((e: { kind: string }) => e.kind === "pause")).toHaveLength(1);

    // And the monitor's phase log.
    const log = (await admin.get(`/api/facilitator/rooms/${code}/log`)).body.entries as { kind: string; phase: string; round: number; activeMs: number | null; pausedMs: number | null }[];
    const logged = log.find((e) => e.kind === "phase" && e.phase === "DISCUSSION" && e.round === 1)!;
    expect(logged.pausedMs).toBe(resumed.phasePausedMs);
    expect(logged.activeMs! / 1000).toBeCloseTo(discussion.active_s!, 3);
    expect(log.filter((e) => e.kind === "pause")).toHaveLength(1);
    for (const p of players) p.socket!.disconnect();
  });
});
