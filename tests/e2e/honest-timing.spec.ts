import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { expectAccessible, expectFitsScreen } from "./checks";
import { expect, test } from "./fixtures";

// Issue 17, items 9 and 10 in the browser: a discussion paused while a player was away shows
// its pause apart from its played time in the monitor's phase log and the research room's
// timeline, and a round where one player missed a rating compares confidence over the players
// who rated both (the summary says how many). Each page is checked at phone and desktop width,
// in English and Korean. The players move through the REST API; the pages are looked at.
test.use({ locale: "en-US" });

async function signIn(request: APIRequestContext, provider: "credentials" | "guest", fields: Record<string, string>): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: "true" } });
  expect(res.ok(), `sign-in with ${provider}`).toBe(true);
}

interface Snapshot {
  code: string;
  phase: string;
  round: number;
  pausedAt: string | null;
  serverTime: string;
  phasePausedMs: number;
}

async function ok(request: APIRequestContext, path: string, data: unknown = {}): Promise<Snapshot> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

async function newContext(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
}

/** A socket subscribed to the room as that player (their presence: it going away is what pauses the room). */
async function presence(baseURL: string, request: APIRequestContext, code: string): Promise<Socket> {
  const { cookies } = await request.storageState();
  const socket = io(baseURL, { transports: ["websocket"], extraHeaders: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }, forceNew: true, reconnection: false });
  const ack = (await socket.timeout(10_000).emitWithAck("room:subscribe", { code })) as { ok: boolean };
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
  return socket;
}

/**
 * `check` at phone and desktop width, in English and Korean, each time with the page fitting its
 * width and nothing for axe to find. `beforeSwitch` runs before each change of language (to close a modal).
 */
