import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { ADMIN_ENV, userWithRole } from "../support/accounts";
import { startFakeOpenAI, type FakeOpenAI } from "../support/fake-openai";
import { confirmRoles, createRoom, fillAndStart, guest, ok, type Player } from "../support/game";
import { startTestServer, type TestServer } from "../support/server";

const role = (name: string) => ({ name, brief: `${name} public brief.`, privateBrief: `${name} private brief.` });
const validDraft = (rounds = 2) =>
  JSON.stringify({
    title: "Robot judges",
    summary: "Should an AI decide small claims?",
    opening: "The city court is overloaded.\n\nAn AI could help.",
    roles: [role("Judge"), role("Citizen"), role("Vendor")],
    rounds: Array.from({ length: rounds }, (_, i) => ({ question: `Question ${i + 1}?`, options: [{ label: "Yes", description: "" }, { label: "No", description: "" }] })),
  });

const HANGUL = /[\uac00-\ud7a3]/;

/** The first built-in scenario written in English. */
async function englishScenarioId(p: Player): Promise<string> {
  const r = await p.api.get("/api/scenarios?locale=en");
  expect(r.status).toBe(200);
  return r.body.scenarios[0].id;
}

/** Plays a whole short game by skipping phases with the host's advance, with real choices in round 1. */
async function finishedGame(url: string, prefix: string, opts: { english?: boolean } = {}) {
  const players = await Promise.all([1, 2, 3].map((i) => guest(url, `${prefix}${i}`)));
  const room = await createRoom(players[0]!, opts.english ? { scenarioId: await englishScenarioId(players[0]!) } : {});
  await fillAndStart(room.code, players);
  let snap = await confirmRoles(room.code, players);
  for (const [i, p] of players.entries()) await ok(p, `/api/rooms/${room.code}/rounds/1/choice`, { choice: i % 2, confidence: 3 });
  while (snap.phase !== "FINISHED") snap = await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "fast" });
  return { players, code: room.code, snap };
}

