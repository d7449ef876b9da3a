import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { expectAccessible, expectFitsScreen } from "./checks";
import { expect as baseExpect, test } from "./fixtures";

// Issue 17, items 11–13: the game editor keeps unsaved work across in-app navigation and its
// error banner goes once the fields are fixed; a facilitator opens a room from the lobby without
// taking a seat; "Skip phase" asks first and the players are told; a built-in scenario is opened
// in bulk (with a printable QR sheet) and copied into an editable game. Each page touched is
// checked at 390 and 1440 px, in English and Korean.
test.use({ locale: "en-US" });
// Several browsers and the server share two busy cores: conditions get longer to come true.
const expect = baseExpect.configure({ timeout: 45_000 });

const PHONE_390 = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function apiSignIn(request: APIRequestContext, username: string, password: string): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } });
  expect(res.status()).toBeLessThan(400);
  expect((await (await request.get("/api/users/me")).json()).username).toBe(username);
}

/** A new facilitator account (made one by the admin), signed in in a fresh browser context. */
async function newFacilitator(browser: Browser, baseURL: string, prefix = "rfac"): Promise<BrowserContext> {
  const username = `${prefix}_${Date.now().toString(36).slice(-6)}`;
  const password = "facilitator-password";
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: DESKTOP });
  const registered = await context.request.post("/api/users", { data: { username, password } });
  expect(registered.status()).toBe(201);
  const { id } = await registered.json();
  const adminContext = await browser.newContext({ baseURL });
  await apiSignIn(adminContext.request, process.env.E2E_ADMIN_USERNAME!, process.env.E2E_ADMIN_PASSWORD!);
  expect((await adminContext.request.put(`/api/admin/users/${id}/role`, { data: { role: "FACILITATOR" } })).status()).toBe(200);
  await adminContext.close();
  await apiSignIn(context.request, username, password);
  return context;
}

interface Guest {
  context: BrowserContext;
  page: Page;
  nickname: string;
}

async function newGuest(browser: Browser, baseURL: string, nickname: string): Promise<Guest> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Play as guest" }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/lobby$/);
  return { context, page, nickname };
}

/** The page fits and passes axe at phone and desktop width. */
async function checkBothWidths(page: Page): Promise<void> {
  // After a client-side navigation the page's <title> streams in a moment later.
  await expect(page).toHaveTitle(/\S/);
  for (const size of [PHONE_390, DESKTOP]) {
    await page.setViewportSize(size);
    await expectFitsScreen(page);
    await expectAccessible(page);
  }
  await page.setViewportSize(DESKTOP);
}

async function setLanguage(context: BrowserContext, baseURL: string, locale: "en" | "ko"): Promise<void> {
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
}

/** Fills every field of a one-round game in the editor. */
async function fillGame(page: Page, title: string): Promise<void> {
  const editor = page.getByTestId("game-editor");
  await editor.getByLabel("Title").fill(title);
  await editor.getByLabel("Summary").fill("A town debates a robot lifeguard.");
  await editor.getByLabel("Opening text").fill("The town's beach will get a robot lifeguard next summer.");
  for (const [i, name] of ["Mayor", "Swimmer", "Engineer"].entries()) {
    const role = editor.getByRole("group", { name: `Role ${i + 1}` });
    await role.getByLabel("Name").fill(name);
    await role.getByLabel("Public brief").fill(`The ${name.toLowerCase()}'s view.`);
    await role.getByLabel("Private brief").fill(`The ${name.toLowerCase()}'s secret.`);
  }
  const round1 = page.getByTestId("round-1");
  await round1.getByLabel("Question").fill("Should the robot replace the human lifeguards?");
  await round1.getByLabel("Option A", { exact: true }).fill("Yes");
  await round1.getByLabel("Option B", { exact: true }).fill("No");
}

