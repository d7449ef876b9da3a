import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { expectAccessible, expectFitsScreen } from "./checks";
import { expect, test } from "./fixtures";

// Three guests finish a game (one round played in full through the REST API, then the host
// skips to the end). On the end screen, one of them — on a phone — sees their participant code
// (the same as in a researcher's export), reads what a withdrawal deletes, withdraws, and lands
// on the home page; the researcher's next export has none of their rows and all of the
// others'. Another player changes their nickname on the profile (the header follows at once),
// then deletes their account there, which keeps their rows in the export.
test.use({ locale: "en-US" });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Guest = { context: BrowserContext; request: APIRequestContext; id: string; nickname: string };

/** A browser context signed in as a new guest with data consent (its pages share the cookies). */
async function guestContext(browser: Browser, baseURL: string, nickname: string, viewport = DESKTOP): Promise<Guest> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport });
  const request = context.request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await request.post("/api/auth/callback/guest", { form: { nickname, csrfToken, json: "true" } })).ok(), "guest sign-in").toBe(true);
  expect((await request.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
  const me = await request.get("/api/users/me");
  expect(me.status()).toBe(200);
  return { context, request, id: (await me.json()).id, nickname };
}

async function signIn(request: APIRequestContext, username: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await request.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } })).ok()).toBe(true);
}

