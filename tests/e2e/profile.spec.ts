import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures";

// Three guests play a game through the REST API (two rounds in full, then the host skips to
// the end); one of them opens their profile from the header and sees their numbers.
test.use({ locale: "en-US" });

/** Signs a context in as a new guest through next-auth (the context's pages share the cookies). */
async function guestContext(browser: Browser, baseURL: string, nickname: string, locale = "en-US"): Promise<{ context: BrowserContext; request: APIRequestContext; id: string }> {
  const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 } });
  const request = context.request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/guest", { form: { nickname, csrfToken, json: "true" } });
  expect(res.ok(), "guest sign-in").toBe(true);
  const me = await request.get("/api/users/me");
  expect(me.status()).toBe(200);
  expect((await request.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
  return { context, request, id: (await me.json()).id };
}

async function ok(request: APIRequestContext, path: string, data: unknown = {}): Promise<{ phase: string; round: number; code: string; scenario: { title: string } }> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test("a player who finished a game opens their profile and sees their numbers", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const nickname = `Mina${suffix}`;
  const players = [await guestContext(browser, baseURL!, nickname), await guestContext(browser, baseURL!, `Jun${suffix}`), await guestContext(browser, baseURL!, `Sora${suffix}`)];
  const [me, ...others] = players as [(typeof players)[number], (typeof players)[number], (typeof players)[number]];

  const created = await me.request.post("/api/rooms", { data: { visibility: "private" } });
  expect(created.status(), await created.text()).toBe(201);
  const code: string = (await created.json()).code;
  for (const p of players) await ok(p.request, `/api/rooms/${code}/join`);
  for (const p of players) await ok(p.request, `/api/rooms/${code}/ready`, { ready: true });
  for (const p of players) await ok(p.request, `/api/rooms/${code}/roles/confirm`);
  // Round 1: my choice (A, confidence 2) is the group's; round 2: mine (B, 4) is not. After: 4, then 5.
  const rounds = [
    { mine: { choice: 0, confidence: 2, after: 4 }, consensus: 0 },
    { mine: { choice: 1, confidence: 4, after: 5 }, consensus: 0 },
  ];
  let snap = { phase: "", round: 0, code, scenario: { title: "" } };
  for (const [i, r] of rounds.entries()) {
    const n = i + 1;
    await ok(me.request, `/api/rooms/${code}/rounds/${n}/choice`, { choice: r.mine.choice, confidence: r.mine.confidence });
    for (const p of others) await ok(p.request, `/api/rooms/${code}/rounds/${n}/choice`, { choice: 0, confidence: 3 });
    for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/${n}/discussion/end`);
    for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/${n}/consensus`, { choice: r.consensus });
    await ok(me.request, `/api/rooms/${code}/rounds/${n}/consensus-confidence`, { confidence: r.mine.after });
    for (const p of others) snap = await ok(p.request, `/api/rooms/${code}/rounds/${n}/consensus-confidence`, { confidence: 3 });
    expect(snap.phase).toBe("REVEAL");
    for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/${n}/continue`);
  }
  // The host skips the rest: unanswered rounds count for nothing.
  for (let i = 0; i < 60 && snap.phase !== "FINISHED"; i++) snap = await ok(me.request, `/api/rooms/${code}/advance`, { reason: "e2e: skip ahead" });
  expect(snap.phase).toBe("FINISHED");

  // ---- From the lobby, through the header link.
  const page = await me.context.newPage();
  await page.goto("/lobby");
  await page.getByRole("banner").getByRole("link", { name: "Your games and stats" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: `Your games, ${nickname}` })).toBeVisible();
  await expect(page.getByTestId("stat-games-value")).toHaveText("1");
  await expect(page.getByTestId("stat-games")).toContainText("1 played to the end");
  await expect(page.getByTestId("stat-rounds-value")).toHaveText("2");
  await expect(page.getByTestId("stat-agreement-value")).toHaveText("50%");
  await expect(page.getByTestId("stat-agreement")).toContainText("In 1 of 2 rounds your choice was the group's");
  await expect(page.getByTestId("stat-confidence-value")).toHaveText("3 → 4.5");

  // The charts draw, and say the same as tables.
  const agreement = page.getByTestId("chart-agreement-by-round");
  await expect(agreement.locator("svg.recharts-surface")).toBeVisible();
  await expect(agreement.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(agreement).toContainText("your choice was the group's in 50% of the rounds");
  await agreement.getByRole("button", { name: "Data table" }).click();
  await expect(agreement.getByRole("row", { name: /^Round 1 100% 1 1$/ })).toBeVisible();
  await expect(agreement.getByRole("row", { name: /^Round 2 0% 0 1$/ })).toBeVisible();
  const confidence = page.getByTestId("chart-confidence-by-round");
  await expect(confidence.locator("svg.recharts-surface")).toBeVisible();
  await confidence.getByRole("button", { name: "Data table" }).click();
  await expect(confidence.getByRole("row", { name: /^Round 1 2 4$/ })).toBeVisible();
  await expect(confidence.getByRole("row", { name: /^Round 2 4 5$/ })).toBeVisible();
  await expect(page.getByTestId("profile-scenarios")).toContainText(snap.scenario.title);

  // ---- The same page in Korean.
  const ko = await browser.newContext({ baseURL, locale: "ko-KR", storageState: await me.context.storageState() });
  const koPage = await ko.newPage();
  await koPage.goto("/profile");
  await expect(koPage.getByRole("heading", { level: 1, name: `${nickname}님의 게임 기록` })).toBeVisible();
  await expect(koPage.getByTestId("stat-agreement")).toContainText("2개 라운드 중 1개에서");

  // ---- Someone who has not played yet is pointed to the lobby; a signed-out visitor is sent to sign in.
  const fresh = await guestContext(browser, baseURL!, `New${suffix}`);
  const freshPage = await fresh.context.newPage();
  await freshPage.goto("/profile");
  await expect(freshPage.getByTestId("profile-empty")).toContainText("No games yet");
  await freshPage.getByTestId("profile-empty").getByRole("link", { name: "Find a room" }).click();
  await expect(freshPage).toHaveURL(/\/lobby$/);
  const visitor = await browser.newPage({ baseURL, locale: "en-US" });
  await visitor.goto("/profile");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=\/profile$/);

  await Promise.all([...players.map((p) => p.context.close()), ko.close(), fresh.context.close(), visitor.close()]);
});
