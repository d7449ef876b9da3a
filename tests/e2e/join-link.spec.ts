import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { expectAccessible, expectFitsScreen, PHONE } from "./checks";
import { expect, test } from "./fixtures";

// A room's link (or its QR code) opened on a phone by someone with no session leads into that
// room: nickname → consent → the room's waiting room, or through a sign-in or a registration,
// and never asks for the room's code (no test here types it). A fourth person is told the
// room is full. Every page shown at phone size must fit it (fixtures.ts checks them all).
test.use({ locale: "en-US" });

const PHONE_390 = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 900 } as const;

const suffix = () => Date.now().toString(36).slice(-5);

/** A context signed in as a new guest with data consent, through next-auth (its pages share the cookies). */
async function signedInContext(browser: Browser, baseURL: string, nickname: string, opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: opts.locale ?? "en-US", viewport: opts.viewport ?? DESKTOP });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await context.request.post("/api/auth/callback/guest", { form: { nickname, csrfToken, json: "true" } })).ok()).toBe(true);
  expect((await context.request.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
  return context;
}

/** A host on a desktop opens a private room from the lobby and reads the link its share panel shows. */
async function hostARoom(browser: Browser, baseURL: string): Promise<{ host: Page; code: string; link: string }> {
  const context = await signedInContext(browser, baseURL, `Host ${suffix()}`);
  const host = await context.newPage();
  await host.goto("/lobby");
  await host.getByRole("radio", { name: /Private/ }).check();
  await expect(host.getByLabel("Scenario")).not.toHaveValue("");
  await host.getByRole("button", { name: "Create room" }).click();
  await expect(host).toHaveURL(/\/rooms\/[A-Z2-9]{6}$/);
  const code = new URL(host.url()).pathname.split("/").pop()!;
  const link = host.getByLabel("Link", { exact: true });
  await expect(link).toHaveValue(new RegExp(`^https?://[^/]+/rooms/${code}$`));
  return { host, code, link: await link.inputValue() };
}

/** A phone with no session: a fresh context, nothing signed in. */
async function signedOutPhone(browser: Browser, baseURL: string, viewport: { width: number; height: number }, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale, viewport });
  return context.newPage();
}

/**
 * The page as it settles after a navigation (its own title, not the last page's): no axe
 * violation, and no sideways scrolling.
 */
async function expectSound(page: Page, title: RegExp) {
  await expect(page).toHaveTitle(title);
  await expectAccessible(page);
  await expectFitsScreen(page);
}