describe("with AI on (a local OpenAI-compatible server)", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    server = await startTestServer({ env: { ...ADMIN_ENV, OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.url, OPENAI_MODEL: "fake-model-1", AI_TIMEOUT_MS: "1500", AI_CALLS_PER_HOUR: "8", RATE_LIMIT_SCALE: "1", AI_FEEDBACK_RETRY_SECONDS: "3600" } });
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it("drafts a scenario: valid at once, valid on the retry, or a clear error after two invalid answers", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    expect((await fac.get("/api/ai/status")).body).toEqual({ enabled: true, model: "fake-model-1" });

    fake.queue.push({ content: validDraft(2) });
    const first = await fac.post("/api/ai/scenarios", { topic: "AI in small-claims courts", locale: "en", rounds: 2 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.draft).toMatchObject({ title: "Robot judges", locale: "en" });
    expect(first.body.draft.rounds).toHaveLength(2);
    const request = fake.requests.at(-1)!;
    expect(request.model).toBe("fake-model-1");
    expect(request.response_format).toEqual({ type: "json_object" });
    expect(request.messages.at(-1)!.content).toContain("AI in small-claims courts");

    fake.queue.push({ content: '{"title": "missing everything"}' }, { content: validDraft(3) });
    const retried = await fac.post("/api/ai/scenarios", { topic: "Retry please", locale: "en", rounds: 3 });
    expect(retried.status).toBe(200);
    expect(retried.body.draft.rounds).toHaveLength(3);
    // The retry told the model what was wrong.
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toMatch(/does not fit/);

    fake.queue.push({ content: "not json at all" }, { content: validDraft(2) /* wrong round count */ });
    const failed = await fac.post("/api/ai/scenarios", { topic: "Fail twice", locale: "en", rounds: 4 });
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ code: "AI_FAILED", message: expect.stringMatching(/did not fit a valid scenario twice/) });

    // A draft is saved only when the facilitator saves it as a custom game.
    const saved = await fac.post("/api/custom-games", first.body.draft);
    expect(saved.status).toBe(201);

    const player = await guest(server.url, "NoDrafts");
    expect((await player.api.post("/api/ai/scenarios", { topic: "x y z", locale: "en" })).status).toBe(403);
    expect((await fac.post("/api/ai/scenarios", { topic: "x y z", locale: "fr" })).status).toBe(400);
  });

  it("answers a timeout with a clear error, and limits AI calls per user", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    fake.queue.push({ content: validDraft(2), delayMs: 4000 });
    const slow = await fac.post("/api/ai/scenarios", { topic: "Too slow", locale: "ko", rounds: 2 });
    expect(slow.status).toBe(502);
    expect(slow.body.error.code).toBe("AI_FAILED");
    fake.fallback = { content: validDraft(2) };
    let limited: Awaited<ReturnType<typeof fac.post>> | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const r = await fac.post("/api/ai/scenarios", { topic: `Again ${i}`, locale: "en", rounds: 2 });
      if (r.status === 429) limited = r;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    fake.fallback = { status: 500 };
  });

  it("gives role prompts in discussion, and falls back to rule-based ones when the AI fails", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `Prompt${i}`)));
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    await confirmRoles(room.code, players);
    fake.queue.push({ content: JSON.stringify({ questions: ["Who bears the risk?", "What would you accept?"] }) });
    const r = await players[1]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ questions: ["Who bears the risk?", "What would you accept?"], source: "ai" });
    const mine = (await players[1]!.api.get(`/api/rooms/${room.code}/roles`)).body.role;
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain(mine.name);

    fake.queue.push({ status: 500 });
    const fallback = await players[1]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts`, {});
    expect(fallback.status).toBe(200);
    expect(fallback.body.source).toBe("rules");
    expect(fallback.body.questions.length).toBeGreaterThan(0);
    expect((await players[1]!.api.post(`/api/rooms/${room.code}/rounds/2/prompts`, {})).status).toBe(409);
    const outsider = await guest(server.url, "PromptOutsider");
    expect((await outsider.api.post(`/api/rooms/${room.code}/rounds/1/prompts`, {})).status).toBe(404);
  });

  it("writes feedback once per finished game and stores it", async () => {
    const { players, code } = await finishedGame(server.url, "Fb");
    const feedback = { group: "You listened to each other and changed course twice.", roles: [0, 1, 2].map((position) => ({ position, text: `Role ${position} argued clearly.` })) };
    fake.queue.push({ content: JSON.stringify(feedback) });
    const before = fake.requests.length;
    const answers = await Promise.all(players.map((p: Player) => p.api.get(`/api/rooms/${code}/feedback`)));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toMatchObject({ source: "ai", model: "fake-model-1", group: feedback.group });
      expect(a.body.roles.map((r: { position: number; name: string }) => r.name.length > 0)).toEqual([true, true, true]);
    }
    expect(fake.requests.length - before).toBe(1);
    const again = await players[2]!.api.get(`/api/rooms/${code}/feedback`);
    expect(again.body.group).toBe(feedback.group);
    expect(fake.requests.length - before).toBe(1);
  });

  it("backs off after the model fails a room's feedback: 40 readers, one call", async () => {
    const { players, code } = await finishedGame(server.url, "FbFail");
    fake.fallback = { status: 500 };
    const before = fake.requests.length;
    for (let batch = 0; batch < 4; batch++) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => players[i % 3]!.api.get(`/api/rooms/${code}/feedback?locale=en`)));
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.body.source).toBe("rules");
      }
    }
    expect(fake.requests.length - before).toBe(1);
  });

  it("counts a room's feedback against its host's AI budget", async () => {
    const players = await Promise.all([1, 2, 3].map((i) => guest(server.url, `FbBudget${i}`)));
    const room = await createRoom(players[0]!);
    await fillAndStart(room.code, players);
    let snap = await confirmRoles(room.code, players);
    // The host spends the hour's AI calls (AI_CALLS_PER_HOUR=8) on ideas for their role.
    fake.fallback = { content: JSON.stringify({ questions: ["Who bears the risk?"] }) };
    for (let i = 0; i < 8; i++) expect((await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts`, {})).status).toBe(200);
    expect((await players[0]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts`, {})).status).toBe(429);
    while (snap.phase !== "FINISHED") snap = await ok(players[0]!, `/api/rooms/${room.code}/advance`, { reason: "fast" });
    fake.fallback = { content: JSON.stringify({ group: "A long enough group text.", roles: [0, 1, 2].map((position) => ({ position, text: "Fine role text." })) }) };
    const before = fake.requests.length;
    const fb = await players[1]!.api.get(`/api/rooms/${room.code}/feedback`);
    expect(fb.status).toBe(200);
    expect(fb.body.source).toBe("rules");
    expect(fake.requests.length - before).toBe(0);
    fake.fallback = { status: 500 };
  });

  it("writes feedback and role prompts in the reader's language, not the scenario's", async () => {
    const { players, code } = await finishedGame(server.url, "FbKo", { english: true });
    const korean = { group: "서로의 말을 잘 듣고 두 번 방향을 바꿨습니다.", roles: [0, 1, 2].map((position) => ({ position, text: `역할 ${position}은 분명하게 주장했습니다.` })) };
    const english = { group: "You listened to each other and changed course twice.", roles: [0, 1, 2].map((position) => ({ position, text: `Role ${position} argued clearly.` })) };
    const before = fake.requests.length;

    // The browser's language (no ?locale=): a Korean player of an English scenario is answered in Korean.
    fake.queue.push({ content: JSON.stringify(korean) });
    const ko = await players[0]!.api.call("GET", `/api/rooms/${code}/feedback`, { headers: { "accept-language": "ko-KR,ko;q=0.9" } });
    expect(ko.status, JSON.stringify(ko.body)).toBe(200);
    expect(ko.body.group).toBe(korean.group);
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain("Language: Korean");

    // English is generated once for itself, and each language is then served as stored.
    fake.queue.push({ content: JSON.stringify(english) });
    const en = await players[1]!.api.get(`/api/rooms/${code}/feedback?locale=en`);
    expect(en.body.group).toBe(english.group);
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain("Language: English");
    expect(fake.requests.length - before).toBe(2);
    expect((await players[2]!.api.get(`/api/rooms/${code}/feedback?locale=ko`)).body.group).toBe(korean.group);
    expect((await players[2]!.api.get(`/api/rooms/${code}/feedback?locale=en`)).body.group).toBe(english.group);
    expect(fake.requests.length - before).toBe(2);
    expect((await players[2]!.api.get(`/api/rooms/${code}/feedback?locale=fr`)).status).toBe(400);

    // Role prompts: the AI is asked in Korean; its fallback questions are Korean too.
    const prompted = await Promise.all([1, 2, 3].map((i) => guest(server.url, `PromptKo${i}`)));
    const room = await createRoom(prompted[0]!, { scenarioId: await englishScenarioId(prompted[0]!) });
    await fillAndStart(room.code, prompted);
    await confirmRoles(room.code, prompted);
    fake.queue.push({ content: JSON.stringify({ questions: ["누가 위험을 지나요?"] }) });
    const asked = await prompted[1]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts?locale=ko`, {});
    expect(asked.body).toEqual({ questions: ["누가 위험을 지나요?"], source: "ai" });
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain("Language: Korean");
    fake.queue.push({ status: 500 });
    const fallback = await prompted[1]!.api.post(`/api/rooms/${room.code}/rounds/1/prompts?locale=ko`, {});
    expect(fallback.body.source).toBe("rules");
    expect(fallback.body.questions.every((q: string) => HANGUL.test(q))).toBe(true);
  });
});