async function ok(request: APIRequestContext, path: string, data: unknown = {}): Promise<{ phase: string }> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test("a player withdraws from the end screen and leaves the researcher's export; another renames, then deletes their account", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36).slice(-5);

  // A researcher, made by the admin.
  const admin = await playwright.request.newContext({ baseURL });
  await signIn(admin, process.env.E2E_ADMIN_USERNAME!, process.env.E2E_ADMIN_PASSWORD!);
  const researcher = await playwright.request.newContext({ baseURL });
  const account = { username: `wdresearcher${suffix}`, password: "correct horse battery staple" };
  const registered = await researcher.post("/api/users", { data: account });
  expect(registered.status(), await registered.text()).toBe(201);
  expect((await admin.put(`/api/admin/users/${(await registered.json()).id}/role`, { data: { role: "RESEARCHER" } })).status()).toBe(200);
  await signIn(researcher, account.username, account.password);

  // Three guests finish a game: round 1 in full, then the host skips to the end.
  const host = await guestContext(browser, baseURL!, `Host${suffix}`);
  const other = await guestContext(browser, baseURL!, `Stay${suffix}`);
  const leaver = await guestContext(browser, baseURL!, `Leave${suffix}`, PHONE);
  const players = [host, other, leaver];
  const created = await host.request.post("/api/rooms", { data: { visibility: "private" } });
  expect(created.status(), await created.text()).toBe(201);
  const code: string = (await created.json()).code;
  for (const p of players) await ok(p.request, `/api/rooms/${code}/join`);
  for (const p of players) await ok(p.request, `/api/rooms/${code}/ready`, { ready: true });
  for (const p of players) await ok(p.request, `/api/rooms/${code}/roles/confirm`);
  for (const [i, p] of players.entries()) await ok(p.request, `/api/rooms/${code}/rounds/1/choice`, { choice: i % 2, confidence: 3 });
  for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/1/discussion/end`);
  for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/1/consensus`, { choice: 0 });
  for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/1/consensus-confidence`, { confidence: 4 });
  for (const p of players) await ok(p.request, `/api/rooms/${code}/rounds/1/continue`);
  let phase = "";
  for (let i = 0; i < 40 && phase !== "FINISHED"; i++) phase = (await ok(host.request, `/api/rooms/${code}/advance`, { reason: "e2e: to the end" })).phase;
  expect(phase).toBe("FINISHED");

  /** The participant codes of this room in the researcher's JSON export (wide sheet). */
  const exported = async (): Promise<{ wide: string[]; choices: string[] }> => {
    const res = await researcher.get("/api/research/export?format=json");
    expect(res.status()).toBe(200);
    const sheets = (await res.json()).sheets as Record<string, { room_code: string; participant_code: string }[]>;
    const ofRoom = (name: string) => sheets[name]!.filter((r) => r.room_code === code).map((r) => r.participant_code);
    return { wide: ofRoom("wide"), choices: ofRoom("choices") };
  };
  const codeOf = async (p: Guest): Promise<string> => {
    const res = await researcher.get(`/api/research/users/${p.id}`);
    expect(res.status()).toBe(200);
    return (await res.json()).participantCode;
  };
  const [hostCode, otherCode, leaverCode] = [await codeOf(host), await codeOf(other), await codeOf(leaver)];
  const before = await exported();
  expect(before.wide.sort()).toEqual([hostCode, otherCode, leaverCode].sort());
  expect(before.choices).toContain(leaverCode);

  // ---- Another player keeps the end screen open: the withdrawn seat empties there at once.
  const otherPage = await other.context.newPage();
  await otherPage.goto(`/rooms/${code}/summary`);
  await expect(otherPage.getByRole("heading", { level: 1, name: "Game summary" })).toBeVisible();
  await expect(otherPage.getByTestId("seat-2")).toContainText(leaver.nickname);

  // ---- The leaver, on a phone, at the end of the game: their code is the export's.
  const page = await leaver.context.newPage();
  await page.goto(`/rooms/${code}`);
  await expect(page).toHaveURL(new RegExp(`/rooms/${code}/summary$`));
  const panel = page.getByTestId("my-data");
  await expect(panel.getByRole("heading", { name: "Your data" })).toBeVisible();
  await expect(panel.getByTestId("participant-code")).toHaveText(leaverCode);
  await expect(panel).toContainText("give this code to the researcher");
  await panel.scrollIntoViewIfNeeded();
  await expectFitsScreen(page);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/withdraw-summary-phone.png", fullPage: true });

  // The confirmation says what goes and what stays; cancelling changes nothing.
  await panel.getByRole("button", { name: "Withdraw my data" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw your data?" });
  await expect(dialog).toBeVisible();
  for (const text of ["your choices and confidence ratings", "your chat messages and private notes", "your voice recordings and their transcripts", "the AI requests made for you", `your account (${leaver.nickname})`, "What stays:", "This cannot be undone."]) {
    await expect(dialog).toContainText(text);
  }
  await expectFitsScreen(page);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/withdraw-dialog-phone.png" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await exported()).wide).toContain(leaverCode);

  await panel.getByRole("button", { name: "Withdraw my data" }).click();
  await dialog.getByRole("button", { name: "Withdraw and delete" }).click();
  // Signed out, on the home page, told what happened.
  await expect(page).toHaveURL(/\/\?farewell=withdrawn$/);
  await expect(page.getByTestId("farewell")).toContainText("Your data has been withdrawn and your account deleted.");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectFitsScreen(page);
  await expectAccessible(page);
  expect((await leaver.request.get("/api/users/me")).status()).toBe(401);

  // The researcher's next export has none of the leaver's rows, and all of the others'.
  const after = await exported();
  expect(after.wide.sort()).toEqual([hostCode, otherCode].sort());
  expect(after.choices).not.toContain(leaverCode);
  expect(after.choices).toEqual(expect.arrayContaining([hostCode, otherCode]));
  expect((await researcher.get(`/api/research/users/${leaver.id}`)).status()).toBe(404);

  // The other player's end screen: the seat is empty and says why, the leaver's answers gone.
  await expect(otherPage.getByTestId("seat-2")).toContainText("Withdrew");
  await expect(otherPage.getByTestId("summary-round-1")).not.toContainText(leaver.nickname);

  // ---- The host renames themself on the profile: the header shows the new name at once.
  const profile = await host.context.newPage();
  await profile.goto("/profile");
  const form = profile.getByTestId("nickname-form");
  const field = form.getByLabel("Nickname");
  await expect(field).toHaveValue(host.nickname);
  await field.fill("   ");
  await form.getByRole("button", { name: "Save nickname" }).click();
  await expect(form).toContainText("Enter a nickname.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("x".repeat(25));
  await form.getByRole("button", { name: "Save nickname" }).click();
  await expect(form).toContainText("Use at most 24 characters.");
  const renamed = `Renamed${suffix}`;
  await field.fill(renamed);
  await form.getByRole("button", { name: "Save nickname" }).click();
  await expect(form).toContainText("Saved.");
  await expect(profile.getByTestId("current-user")).toContainText(renamed);
  await expect(profile.getByRole("heading", { level: 1, name: `Your games, ${renamed}` })).toBeVisible();
  expect((await (await host.request.get("/api/users/me")).json()).nickname).toBe(renamed);
  await expect(profile.getByTestId("participant-code")).toHaveText(hostCode);
  await expectFitsScreen(profile);
  await expectAccessible(profile);

  // ---- Then deletes the account there: the answers stay in the export, under the same code.
  await profile.getByRole("button", { name: "Delete my account" }).click();
  const deleting = profile.getByRole("dialog", { name: "Delete your account?" });
  await expect(deleting).toContainText(`participant code ${hostCode}`);
  await deleting.getByRole("button", { name: "Delete my account" }).click();
  await expect(profile).toHaveURL(/\/\?farewell=deleted$/);
  await expect(profile.getByTestId("farewell")).toContainText("Your account has been deleted.");
  const last = await exported();
  expect(last.wide.sort()).toEqual([hostCode, otherCode].sort());

  await Promise.all([...players.map((p) => p.context.close()), admin.dispose(), researcher.dispose()]);
});