/** Consent, as a new player sees it after the nickname: saved, then on to the room. */
async function consentAndGoOn(page: Page, code: string, labels: { data: string; submit: string }) {
  await expect(page).toHaveURL(new RegExp(`/consent\\?callbackUrl=/rooms/${code}$`));
  await expectSound(page, /^(Consent|동의) · /);
  await page.getByRole("checkbox", { name: labels.data }).check();
  await page.getByRole("button", { name: labels.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/rooms/${code}$`));
}

async function registeredAccount(request: APIRequestContext): Promise<{ username: string; password: string }> {
  const account = { username: `phone${suffix()}`, password: "correct horse battery staple" };
  const res = await request.post("/api/users", { data: account });
  expect(res.status(), await res.text()).toBe(201);
  return account;
}

test("a signed-out phone opens the shared link: nickname, consent, waiting room, seat; a fourth is told the room is full", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const { host, code, link } = await hostARoom(browser, baseURL!);

  // An English phone, 390 px wide: the room's own page asks for a nickname, right there.
  const ada = await signedOutPhone(browser, baseURL!, PHONE_390);
  await ada.goto(link);
  await expect(ada).toHaveURL(new RegExp(`/rooms/${code}$`));
  await expect(ada.getByRole("heading", { level: 1, name: /You're invited to play/ })).toBeVisible();
  await expect(ada.getByRole("heading", { level: 1 })).toContainText(code);
  await expectSound(ada, new RegExp(`^Room ${code} · `));
  // Enter sends the nickname.
  await ada.getByLabel("Nickname").fill(`Ada ${suffix()}`);
  await ada.getByLabel("Nickname").press("Enter");
  await consentAndGoOn(ada, code, { data: "Use my game data for research", submit: "Save and continue" });
  await expect(ada.getByRole("heading", { level: 1, name: "Waiting room" })).toBeVisible();
  await expect(ada.getByText("Free seats: 2 of 3")).toBeVisible();
  await expectSound(ada, new RegExp(`^Room ${code} · `));
  await ada.getByRole("button", { name: "Join", exact: true }).click();
  await expect(ada.getByRole("button", { name: "I'm ready" })).toBeVisible();

  // A Korean phone, 360 px wide, that first tapped "Sign in" and then chose to play as a guest
  // after all: the room is still where it ends up.
  const bora = await signedOutPhone(browser, baseURL!, PHONE, "ko-KR");
  await bora.goto(link);
  await expect(bora.getByRole("heading", { level: 1, name: /게임에 초대받았습니다/ })).toBeVisible();
  await expectSound(bora, new RegExp(`^방 ${code} · `));
  await bora.getByRole("main").getByRole("link", { name: "로그인" }).click();
  await expect(bora).toHaveURL(new RegExp(`/signin\\?callbackUrl=/rooms/${code}$`));
  await bora.getByRole("link", { name: "게스트로 참여하기" }).click();
  await expect(bora).toHaveURL(new RegExp(`/\\?callbackUrl=/rooms/${code}$`));
  await expectSound(bora, /^AI 윤리 딜레마 게임 · /);
  await bora.getByLabel("닉네임").fill(`보라 ${suffix()}`);
  await bora.getByRole("button", { name: "게스트로 시작" }).click();
  await consentAndGoOn(bora, code, { data: "내 게임 데이터를 연구에 사용하는 데 동의합니다", submit: "저장하고 계속" });
  await expect(bora.getByRole("heading", { level: 1, name: "대기실" })).toBeVisible();
  await bora.getByRole("button", { name: "참여하기", exact: true }).click();
  await expect(bora.getByRole("button", { name: "준비 완료" })).toBeVisible();
  await expect(host.getByText("Seats taken: 3/3 · Ready: 0/3")).toBeVisible();

  // A fourth phone: the room is full, and says so, with the way to the lobby.
  const cleo = await signedOutPhone(browser, baseURL!, PHONE_390);
  await cleo.goto(link);
  await cleo.getByLabel("Nickname").fill(`Cleo ${suffix()}`);
  await cleo.getByRole("button", { name: "Play as guest" }).click();
  await consentAndGoOn(cleo, code, { data: "Use my game data for research", submit: "Save and continue" });
  await expect(cleo.getByRole("heading", { level: 1, name: "This room is full" })).toBeVisible();
  await expect(cleo.getByText("All three seats are taken. You can find another room in the lobby.")).toBeVisible();
  await expect(cleo.getByText("Room not found")).toHaveCount(0);
  await expectSound(cleo, new RegExp(`^Room ${code} · `));

  // Once the game has started, the same link says that too.
  for (const p of [host, ada]) await p.getByRole("button", { name: "I'm ready" }).click();
  await bora.getByRole("button", { name: "준비 완료" }).click();
  await expect(host).toHaveURL(new RegExp(`/rooms/${code}/roles$`));
  await cleo.reload();
  await expect(cleo.getByRole("heading", { level: 1, name: "This room is full" })).toBeVisible();
  await expect(cleo.getByText(/the game has already started/)).toBeVisible();
  await cleo.getByRole("link", { name: "Back to lobby" }).focus();
  await cleo.keyboard.press("Enter");
  await expect(cleo).toHaveURL(/\/lobby$/);

  for (const p of [host, ada, bora, cleo]) await p.context().close();
});

test("an account signs in, or registers, through the room's link and lands in the room", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000);
  const { host, code, link } = await hostARoom(browser, baseURL!);
  const anonymous = await playwright.request.newContext({ baseURL });
  const account = await registeredAccount(anonymous);

  // Sign-in on a 390 px phone.
  const dan = await signedOutPhone(browser, baseURL!, PHONE_390);
  await dan.goto(link);
  await expect(dan.getByRole("heading", { level: 1, name: /You're invited to play/ })).toBeVisible();
  await dan.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(dan).toHaveURL(new RegExp(`/signin\\?callbackUrl=/rooms/${code}$`));
  await expectSound(dan, /^Sign in · /);
  await dan.getByLabel("Username").fill(account.username);
  await dan.getByLabel("Password").fill(account.password);
  await dan.getByRole("button", { name: "Sign in" }).click();
  await expect(dan).toHaveURL(new RegExp(`/rooms/${code}$`));
  await expect(dan.getByRole("heading", { level: 1, name: "Waiting room" })).toBeVisible();
  await dan.getByRole("button", { name: "Join", exact: true }).click();
  await expect(dan.getByRole("button", { name: "I'm ready" })).toBeVisible();

  // Registration on a 360 px phone: then consent, then the room.
  const eun = await signedOutPhone(browser, baseURL!, PHONE);
  await eun.goto(link);
  await eun.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(eun).toHaveURL(new RegExp(`/register\\?callbackUrl=/rooms/${code}$`));
  await expectSound(eun, /^Create an account · /);
  await eun.getByLabel("Username").fill(`eun${suffix()}`);
  await eun.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await eun.getByLabel("Confirm password").fill("correct horse battery staple");
  await eun.getByRole("button", { name: "Create account" }).click();
  await consentAndGoOn(eun, code, { data: "Use my game data for research", submit: "Save and continue" });
  await expect(eun.getByRole("heading", { level: 1, name: "Waiting room" })).toBeVisible();
  await eun.getByRole("button", { name: "Join", exact: true }).click();
  await expect(eun.getByRole("button", { name: "I'm ready" })).toBeVisible();
  await expect(host.getByText("Seats taken: 3/3 · Ready: 0/3")).toBeVisible();

  await anonymous.dispose();
  for (const p of [host, dan, eun]) await p.context().close();
});

test("the lobby with a named public room fits a 360 px phone", async ({ browser, baseURL }) => {
  const owner = await signedInContext(browser, baseURL!, `Owner ${suffix()}`);
  const title = `Ethics seminar — Thursday group B ${suffix()}`;
  const created = await owner.request.post("/api/rooms", { data: { visibility: "public", title } });
  expect(created.status(), await created.text()).toBe(201);

  for (const [viewport, locale, join] of [
    [PHONE, "en-US", "Join"],
    [PHONE_390, "ko-KR", "참여"],
  ] as const) {
    const context = await signedInContext(browser, baseURL!, `Phone ${suffix()}`, { viewport, locale });
    const page = await context.newPage();
    await page.goto("/lobby");
    const row = page.getByRole("listitem").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByRole("button", { name: new RegExp(`^${join}`) })).toBeInViewport();
    await expectSound(page, /^(Lobby|로비) · /);
    await context.close();
  }
  await owner.close();
});