test("the editor's “fields need attention” banner goes once every field is fixed", async ({ browser, baseURL }) => {
  const context = await newFacilitator(browser, baseURL!, "banner");
  const page = await context.newPage();
  await page.goto("/facilitator/games/new");
  const editor = page.getByTestId("game-editor");

  // Saving the empty form flags the fields…
  await page.getByRole("button", { name: "Create game" }).first().click();
  await expect(editor.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  const saveBox = page.getByRole("complementary");
  await expect(saveBox.getByText(/14 fields need attention/)).toBeVisible();

  // …and once every field is filled in, nothing says so any more.
  await fillGame(page, "Fixed game");
  await expect(editor.getByLabel("Title")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Some fields need attention before saving.")).toHaveCount(0);
  await expect(page.getByText(/fields need attention/)).toHaveCount(0);
  // A field broken again brings the count back.
  await editor.getByLabel("Title").fill("");
  await expect(saveBox.getByText(/^1 fields need attention/)).toBeVisible();
  await context.close();
});

test("the editor keeps an unsaved game across a click on “My games”, offers it back and lets it be discarded", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await newFacilitator(browser, baseURL!, "draft");
  const page = await context.newPage();
  await page.goto("/facilitator/games/new");
  const editor = page.getByTestId("game-editor");
  const title = `Drafted game ${Date.now().toString(36).slice(-5)}`;
  await fillGame(page, title);

  // An in-app link away from the editor: the draft is kept and offered on the dashboard.
  await page.getByRole("navigation", { name: "Facilitator" }).getByRole("link", { name: "My games" }).click();
  await expect(page).toHaveURL(/\/facilitator$/);
  const draft = page.getByTestId("editor-draft");
  await expect(draft).toContainText(title);
  await checkBothWidths(page);
  await draft.getByRole("link", { name: /^Continue editing/ }).click();
  await expect(page).toHaveURL(/\/facilitator\/games\/new$/);
  await expect(page.getByText("Your unsaved draft is back")).toBeVisible();
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  await expect(editor.getByRole("group", { name: "Role 2" }).getByLabel("Name")).toHaveValue("Swimmer");
  await expect(page.getByTestId("round-1").getByLabel("Option B", { exact: true })).toHaveValue("No");
  await checkBothWidths(page);

  // A reload keeps it too; saving it clears the draft.
  await page.reload();
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  await page.getByRole("button", { name: "Create game" }).first().click();
  await expect(page).toHaveURL(/\/facilitator\/games\/G[A-Z2-9]{6}\?created=1$/);
  const gameCode = new URL(page.url()).pathname.split("/").pop()!;
  await page.goto("/facilitator");
  await expect(page.getByTestId(`game-${gameCode}`)).toBeVisible();
  await expect(page.getByTestId("editor-draft")).toHaveCount(0);

  // An edit to a saved game is kept the same way, and can be thrown away.
  await page.getByTestId(`game-${gameCode}`).getByRole("link", { name: /^Edit/ }).click();
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  await editor.getByLabel("Title").fill(`${title} (changed)`);
  await page.getByRole("link", { name: "Live monitor" }).click();
  await expect(page).toHaveURL(/\/facilitator\/monitor$/);
  await page.goto(`/facilitator/games/${gameCode}`);
  await expect(editor.getByLabel("Title")).toHaveValue(`${title} (changed)`);
  await expect(page.getByRole("complementary").getByText("Unsaved changes", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Discard my changes" }).click();
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  await page.goto(`/facilitator/games/${gameCode}`);
  await expect(editor.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByText("Your unsaved draft is back")).toHaveCount(0);

  // The same pages in Korean.
  await setLanguage(context, baseURL!, "ko");
  await page.goto("/facilitator/games/new");
  await editor.getByLabel("제목").fill("한국어 초안");
  await page.getByRole("navigation", { name: "진행자" }).getByRole("link", { name: "내 게임" }).click();
  await expect(page.getByTestId("editor-draft")).toContainText("한국어 초안");
  await checkBothWidths(page);
  await page.getByTestId("editor-draft").getByRole("link", { name: /^이어서 편집/ }).click();
  await expect(editor.getByLabel("제목")).toHaveValue("한국어 초안");
  await checkBothWidths(page);
  await page.getByRole("button", { name: "초안 버리기" }).click();
  await expect(editor.getByLabel("제목")).toHaveValue("");
  await context.close();
});

test("a facilitator opens a room from the lobby without taking a seat, and three players fill it", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const context = await newFacilitator(browser, baseURL!, "lobbyfac");
  const fac = await context.newPage();
  await fac.goto("/lobby");
  const roomName = `Class room ${Date.now().toString(36).slice(-5)}`;
  await fac.getByLabel("Room name").fill(roomName);
  await fac.getByRole("radio", { name: /^Private/ }).check();
  await fac.getByRole("button", { name: "Create room" }).click();
  await expect(fac).toHaveURL(/\/rooms\/[A-Z2-9]{6}$/);
  const code = new URL(fac.url()).pathname.split("/").pop()!;

  // Not seated: every seat is free, and the page says why.
  await expect(fac.getByText("Seats taken: 0/3 · Ready: 0/3")).toBeVisible();
  await expect(fac.getByTestId("facilitator-note")).toBeVisible();
  await checkBothWidths(fac);

  // Three players join by code: all three get a seat.
  const players = await Promise.all(["Ana", "Bo", "Cy"].map((n) => newGuest(browser, baseURL!, `${n} ${code}`)));
  for (const p of players) {
    await p.page.getByLabel("Room code").fill(code);
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}$`));
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
  }
  await expect(fac.getByText("Seats taken: 3/3 · Ready: 0/3")).toBeVisible();

  // The facilitator follows from the monitor: nobody there is away.
  await fac.goto("/facilitator/monitor");
  const row = fac.getByTestId(`monitor-room-${code}`);
  await expect(row.getByTestId("monitor-phase")).toHaveText("Waiting room");
  await expect(row.getByText(players[2]!.nickname, { exact: true })).toBeVisible();
  await expect(row.getByText("Away")).toHaveCount(0);

  // The lobby in Korean says facilitators open rooms without a seat.
  await setLanguage(context, baseURL!, "ko");
  await fac.goto("/lobby");
  await expect(fac.getByTestId("facilitator-create-note")).toBeVisible();
  await checkBothWidths(fac);
  await Promise.all([...players.map((p) => p.context.close()), context.close()]);
});

test("“Skip phase” in the monitor asks first, and the players are told in the room when the facilitator skips or ends", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const context = await newFacilitator(browser, baseURL!, "skipfac");
  const created = await context.request.post("/api/rooms", { data: { visibility: "private", title: "Skip test" } });
  expect(created.status()).toBe(201);
  const { code } = await created.json();
  const players = await Promise.all(["Di", "Ed", "Fa"].map((n) => newGuest(browser, baseURL!, `${n} ${code}`)));
  for (const p of players) {
    await p.page.goto(`/rooms/${code}`);
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
  }
  const fac = await context.newPage();
  await fac.goto("/facilitator/monitor");
  const row = fac.getByTestId(`monitor-room-${code}`);
  const phase = row.getByTestId("monitor-phase");
  await expect(phase).toHaveText("Waiting room");
  await expect(row.getByText("Away")).toHaveCount(0);
  for (const p of players) await p.page.getByRole("button", { name: "I'm ready" }).click();
  await expect(phase).toHaveText("Reading roles");

  // "Skip phase" asks first; cancelling changes nothing.
  await row.getByRole("button", { name: /^Skip phase/ }).click();
  const confirm = row.getByRole("group", { name: "Skip phase" });
  await expect(confirm).toBeVisible();
  await expect(phase).toHaveText("Reading roles");
  await checkBothWidths(fac);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(phase).toHaveText("Reading roles");
  await row.getByRole("button", { name: /^Skip phase/ }).click();
  await row.getByRole("group", { name: "Skip phase" }).getByRole("button", { name: "Skip phase" }).click();
  await expect(phase).toHaveText("Individual choice");
  // What was done is written in the language shown: switching to Korean rewrites it.
  await expect(row.getByText("Reading roles skipped.")).toBeVisible();
  await fac.getByRole("button", { name: "한국어" }).click();
  await expect(row.getByText(/단계를 건너뛰었습니다/)).toBeVisible();
  await fac.getByRole("button", { name: "English" }).click();
  await expect(row.getByText("Reading roles skipped.")).toBeVisible();

  // Each player is told, in the room.
  for (const p of players) {
    const notice = p.page.getByTestId("room-notice");
    await expect(notice).toContainText("The facilitator ended the last step early");
    await expect(notice).toContainText("Your choice");
  }
  const [ana] = players;
  await checkBothWidths(ana!.page);
  await ana!.page.getByTestId("room-notice").getByRole("button", { name: "Dismiss" }).click();
  await expect(ana!.page.getByTestId("room-notice")).toHaveCount(0);

  // Ending the room (confirmed) is announced on the players' end screen.
  await row.getByRole("button", { name: /^End room/ }).click();
  await row.getByRole("group", { name: "End room" }).getByRole("button", { name: "End room" }).click();
  await expect(phase).toHaveText("Ended early");
  for (const p of players) {
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/summary$`));
    await expect(p.page.getByTestId("room-notice")).toContainText("The facilitator ended the game.");
  }
  await setLanguage(players[1]!.context, baseURL!, "ko");
  await players[1]!.page.reload();
  await expect(players[1]!.page.getByTestId("room-notice")).toContainText("진행자가 게임을 끝냈습니다.");
  await checkBothWidths(players[1]!.page);

  await Promise.all([...players.map((p) => p.context.close()), context.close()]);
});

