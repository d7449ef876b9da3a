import { randomBytes } from "node:crypto";
import * as XLSX from "xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ENV, signedInAdmin } from "../support/accounts";
import type { ApiClient } from "../support/client";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai";
import { createRoom, eventually, guest, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

/**
 * Transcripts (issue 6): with AI configured, every stored recording is transcribed in the
 * background by the real `openai` client against a local OpenAI-compatible server, retried
 * on failure, labelled by speaker role and round, and shown in the room detail and the export.
 * Without AI, the export says why the transcript is empty.
 */

let fake: FakeOpenAI;
let server: TestServer;
let plain: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  [server, plain] = await Promise.all([
    startTestServer({
      env: {
        ...ADMIN_ENV,
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fake.url,
        OPENAI_TRANSCRIBE_MODEL: "whisper-test",
        TRANSCRIBE_RETRY_MS: "150",
        TRANSCRIBE_MAX_ATTEMPTS: "3",
        TRANSCRIBE_POLL_MS: "200",
      },
    }),
    startTestServer({ env: ADMIN_ENV }),
  ]);
  admin = await signedInAdmin(server.url);
});
afterAll(async () => {
  await Promise.all([server?.stop(), plain?.stop()]);
  await fake?.close();
});

/** A small generated audio file: a WebM (EBML) header and some noise. */
const audio = (size = 3000) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), randomBytes(size - 9)]);

async function upload(p: Player, code: string, bytes: Buffer, round = 1) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "audio/webm" }), `round${round}.webm`);
  form.set("roomCode", code);
  form.set("round", String(round));
  form.set("startedAt", new Date().toISOString());
  form.set("durationMs", "2500");
  const res = await p.api.raw("POST", "/api/voice/recordings", { body: form });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body as { id: string };
}

/** Three consenting players in round 1 of a new room on `url`. */
async function roomInRound1(url: string, prefix: string) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(url, `${prefix}${i}`)));
  for (const p of players) expect((await p.api.put("/api/users/me/consent", { dataConsent: true, voiceConsent: true })).status).toBe(200);
  const room = await createRoom(players[0]!);
  for (const p of players) expect((await p.api.post(`/api/rooms/${room.code}/join`, {})).status).toBe(200);
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/ready`, { ready: true });
  for (const p of players) await p.api.post(`/api/rooms/${room.code}/roles/confirm`, {});
  return { players, code: room.code };
}

const detail = async (c: ApiClient, code: string) => {
  const r = await c.get(`/api/research/rooms/${code}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { seats: { seat: number; role: { name: string } | null; participantCode: string | null }[]; recordings: { id: string; participantCode: string; roleName: string | null; round: number; transcript: { status: string; text: string | null; note: string | null; language: string | null } }[] };
};

describe("transcripts", () => {
  it("are made in the background with the openai client, retried after a failure, and shown in the room detail and every export", async () => {
    const { players, code } = await roomInRound1(server.url, "Tr");
    // The first attempt fails (HTTP 500), the retry answers.
    fake.transcriptionQueue.push({ status: 500 }, { content: "We should not deploy the model before the audit." });
    const bytes = audio();
    const rec = await upload(players[1]!, code, bytes);

    const done = await eventually(async () => {
      const d = await detail(admin, code);
      const r = d.recordings.find((x) => x.id === rec.id)!;
      expect(r.transcript.status).toBe("done");
      return { d, r };
    }, 30_000, 200);
    expect(done.r.transcript.text).toBe("We should not deploy the model before the audit.");
    expect(done.r.round).toBe(1);
    // Labelled by the speaker's role: the role of the uploader's seat.
    const seat = done.d.seats.find((s) => s.participantCode === done.r.participantCode)!;
    expect(seat.seat).toBe(1);
    expect(done.r.roleName).toBe(seat.role!.name);

    // Two requests reached the endpoint, each with the uploaded bytes, the model and the room's language.
    const mine = fake.transcriptions.filter((t) => t.bytes.equals(bytes));
    expect(mine).toHaveLength(2);
    for (const t of mine) {
      expect(t.model).toBe("whisper-test");
      expect(["ko", "en"]).toContain(t.language);
      expect(t.filename).toMatch(/^round-1\.webm$/);
    }

    // The export's transcripts sheet (JSON and xlsx) carries it, under the participant code.
    const json = await admin.get(`/api/research/export?format=json&sheet=transcripts&test=all`);
    expect(json.status).toBe(200);
    const row = json.body.sheets.transcripts.find((t: { recording_id: string }) => t.recording_id === rec.id);
    expect(row).toMatchObject({ room_code: code, round: 1, participant_code: done.r.participantCode, role_name: done.r.roleName, transcript_status: "done", transcript: "We should not deploy the model before the audit.", note: null });

    const xlsx = await admin.raw("GET", `/api/research/export?format=xlsx&test=all`);
    expect(xlsx.status).toBe(200);
    // Reading back is for the test only; the product never reads workbooks (SECURITY.md 40).
    const wb = XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: "array" });
    expect(wb.SheetNames).toContain("transcripts");
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.transcripts!);
    expect(sheet.find((r) => r.recording_id === rec.id)).toMatchObject({ transcript: "We should not deploy the model before the audit.", transcript_status: "done", role_name: done.r.roleName });
  });

  it("give up after the last retry without blocking anything else", async () => {
    const { players, code } = await roomInRound1(server.url, "Tf");
    fake.transcriptionQueue.push({ status: 503 }, { status: 503 }, { status: 503 });
    const rec = await upload(players[0]!, code, audio());
    // Meanwhile the game goes on: a choice is accepted while transcription is failing.
    expect((await players[0]!.api.post(`/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 })).status).toBe(200);
    const r = await eventually(async () => {
      const x = (await detail(admin, code)).recordings.find((y) => y.id === rec.id)!;
      expect(x.transcript.status).toBe("failed");
      return x;
    }, 30_000, 200);
    expect(r.transcript.text).toBeNull();
    expect(r.transcript.note).toMatch(/failed after 3 attempt/);
  });

  it("say why they are empty when no AI is configured", async () => {
    const { players, code } = await roomInRound1(plain.url, "Tn");
    const rec = await upload(players[2]!, code, audio());
    const plainAdmin = await signedInAdmin(plain.url);
    const r = (await detail(plainAdmin, code)).recordings.find((x) => x.id === rec.id)!;
    expect(r.transcript).toMatchObject({ status: "not_configured", text: null });
    expect(r.transcript.note).toMatch(/not configured/);
    const json = await plainAdmin.get(`/api/research/export?format=json&sheet=transcripts&test=all`);
    expect(json.body.sheets.transcripts.find((t: { recording_id: string }) => t.recording_id === rec.id)).toMatchObject({ transcript_status: "not_configured", transcript: null, note: expect.stringMatching(/not configured/) });
  });

  it("go with their recording when the speaker withdraws", async () => {
    const { players, code } = await roomInRound1(server.url, "Tw");
    fake.transcriptionQueue.push({ content: "private words" });
    const rec = await upload(players[2]!, code, audio());
    await eventually(async () => expect((await detail(admin, code)).recordings.find((x) => x.id === rec.id)?.transcript.status).toBe("done"), 30_000, 200);
    expect((await players[2]!.api.delete("/api/users/me", { withdrawData: true })).status).toBe(204);
    expect((await detail(admin, code)).recordings.find((x) => x.id === rec.id)).toBeUndefined();
    const json = await admin.get(`/api/research/export?format=json&sheet=transcripts&test=all`);
    expect(JSON.stringify(json.body)).not.toContain("private words");
  });
});
