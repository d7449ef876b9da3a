import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Socket } from "socket.io-client";
import type { BrowserContext, Page } from "@playwright/test";
import { ApiClient, connected } from "../support/client";
import { expectAccessible, expectFitsScreen, PHONE } from "./checks";
import { expect, test } from "./fixtures";

// The room page when the realtime link is refused (too many connections of one user), and
// when someone without a seat watches a room that fills.
test.use({ locale: "en-US" });

const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

// The header's language switch shows "EN" at phone width under the name "English", which axe
// reports (label-content-name-mismatch) on every page: not this spec's subject.
const AXE = { exclude: ["header [role=group]"] };

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function signInAsGuest(context: BrowserContext, nickname: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Play as guest" }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/lobby$/);
  return page;
}

/** Sockets opened from here with the browser's session cookie (other tabs of the same user). */
async function otherTabs(context: BrowserContext, baseURL: string, n: number): Promise<Socket[]> {
  const api = new ApiClient(baseURL);
  for (const c of await context.cookies()) api.jar.set(c.name, c.value);
  const sockets = Array.from({ length: n }, () => api.socket());
  await Promise.all(sockets.map(connected));
  return sockets;
}

test("a player with too many connections open is told why the room is not live, and reconnects once one closes", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1440, height: 900 } });
  const page = await signInAsGuest(context, `Tabs ${Date.now().toString(36).slice(-4)}`);
  const created = await page.request.post("/api/rooms", { data: { visibility: "private" } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };

  // Ten connections of this user are open already: the page's own is the eleventh.
  const tabs = await otherTabs(context, baseURL!, 10);
  await page.goto(`/rooms/${code}`);
  const banner = page.getByText("This account is open in too many tabs or windows.");
  await expect(banner).toBeVisible();
  // The page still shows the room (read over HTTP meanwhile).
  await expect(page.getByRole("heading", { level: 1, name: "Waiting room" })).toBeVisible();
  await expectFitsScreen(page);
  await expectAccessible(page, AXE);
  await shoot(page, "too-many-en-1440");
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page);
  await shoot(page, "too-many-en-360");

  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByText("이 계정이 너무 많은 탭이나 창에서 열려 있습니다.")).toBeVisible();
  await expectFitsScreen(page);
  await expectAccessible(page, AXE);
  await shoot(page, "too-many-ko-360");
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "too-many-ko-1440");

  // Another tab closes; reconnecting works.
  tabs.pop()!.disconnect();
  await page.getByRole("button", { name: "다시 연결" }).click();
  await expect(page.getByText("이 계정이 너무 많은 탭이나 창에서 열려 있습니다.")).toBeHidden();
  for (const s of tabs) s.disconnect();
  await context.close();
});

test("someone watching a room without a seat stops seeing it once the room fills", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: PHONE.width, height: PHONE.height } });
  const page = await signInAsGuest(context, `Watcher ${Date.now().toString(36).slice(-4)}`);
  const players = await Promise.all([1, 2, 3].map(async (i) => {
    const api = new ApiClient(baseURL!);
    expect(await api.signInGuest(`Filler${i}`)).toBe(true);
    return api;
  }));
  const created = await players[0]!.post("/api/rooms", { visibility: "public", title: "Filling up" });
  expect(created.status).toBe(201);
  const code = created.body.code as string;

  await page.goto(`/rooms/${code}`);
  const join = page.getByRole("button", { name: "Join", exact: true });
  await expect(join).toBeVisible();
  // The seats fill while the watcher looks: the page follows, then the room is no longer there for them.
  await players[0]!.post(`/api/rooms/${code}/join`, {});
  await expect(page.getByText("Filler1", { exact: true }).first()).toBeVisible();
  for (const p of players.slice(1)) expect((await p.post(`/api/rooms/${code}/join`, {})).status).toBe(200);
  await expect(join).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to lobby" }).first()).toBeVisible();
  await expectFitsScreen(page);
  await expectAccessible(page, AXE);
  await shoot(page, "filled-en-360");
  await context.close();
});
