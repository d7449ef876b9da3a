import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { io } from "socket.io-client";
import { expect, test } from "./fixtures";

// Three guests play a short game through the REST API (the host skips ahead with
// /advance), the admin opens a test room, then a researcher uses the research screens:
// the dashboard, a room's detail with charts, two downloads, and the test-data cleanup.
test.use({ locale: "en-US" });

const EXPORT_NAME = (ext: string) => new RegExp(`^aedg-export-\\d{8}T\\d{6}Z\\.${ext}$`);

/** Signs an API context in through next-auth (the cookies stay in the context). */
async function signIn(request: APIRequestContext, provider: "credentials" | "guest", fields: Record<string, string>): Promise<{ id: string; role: string }> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post(`/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: "true" } });
  expect(res.ok(), `sign-in with ${provider}`).toBe(true);
  const me = await request.get("/api/users/me");
  expect(me.status()).toBe(200);
  return me.json();
}

async function ok(request: APIRequestContext, path: string, data: unknown = {}): Promise<{ phase: string; round: number; code: string }> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Says something in the room's chat over the socket, as that player. */
async function chat(baseURL: string, request: APIRequestContext, code: string, text: string): Promise<void> {
  const { cookies } = await request.storageState();
  const socket = io(baseURL, { transports: ["websocket"], extraHeaders: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }, forceNew: true, reconnection: false });
  try {
    const ack = (await socket.timeout(10_000).emitWithAck("chat:send", { code, text })) as { ok: boolean };
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
  } finally {
    socket.disconnect();
  }
}

async function researcherPage(browser: Browser, baseURL: string, username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await signIn(context.request, "credentials", { username, password });
  return { context, page: await context.newPage() };
}

test("a researcher sees the dashboard and a room's charts, downloads xlsx and JSON, and cleans up test rooms", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);

  // The admin grants RESEARCHER to a new account.
  const admin = await playwright.request.newContext({ baseURL });
  await signIn(admin, "credentials", { username: process.env.E2E_ADMIN_USERNAME!, password: process.env.E2E_ADMIN_PASSWORD! });
  const researcher = { username: `researcher${suffix}`, password: "correct horse battery staple" };
  const anonymous = await playwright.request.newContext({ baseURL });
  const registered = await anonymous.post("/api/users", { data: researcher });
  expect(registered.status(), await registered.text()).toBe(201);
  const granted = await admin.put(`/api/admin/users/${(await registered.json()).id}/role`, { data: { role: "RESEARCHER" } });
  expect(granted.status(), await granted.text()).toBe(200);

  // Three guests with data consent, each in its own request context, play round 1 in full.
  const nicknames = ["Ada", "Ben", "Cleo"].map((n) => `${n}Nick${suffix}`);
  const players: APIRequestContext[] = [];
  for (const nickname of nicknames) {
    const p = await playwright.request.newContext({ baseURL });
    await signIn(p, "guest", { nickname });
    expect((await p.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
    players.push(p);
  }
  const [host] = players as [APIRequestContext, APIRequestContext, APIRequestContext];
  const created = await host.post("/api/rooms", { data: { visibility: "private" } });
  expect(created.status(), await created.text()).toBe(201);
  const code: string = (await created.json()).code;
  for (const p of players) await ok(p, `/api/rooms/${code}/join`);
  for (const p of players) await ok(p, `/api/rooms/${code}/ready`, { ready: true });
  for (const p of players) await ok(p, `/api/rooms/${code}/roles/confirm`);
  const chatText = `First seat speaking ${suffix}`;
  await chat(baseURL!, host, code, chatText);
  for (const [i, p] of players.entries()) await ok(p, `/api/rooms/${code}/rounds/1/choice`, { choice: i % 2, confidence: 2 + i });
  for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/discussion/end`);
  for (const p of players) await ok(p, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 });
  let snap = { phase: "", round: 0, code };
  for (const [i, p] of players.entries()) snap = await ok(p, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 3 + (i % 2) });
  expect(snap.phase).toBe("REVEAL");
  // The host skips the rest: missing answers are recorded as missing.
  for (let i = 0; i < 60 && snap.phase !== "FINISHED"; i++) snap = await ok(host, `/api/rooms/${code}/advance`, { reason: "e2e: skip ahead" });
  expect(snap.phase).toBe("FINISHED");

  // A test room (only staff may open one) for the cleanup.
  const testRoom = await admin.post("/api/rooms", { data: { visibility: "private", isTest: true } });
  expect(testRoom.status(), await testRoom.text()).toBe(201);
  const testCode: string = (await testRoom.json()).code;

  // ---- The researcher's dashboard.
  const { context, page } = await researcherPage(browser, baseURL!, researcher.username, researcher.password);
  const summary = await (await context.request.get("/api/research/summary")).json();
  expect(summary.completedGames).toBeGreaterThanOrEqual(1);
  await page.goto("/research");
  await expect(page.getByRole("heading", { level: 1, name: "Research overview" })).toBeVisible();
  await expect(page.getByTestId("stat-completed-value")).toHaveText(summary.completedGames.toLocaleString("en-US"));
  await expect(page.getByTestId("stat-participants-value")).toHaveText(summary.participants.toLocaleString("en-US"));
  await expect(page.getByTestId("stat-withdrawals-value")).toHaveText(String(summary.withdrawals));
  await expect(page.getByTestId("chart-activity").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("chart-activity").locator(".recharts-bar-rectangle").first()).toBeAttached();

  // ---- The room's detail, from the list of finished rooms.
  await page.getByTestId("recent-finished").getByRole("link", { name: new RegExp(code) }).click();
  await expect(page).toHaveURL(new RegExp(`/research/rooms/${code}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Room ${code}` })).toBeVisible();
  for (const chart of ["chart-distribution", "chart-agreement", "chart-confidence", "chart-timeline"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface"), chart).toBeVisible();
    await expect(page.getByTestId(chart).locator(".recharts-bar-rectangle").first(), chart).toBeAttached();
  }
  const detail = await (await context.request.get(`/api/research/rooms/${code}`)).json();
  const codes: string[] = detail.participants.map((p: { participantCode: string }) => p.participantCode);
  expect(codes).toHaveLength(3);
  const roundTable = page.getByTestId("round-1-table");
  await expect(roundTable.getByRole("columnheader", { name: "Participant" })).toBeVisible();
  for (const c of codes) await expect(roundTable).toContainText(c);
  await expect(page.getByTestId("seat-table").getByTestId("participant-code")).toHaveCount(3);
  await expect(page.getByTestId("chat-log")).toContainText(chatText);
  const main = page.locator("main");
  for (const nickname of nicknames) await expect(main).not.toContainText(nickname);

  // Every chart has its numbers as a table too.
  const distribution = page.getByTestId("chart-distribution");
  await distribution.getByRole("button", { name: "Data table" }).click();
  await expect(distribution.getByRole("table")).toContainText("Round 1");
  await expect(distribution.locator("svg.recharts-surface")).toHaveCount(0);

  // A participant code leads to that participant's games.
  await roundTable.getByRole("link", { name: codes[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: codes[0] })).toBeVisible();
  await expect(page.getByTestId("participant-game").getByRole("link", { name: `Room ${code}` })).toBeVisible();

  // ---- Downloads from the dashboard: xlsx first, then JSON.
  await page.goto("/research");
  const exportPanel = page.getByTestId("export-panel");
  await expect(exportPanel.getByRole("radio", { name: /Excel/ })).toBeChecked();
  let downloading = page.waitForEvent("download");
  await exportPanel.getByRole("button", { name: "Download" }).click();
  const xlsx = await downloading;
  expect(xlsx.suggestedFilename()).toMatch(EXPORT_NAME("xlsx"));
  const xlsxBytes = await readFile((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString("latin1")).toBe("PK");
  await expect(page.getByTestId("export-done")).toContainText(xlsx.suggestedFilename());

  await exportPanel.getByText("One .json file").click();
  await expect(exportPanel.getByRole("radio", { name: /JSON/ })).toBeChecked();
  downloading = page.waitForEvent("download");
  await exportPanel.getByRole("button", { name: "Download" }).click();
  const json = await downloading;
  expect(json.suggestedFilename()).toMatch(EXPORT_NAME("json"));
  const text = await readFile((await json.path())!, "utf8");
  const data = JSON.parse(text) as { sheets: { rooms: { room_code: string }[]; wide: { participant_code: string; room_code: string }[] } };
  expect(data.sheets.rooms.map((r) => r.room_code)).toContain(code);
  expect(data.sheets.wide.filter((r) => r.room_code === code).map((r) => r.participant_code).sort()).toEqual([...codes].sort());
  for (const nickname of nicknames) expect(text).not.toContain(nickname);
  expect(text).not.toContain(testCode);

  // A reversed date range is caught before asking the server.
  await exportPanel.getByLabel("Created from").fill("2030-01-02");
  await exportPanel.getByLabel("Created until").fill("2030-01-01");
  await expect(exportPanel.getByText("The start date must not be after the end date.")).toBeVisible();
  await expect(exportPanel.getByRole("button", { name: "Download" })).toBeDisabled();

  // ---- Cleanup of test rooms, with a confirmation.
  expect((await context.request.get(`/api/research/rooms/${testCode}`)).status()).toBe(200);
  const cleanup = page.getByTestId("cleanup-panel");
  await expect(page.getByTestId("debug-counts").getByRole("rowheader", { name: "Room", exact: true })).toBeVisible();
  await cleanup.getByRole("button", { name: "Delete test data…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete test data?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
  const result = page.getByTestId("cleanup-result");
  await expect(result).toContainText(/Deleted \d+ rooms\./);
  await expect(result.getByRole("row", { name: /^Rooms \d+$/ })).toBeVisible();
  expect((await context.request.get(`/api/research/rooms/${testCode}`)).status()).toBe(404);
  expect((await context.request.get(`/api/research/rooms/${code}`)).status()).toBe(200);
  await expect(page.getByTestId("cleanup-test-rooms")).toHaveText("Test rooms now: 0");

  // ---- A player is told the area is for researchers; a signed-out visitor is sent to sign in.
  const playerContext = await browser.newContext({ baseURL, locale: "en-US" });
  await signIn(playerContext.request, "guest", { nickname: `Curious${suffix}` });
  const playerPage = await playerContext.newPage();
  await playerPage.goto("/research/rooms");
  await expect(playerPage.getByRole("heading", { level: 1, name: "This area is for researchers" })).toBeVisible();
  const visitor = await browser.newPage({ baseURL, locale: "en-US" });
  await visitor.goto("/research");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=\/research$/);

  await Promise.all([context.close(), playerContext.close(), visitor.close(), admin.dispose(), anonymous.dispose(), ...players.map((p) => p.dispose())]);
});