async function inEveryLayout(page: Page, name: string, check: (locale: "en" | "ko") => Promise<void>, beforeSwitch: () => Promise<void> = async () => undefined): Promise<void> {
  const shots = process.env.HONEST_SCREENSHOTS;
  for (const locale of ["en", "ko"] as const) {
    await beforeSwitch();
    await page.getByRole("group", { name: /^(Language|언어)$/ }).getByRole("button", { name: locale === "en" ? "English" : "한국어" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await check(locale);
      await expectFitsScreen(page);
      await expectAccessible(page);
      if (shots) await page.screenshot({ path: path.join(shots, `${name}-${locale}-${width}.png`) });
    }
  }
  await beforeSwitch();
  await page.getByRole("group", { name: /^(Language|언어)$/ }).getByRole("button", { name: "English" }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("time and confidence: a paused discussion's pause shown apart in the monitor and research, and confidence compared over the same players", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36).slice(-5);

  const admin = await newContext(browser, baseURL!);
  await signIn(admin.context.request, "credentials", { username: process.env.E2E_ADMIN_USERNAME!, password: process.env.E2E_ADMIN_PASSWORD! });
  const players: { context: BrowserContext; page: Page }[] = [];
  for (const name of ["Ana", "Bo", "Cy"]) {
    const p = await newContext(browser, baseURL!);
    await signIn(p.context.request, "guest", { nickname: `${name}${suffix}` });
    expect((await p.context.request.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
    players.push(p);
  }
  const [ana, bo, cy] = players.map((p) => p.context.request) as [APIRequestContext, APIRequestContext, APIRequestContext];
  const created = await ana.post("/api/rooms", { data: { visibility: "private", title: `Timing ${suffix}`, settings: { graceSeconds: 2 } } });
  expect(created.status(), await created.text()).toBe(201);
  const code: string = (await created.json()).code;
  const view = async () => (await (await ana.get(`/api/rooms/${code}`)).json()) as Snapshot;

  let back: Socket | undefined;
  await test.step("round 1: Cy is away past the grace period in the discussion, then back", async () => {
    for (const p of [ana, bo, cy]) await ok(p, `/api/rooms/${code}/join`);
    for (const p of [ana, bo, cy]) await ok(p, `/api/rooms/${code}/ready`, { ready: true });
    for (const p of [ana, bo, cy]) await ok(p, `/api/rooms/${code}/roles/confirm`);
    for (const [i, p] of [ana, bo, cy].entries()) await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: i % 2, confidence: 2 + i });
    expect((await view()).phase).toBe("DISCUSSION");
    const away = await presence(baseURL!, cy, code);
    away.disconnect();
    await expect.poll(async () => (await view()).pausedAt, { timeout: 30_000 }).not.toBeNull();
    // Paused for at least 2 s by the server's clock, then Cy is back.
    await expect.poll(async () => {
      const s = await view();
      return Date.parse(s.serverTime) - Date.parse(s.pausedAt!);
    }, { timeout: 30_000 }).toBeGreaterThanOrEqual(2000);
    // Back, and staying (a socket gone again would pause the room again after the grace period).
    back = await presence(baseURL!, cy, code);
    await expect.poll(async () => (await view()).pausedAt, { timeout: 30_000 }).toBeNull();
  });

  await test.step("the discussion ends; Cy never rates the consensus (the host moves on); round 2 begins", async () => {
    for (const p of [ana, bo, cy]) await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
    for (const p of [ana, bo, cy]) await ok(p, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 });
    await ok(ana, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 5 });
    await ok(bo, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 4 });
    expect((await ok(ana, `/api/rooms/${code}/advance`, { reason: "e2e: Cy did not rate" })).phase).toBe("REVEAL");
    let s: Snapshot | undefined;
    for (const p of [ana, bo, cy]) s = await ok(p, `/api/rooms/${code}/rounds/1/continue`);
    expect(s).toMatchObject({ phase: "INDIVIDUAL", round: 2 });
  });

  await test.step("the monitor's phase log shows the pause apart from the discussion's played time", async () => {
    const { page } = admin;
    await page.goto("/facilitator/monitor");
    const row = page.getByTestId(`monitor-room-${code}`);
    await expect(row).toBeVisible();
    const log = page.getByTestId("phase-log");
    // The drawer is a modal dialog (the header's language switch is out of reach behind it): open it in each language.
    await inEveryLayout(page, "monitor-log", async (locale) => {
      if (!(await log.isVisible())) await row.getByRole("button", { name: locale === "en" ? "Phase log" : "단계 기록" }).click();
      const pause = log.locator('li[data-kind="pause"]');
      await expect(pause).toHaveCount(1);
      await expect(pause).toContainText(locale === "en" ? /Paused.*Discussion/ : /일시 정지.*토론/);
      await expect(pause).toContainText(locale === "en" ? /paused for \d+:\d\d/ : /\d+:\d\d 동안 일시 정지/);
      const discussion = log.locator('li[data-kind="phase"]').filter({ hasText: locale === "en" ? "Discussion" : "토론" }).first();
      await expect(discussion).toContainText(locale === "en" ? /played \d+:\d\d, paused \d+:\d\d/ : /\d+:\d\d 진행, \d+:\d\d 일시 정지/);
    }, async () => {
      if (await log.isVisible()) await page.keyboard.press("Escape");
      await expect(log).toHaveCount(0);
    });
  });

  await test.step("the host ends the room: the summary compares confidence over the two who rated both", async () => {
    expect((await ok(ana, `/api/rooms/${code}/advance`, { reason: "e2e: end", end: true })).phase).toBe("ABANDONED");
    const { page } = players[0]!;
    await page.goto(`/rooms/${code}`);
    const round1 = page.getByTestId("summary-round-1");
    await expect(round1).toBeVisible();
    // Ana 2 → 5, Bo 3 → 4; Cy (4) did not rate the group's decision.
    await inEveryLayout(page, "summary", async (locale) => {
      await round1.scrollIntoViewIfNeeded();
      await expect(round1).toContainText(
        locale === "en" ? "Mean confidence 2.5 → 4.5 (+2), over the 2 of 3 players who rated both." : "평균 확신도 2.5 → 4.5 (+2). 전체 3명 중 두 번 모두 답한 2명 기준입니다.",
      );
    });
  });

  await test.step("the research room's timeline shows the discussion's played and paused time", async () => {
    const { page } = admin;
    await page.goto(`/research/rooms/${code}`);
    const timeline = page.getByTestId("chart-timeline");
    await expect(timeline.locator("svg.recharts-surface")).toBeVisible();
    await inEveryLayout(page, "research-room", async (locale) => {
      await timeline.scrollIntoViewIfNeeded();
      await expect(timeline).toContainText(locale === "en" ? /played, and \d+:\d\d paused waiting for a player/ : /일시 정지 \d+:\d\d/);
    });
    await timeline.getByRole("button", { name: "Data table" }).click();
    const discussion = timeline.getByRole("row").filter({ hasText: "Discussion" });
    await expect(discussion).toHaveCount(1);
    await expect(discussion.getByRole("cell").last()).toHaveText(/^\d+:\d\d$/);
    await expectAccessible(page);
  });

  back?.disconnect();
  for (const p of [admin, ...players]) await p.context.close();
});