test("a built-in scenario is opened as N rooms with a printable QR sheet and copied into an editable game", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await newFacilitator(browser, baseURL!, "bulk");
  const page = await context.newPage();
  await page.goto("/facilitator");
  const library = page.getByRole("region", { name: "Built-in scenarios" });
  await expect(library).toBeVisible();
  const first = library.getByRole("listitem").first();
  const scenarioTitle = (await first.getByRole("heading").textContent())!.trim();

  // Copy it into an editable game of their own.
  await first.getByRole("button", { name: /^Make an editable copy/ }).click();
  const copyCard = page.getByRole("list", { name: "Your custom games" }).getByRole("listitem").filter({ hasText: `${scenarioTitle} (copy)` });
  await expect(copyCard).toBeVisible();
  await copyCard.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByTestId("game-editor").getByLabel("Title")).toHaveValue(`${scenarioTitle} (copy)`);

  // Open three rooms from the built-in scenario, with a longer discussion.
  await page.goto("/facilitator");
  await page.getByRole("region", { name: "Built-in scenarios" }).getByRole("listitem").first().getByRole("link", { name: /^Open rooms/ }).click();
  await expect(page).toHaveURL(/\/facilitator\/scenarios\/[0-9a-f-]{36}\/rooms$/);
  await expect(page.getByText(scenarioTitle).first()).toBeVisible();
  await checkBothWidths(page);
  await page.getByLabel("Number of rooms").fill("3");
  await page.getByLabel("Room name").fill("Table");
  await page.locator("summary", { hasText: "Timers" }).click();
  await page.getByLabel("Discussion", { exact: true }).fill("7");
  await page.getByRole("button", { name: "Open 3 room(s)" }).click();
  const sheet = page.getByTestId("room-sheet");
  await expect(sheet.getByTestId("sheet-room")).toHaveCount(3);
  await expect(sheet.getByRole("img", { name: /^QR code linking to room/ })).toHaveCount(3);
  const codes = (await sheet.getByTestId("sheet-room-code").allTextContents()).map((c) => c.trim());
  expect(new Set(codes).size).toBe(3);
  await checkBothWidths(page);

  // The rooms exist with the timer, and nobody sits in them.
  for (const c of codes) {
    const snap = await (await context.request.get(`/api/rooms/${c}`)).json();
    expect(snap.settings.discussionSeconds).toBe(420);
    expect(snap.seats.filter((s: { userId: string | null }) => s.userId).length).toBe(0);
    expect(snap.title).toMatch(/^Table · [123]$/);
  }

  // The same pages in Korean.
  await setLanguage(context, baseURL!, "ko");
  await page.goto("/facilitator");
  await expect(page.getByRole("region", { name: "기본 시나리오" })).toBeVisible();
  await checkBothWidths(page);
  await page.getByRole("region", { name: "기본 시나리오" }).getByRole("listitem").first().getByRole("link", { name: /^방 열기/ }).click();
  await expect(page).toHaveURL(/\/facilitator\/scenarios\/[0-9a-f-]{36}\/rooms$/);
  await checkBothWidths(page);
  await context.close();
});
