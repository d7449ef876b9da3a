import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, expectFitsScreen } from "./checks";
import { expect, test } from "./fixtures";
import { fakeMicrophoneArgs, writeToneWav } from "../support/fake-microphone";

// Issue 17, item 8: three players in real Chromium with working microphones, one of whom did
// not agree to voice recording. The room says before the first round that it does not record;
// nobody sees "● Recording", nobody's browser records or uploads anything, and each is told
// recording is off (the one who did not agree, that it is because of them; the others, naming
// nobody, that not everyone agreed). When that player agrees mid-game, every page is told at
// once and the next round is recorded.

interface Player {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  nickname: string;
  /** Every recording upload this page sent. */
  uploads: string[];
}

/** The page's voice debug hook (lib/client/voice/session.ts). */
type VoiceHook = { recorder(): { round: number } | null; state(): { recording: { status: string } } };
const hook = <T,>(page: Page, fn: (h: VoiceHook) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__aedgVoice)`) as Promise<T>;

async function newPlayer(browser: Browser, baseURL: string, nickname: string, voiceConsent: boolean, viewport: { width: number; height: number }): Promise<Player> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport });
  const page = await context.newPage();
  const uploads: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/voice/recordings" && r.method() === "POST") uploads.push(r.url());
  });
  await page.goto("/");
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Play as guest" }).click();
  await expect(page).toHaveURL(/\/consent$/);
  if (voiceConsent) await page.getByRole("checkbox", { name: /Record my voice during games/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/lobby$/);
  return { browser, context, page, nickname, uploads };
}

/** The voice bar says the others are heard: the microphone and the mesh are up (what recording waits for). */
async function expectVoiceOn(page: Page): Promise<void> {
  await expect(page.getByTestId("voice-bar").getByRole("status").first()).toContainText(/Voice on with|음성 연결/, { timeout: 60_000 });
}

async function expectNotRecording(p: Player): Promise<void> {
  await expect(p.page.getByTestId("recording-badge")).toHaveCount(0);
  expect(await hook(p.page, (h) => h.recorder())).toBeNull();
  expect((await hook(p.page, (h) => h.state())).recording.status).not.toBe("recording");
}

/** The page at phone and desktop width, in English and Korean: it fits, axe finds nothing, and it says recording is off. */
async function checkLayouts(page: Page, name: string, off: { en: RegExp; ko: RegExp }, dir: string | undefined): Promise<void> {
  const start = page.viewportSize()!;
  for (const locale of ["en", "ko"] as const) {
    await page.getByRole("group", { name: /^(Language|언어)$/ }).getByRole("button", { name: locale === "en" ? "English" : "한국어" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await expect(page.getByTestId("recording-off")).toHaveText(off[locale]);
      await expectFitsScreen(page);
      await expectAccessible(page);
      if (dir) await page.screenshot({ path: path.join(dir, `${name}-${locale}-${width}.png`), fullPage: true });
    }
  }
  await page.getByRole("group", { name: /^(Language|언어)$/ }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.setViewportSize(start);
}

const OFF_OTHERS = { en: /^Not recorded: not everyone in the room agreed to voice recording\./, ko: /^녹음하지 않습니다\. 방에 있는 모든 참가자가 음성 녹음에 동의하지는 않았습니다\./ };
const OFF_SELF = { en: /^Not recorded: you haven't agreed to voice recording\./, ko: /^녹음하지 않습니다\. 음성 녹음에 동의하지 않으셨습니다\./ };

test("recording: a room where one player did not agree records nobody, says so, and records once everyone agrees", async ({ baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const shots = process.env.HONEST_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-rec-"));
  const wav = path.join(dir, "tone.wav");
  writeToneWav(wav);
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browsers = await Promise.all([0, 1, 2].map(() => chromium.launch({ executablePath, args: fakeMicrophoneArgs(wav) })));
  let players: Player[] = [];
  try {
    const suffix = Date.now().toString(36).slice(-4);
    players = await test.step("three guests: Ada and Ben agree to voice recording, Cleo does not", () =>
      Promise.all([
        newPlayer(browsers[0]!, baseURL!, `Ada ${suffix}`, true, { width: 1440, height: 900 }),
        newPlayer(browsers[1]!, baseURL!, `Ben ${suffix}`, true, { width: 390, height: 844 }),
        newPlayer(browsers[2]!, baseURL!, `Cleo ${suffix}`, false, { width: 1440, height: 900 }),
      ]),
    );
    const [ada, ben, cleo] = players as [Player, Player, Player];

    const code = await test.step("Ada opens a room; all three sit down and hear each other", async () => {
      await ada.page.getByRole("radio", { name: /Private/ }).check();
      await expect(ada.page.getByLabel("Scenario")).not.toHaveValue("");
      await ada.page.getByRole("button", { name: "Create room" }).click();
      await expect(ada.page).toHaveURL(/\/rooms\/[A-Z2-9]{6}$/);
      const code = new URL(ada.page.url()).pathname.split("/").pop()!;
      for (const p of [ben, cleo]) {
        await p.page.getByLabel("Room code").fill(code);
        await p.page.getByRole("button", { name: "Join", exact: true }).click();
        await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}$`));
        await p.page.getByRole("button", { name: "Join", exact: true }).click();
        await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
      }
      for (const p of players) await expectVoiceOn(p.page);
      return code;
    });

    await test.step("before the first round, the waiting room already says recording is off", async () => {
      for (const p of [ada, ben]) await expect(p.page.getByTestId("recording-off")).toHaveText(OFF_OTHERS.en);
      await expect(cleo.page.getByTestId("recording-off")).toHaveText(OFF_SELF.en);
    });

    await test.step("round 1: nobody records, nobody sees the badge, everyone is told why", async () => {
      for (const p of players) await p.page.getByRole("button", { name: "I'm ready" }).click();
      for (const p of players) await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/roles$`));
      for (const p of players) await p.page.getByRole("button", { name: "I've read my role" }).click();
      for (const p of players) {
        await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/rounds/1$`));
        await expectVoiceOn(p.page);
        await expectNotRecording(p);
      }
      for (const [i, p] of players.entries()) {
        const options = p.page.getByRole("radiogroup", { name: "Your choice" }).getByRole("radio");
        await options.nth(i % (await options.count())).check();
        await p.page.getByRole("radiogroup", { name: "How confident are you in this choice?" }).getByRole("radio", { name: /^3:/ }).check();
        await p.page.getByRole("button", { name: "Submit my choice" }).click();
      }
      for (const p of players) {
        await expect(p.page.getByRole("heading", { name: "Talk it through" })).toBeVisible();
        await expectNotRecording(p);
      }
      await expect(ada.page.getByTestId("recording-off")).toHaveText(OFF_OTHERS.en);
      await expect(cleo.page.getByTestId("recording-off")).toHaveText(OFF_SELF.en);
    });

    await test.step("the discussion page fits a phone and a desktop, in English and Korean, with nothing for axe to find", async () => {
      await checkLayouts(ada.page, "discussion-others", OFF_OTHERS, shots);
      await checkLayouts(cleo.page, "discussion-self", OFF_SELF, shots);
      await checkLayouts(ben.page, "discussion-phone", OFF_OTHERS, shots);
    });

    await test.step("the round ends: no recording was uploaded by anyone", async () => {
      for (const p of players) await p.page.getByRole("button", { name: "Vote to end discussion" }).click();
      for (const p of players) {
        const back = p.page.getByRole("button", { name: /option A$/ });
        await expect(back).toBeEnabled();
        await back.click();
        await expect(p.page.getByRole("button", { name: "You back this option A" }).or(p.page.getByText("The group agreed on"))).toBeVisible();
      }
      for (const p of players) {
        await p.page.getByRole("radiogroup", { name: "How confident are you in the group's decision?" }).getByRole("radio", { name: /^4:/ }).check();
        await p.page.getByRole("button", { name: "Submit rating" }).click();
      }
      for (const p of players) {
        await expect(p.page.getByTestId("round-consensus")).toBeVisible();
        await expect(p.page.getByTestId("recording-saved")).toHaveCount(0);
        await expectNotRecording(p);
      }
      for (const p of players) expect(p.uploads, `${p.nickname} uploaded`).toEqual([]);
    });

    await test.step("Cleo agrees: every page is told at once, and round 2 is recorded", async () => {
      // As the consent page would send it (from the page, with its origin).
      const status = await cleo.page.evaluate(async () => {
        const me = (await (await fetch("/api/users/me")).json()) as { dataConsent: boolean };
        const res = await fetch("/api/users/me/consent", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ dataConsent: me.dataConsent, voiceConsent: true }) });
        return res.status;
      });
      expect(status).toBe(200);
      for (const p of players) await expect(p.page.getByTestId("recording-off")).toHaveCount(0);
      for (const p of players) await p.page.getByRole("button", { name: "Continue" }).click();
      for (const p of players) {
        await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/rounds/2$`));
        await expect(p.page.getByTestId("recording-badge")).toBeVisible({ timeout: 30_000 });
        expect(await hook(p.page, (h) => h.recorder())).toMatchObject({ round: 2 });
      }
    });
  } catch (e) {
    for (const p of players) {
      const name = p.nickname.split(" ")[0]!.toLowerCase();
      await p.page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true }).catch(() => undefined);
      const state = await p.page.evaluate("JSON.stringify({ url: location.href, voice: window.__aedgVoice?.state?.() ?? null })").catch((err: unknown) => String(err));
      await testInfo.attach(`${name}-state`, { body: `${String(state)}\n\n${await p.page.locator("body").ariaSnapshot().catch(() => "")}`, contentType: "text/plain" });
    }
    throw e;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
});