describe("with AI off (no key)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: ADMIN_ENV });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers drafting with a clear 'AI is off', and a whole game still ends with rule-based feedback", async () => {
    const fac = await userWithRole(server.url, "FACILITATOR");
    expect((await fac.get("/api/ai/status")).body).toEqual({ enabled: false, model: null });
    const r = await fac.post("/api/ai/scenarios", { topic: "Anything at all", locale: "en" });
    expect(r.status).toBe(503);
    expect(r.body.error).toEqual({ code: "AI_DISABLED", message: "AI is off on this server." });

    const { players, code, snap } = await finishedGame(server.url, "Rules");
    expect((snap as RoomSnapshot).phase).toBe("FINISHED");
    const fb = await players[0]!.api.get(`/api/rooms/${code}/feedback`);
    expect(fb.status).toBe(200);
    expect(fb.body.source).toBe("rules");
    expect(fb.body.group).toMatch(/consensus|합의/);
    expect(fb.body.roles).toHaveLength(3);
    const prompts = await players[0]!.api.post(`/api/rooms/${code}/rounds/5/prompts`, {});
    expect(prompts.status).toBe(409);
  });

  it("writes rule-based feedback in the reader's language", async () => {
    const { players, code } = await finishedGame(server.url, "RulesKo", { english: true });
    const ko = await players[0]!.api.get(`/api/rooms/${code}/feedback?locale=ko`);
    expect(ko.status).toBe(200);
    expect(ko.body.source).toBe("rules");
    expect(ko.body.group).toMatch(HANGUL);
    const en = await players[0]!.api.get(`/api/rooms/${code}/feedback?locale=en`);
    expect(en.body.group).not.toMatch(HANGUL);
  });
});
