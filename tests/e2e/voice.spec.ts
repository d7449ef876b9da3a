import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fakeMicrophoneArgs, writeToneWav } from "../support/fake-microphone";

// Voice in real Chromium: three players, each in a browser of their own whose fake microphone
// plays a generated tone, talk in the waiting room already and keep those links through the
// game's start to the discussion; every page has both peer connections up with audio flowing; muting shows on the others' seats; a dropped socket comes back without
// touching the audio links; a reload reconnects without the others reloading and keeps the
// part of the round recorded before it; and each player's recordings of the round are
// uploaded and can be played back.
test.use({ locale: "en-US" });

interface Player {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  nickname: string;
  id: string;
}

interface PeerStats {
  status: string;
  connectionId: number;
  connectionState: string;
  bytesReceived: number;
}

interface Link {
  isConnected: boolean;
  joins: number;
  roster: string[];
}

interface Uploaded {
  id: string;
  round: number;
  startedAt: string;
  sizeBytes: number;
  durationMs: number;
}

/** The page's voice debug hook (lib/client/voice/session.ts). */
interface VoiceHook {
  stats(): Promise<Record<string, PeerStats>>;
  link(): Link;
  dropSocket(): void;
  recorder(): { round: number; startedAt: string } | null;
  recordings(): Uploaded[];
}
const hook = <T>(page: Page, fn: (h: VoiceHook) => T | Promise<T>): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__aedgVoice)`) as Promise<T>;

/** A guest who agreed to data use and to voice recording. */
async function newPlayer(browser: Browser, baseURL: string, nickname: string): Promise<Player> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Play as guest" }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await page.getByRole("checkbox", { name: /Record my voice during games/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/lobby$/);
  const me = (await (await page.request.get("/api/users/me")).json()) as { id: string; voiceConsent: boolean };
  expect(me.voiceConsent).toBe(true);
  return { browser, context, page, nickname, id: me.id };
}

const voiceStats = (page: Page): Promise<Record<string, PeerStats>> =>
  page.evaluate(async () => {
    const hook = (window as unknown as { __aedgVoice?: { stats(): Promise<Record<string, PeerStats>> } }).__aedgVoice;
    return hook ? hook.stats() : {};
  });

/** A stored recording downloads as the WebM file it was, to its speaker. */
async function expectPlayable(page: Page, rec: Uploaded): Promise<void> {
  expect(rec.sizeBytes).toBeGreaterThan(1000);
  expect(rec.durationMs).toBeGreaterThan(1000);
  const res = await page.request.get(`/api/voice/recordings/${rec.id}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^audio\/webm/);
  expect(res.headers()["content-length"]).toBe(String(rec.sizeBytes));
  const body = await res.body();
  expect(body.length).toBe(rec.sizeBytes);
  expect(body.subarray(0, 4).toString("hex")).toBe("1a45dfa3"); // EBML: a WebM file
}

/** On `page`, the peer connections to `others` are connected and their inbound audio keeps growing. */
async function expectAudioFrom(page: Page, others: Player[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await voiceStats(page);
        return others.every((o) => s[o.id]?.connectionState === "connected" && s[o.id]!.bytesReceived > 0);
      },
      { timeout: 60_000, intervals: [500, 1000] },
    )
    .toBe(true);
  // Growth from a baseline; a counter that went down belongs to a rebuilt connection: start again from it.
  const baseline = new Map(Object.entries(await voiceStats(page)).map(([id, s]) => [id, s.bytesReceived]));
  await expect
    .poll(
      async () => {
        const s = await voiceStats(page);
        return others
          .map((o) => {
            const now = s[o.id]?.connectionState === "connected" ? s[o.id]!.bytesReceived : 0;
            if (now < (baseline.get(o.id) ?? 0)) baseline.set(o.id, now);
            return now > (baseline.get(o.id) ?? 0) + 2000;
          })
          .every(Boolean);
      },
      { timeout: 20_000, intervals: [500, 1000] },
    )
    .toBe(true);
}

/** The seat of `who` as `page` shows it. */
const seatOf = (page: Page, who: Player): Locator => page.getByRole("list", { name: "Players" }).getByRole("listitem").filter({ hasText: who.nickname });

async function screenshots(page: Page, dir: string | undefined, name: string): Promise<void> {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("voice: a three-way mesh with mute, reload recovery and per-round recordings", async ({ baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const shots = process.env.VOICE_SCREENSHOTS;
  const dir = mkdtempSync(path.join(os.tmpdir(), "aedg-voice-"));
  const wav = path.join(dir, "tone.wav");
  writeToneWav(wav);

  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browsers = await Promise.all([0, 1, 2].map(() => chromium.launch({ executablePath, args: fakeMicrophoneArgs(wav) })));
  let players: Player[] = [];
  try {
    const suffix = Date.now().toString(36).slice(-4);
    players = await test.step("three guests agree to data use and voice recording", () =>
      Promise.all(["Ada", "Ben", "Cleo"].map((name, i) => newPlayer(browsers[i]!, baseURL!, `${name} ${suffix}`))),
    );
    const [host, ben, cleo] = players as [Player, Player, Player];
    const others = (p: Player) => players.filter((o) => o !== p);

    const code = await test.step("the host opens a private room and checks the microphone", async () => {
      await host.page.getByRole("radio", { name: /Private/ }).check();
      await expect(host.page.getByLabel("Scenario")).not.toHaveValue("");
      await host.page.getByRole("button", { name: "Create room" }).click();
      await expect(host.page).toHaveURL(/\/rooms\/[A-Z2-9]{6}$/);

      const check = host.page.getByTestId("mic-check");
      await expect(check.getByRole("heading", { name: "Check your microphone" })).toBeVisible();
      const meter = check.getByRole("meter", { name: "Microphone level" });
      // Permission may already count as given (the check then starts by itself); otherwise start it.
      const stop = check.getByRole("button", { name: "Stop test" });
      await expect(async () => {
        if (!(await stop.isVisible())) await check.getByRole("button", { name: "Test microphone" }).click({ timeout: 2000 });
        await expect(stop).toBeVisible({ timeout: 3000 });
      }).toPass({ timeout: 20_000 });
      await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow")), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect(check.getByText("Your microphone works.")).toBeVisible();
      expect(await check.getByLabel("Microphone").locator("option").count()).toBeGreaterThanOrEqual(2);
      await screenshots(host.page, shots, "mic-check");
      await stop.click();
      return new URL(host.page.url()).pathname.split("/").pop()!;
    });

    await test.step("the others join the waiting room, and the voice runs there already", async () => {
      for (const p of [ben, cleo]) {
        await p.page.getByLabel("Room code").fill(code);
        await p.page.getByRole("button", { name: "Join", exact: true }).click();
        await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}$`));
        // Before sitting down: no voice yet, and the card says that sitting down turns it on.
        await expect(p.page.getByText("once you sit down, the others in the room hear you")).toBeVisible();
        await expect(p.page.getByTestId("voice-bar")).toHaveCount(0);
        await p.page.getByRole("button", { name: "Join", exact: true }).click();
        await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
      }
      for (const p of players) await expectAudioFrom(p.page, others(p));
      for (const p of players) {
        const status = p.page.getByTestId("voice-bar").getByRole("status").first();
        await expect(status).toContainText("Voice on with");
        for (const o of others(p)) await expect(status).toContainText(o.nickname);
        await expect(status).not.toContainText("connecting");
      }
    });

    let linksBeforeStart: Record<string, PeerStats>[] = [];
    await test.step("roles are dealt and read: the game's start keeps the waiting room's links", async () => {
      linksBeforeStart = await Promise.all(players.map((p) => voiceStats(p.page)));
      for (const p of players) await p.page.getByRole("button", { name: "I'm ready" }).click();
      for (const p of players) await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/roles$`));
      for (const p of players) await p.page.getByRole("button", { name: "I've read my role" }).click();
    });

    await test.step("round 1: each chooses alone while the browser records", async () => {
      for (const [i, p] of players.entries()) {
        await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/rounds/1$`));
        await expect(p.page.getByTestId("recording-badge")).toBeVisible({ timeout: 30_000 });
        const options = p.page.getByRole("radiogroup", { name: "Your choice" }).getByRole("radio");
        await options.nth(i % (await options.count())).check();
        await p.page.getByRole("radiogroup", { name: "How confident are you in this choice?" }).getByRole("radio", { name: /^3:/ }).check();
        await p.page.getByRole("button", { name: "Submit my choice" }).click();
      }
      for (const p of players) await expect(p.page.getByRole("heading", { name: "Talk it through" })).toBeVisible();
    });

    await test.step("discussion: both links up on every page, audio flowing, everyone heard speaking", async () => {
      for (const [i, p] of players.entries()) {
        await expectAudioFrom(p.page, others(p));
        // The very links of the waiting room: the game's start rebuilt none.
        const now = await voiceStats(p.page);
        for (const o of others(p)) expect(now[o.id]!.connectionId, `${p.nickname} → ${o.nickname}`).toBe(linksBeforeStart[i]![o.id]!.connectionId);
      }
      for (const p of players) {
        for (const o of others(p)) await expect(seatOf(p.page, o).getByTestId("seat-voice")).toHaveAttribute("data-speaking", "true", { timeout: 20_000 });
      }
      await screenshots(host.page, shots, "in-game");
    });

    await test.step("Ben mutes with M: the others see the muted icon and his ring stops", async () => {
      await ben.page.getByRole("heading", { name: "Talk it through" }).click();
      await ben.page.keyboard.press("m");
      await expect(ben.page.getByTestId("voice-bar").getByRole("button", { name: "Unmute" })).toBeVisible();
      for (const p of [host, cleo]) {
        await expect(seatOf(p.page, ben).getByRole("img", { name: "Muted" })).toBeVisible({ timeout: 15_000 });
        await expect(seatOf(p.page, ben).getByTestId("seat-voice")).toHaveAttribute("data-speaking", "false");
        await expect(seatOf(p.page, p === cleo ? host : cleo).getByTestId("seat-voice")).toHaveAttribute("data-speaking", "true");
      }
      await screenshots(host.page, shots, "in-game-muted");
      // The button unmutes; typing an "m" in the chat toggles nothing.
      await ben.page.getByTestId("voice-bar").getByRole("button", { name: "Unmute" }).click();
      await ben.page.getByRole("textbox", { name: "Message" }).pressSequentially("mmm");
      await expect(ben.page.getByTestId("voice-bar").getByRole("button", { name: "Mute", exact: true })).toBeVisible();
      await ben.page.getByRole("textbox", { name: "Message" }).fill("");
      for (const p of [host, cleo]) {
        await expect(seatOf(p.page, ben).getByRole("img", { name: "Muted" })).toHaveCount(0, { timeout: 15_000 });
        await expect(seatOf(p.page, ben).getByTestId("seat-voice")).toHaveAttribute("data-speaking", "true", { timeout: 15_000 });
      }
    });

    await test.step("Ben's socket drops and comes back: every audio link stays up on the same connection, and the roster re-syncs", async () => {
      const before = await Promise.all(players.map((p) => voiceStats(p.page)));
      for (const [i, p] of players.entries()) for (const o of others(p)) expect(before[i]![o.id]).toMatchObject({ connectionState: "connected" });
      const linkBefore = await hook(ben.page, (h) => h.link());
      expect(linkBefore).toMatchObject({ isConnected: true, roster: [host.id, cleo.id].sort() });

      await hook(ben.page, (h) => h.dropSocket());
      // Back: a new voice:join answered with the others (the roster from the hub, not from memory).
      await expect.poll(() => hook(ben.page, (h) => h.link()), { timeout: 30_000, intervals: [250, 500, 1000] }).toMatchObject({ isConnected: true, joins: linkBefore.joins + 1 });
      expect((await hook(ben.page, (h) => h.link())).roster).toEqual([host.id, cleo.id].sort());
      // The others saw him leave the hub and come back.
      for (const p of [host, cleo]) await expect.poll(async () => (await hook(p.page, (h) => h.link())).roster, { timeout: 15_000 }).toContain(ben.id);

      for (const [i, p] of players.entries()) {
        await expectAudioFrom(p.page, others(p));
        const now = await voiceStats(p.page);
        // The very same RTCPeerConnection objects: nothing was torn down and rebuilt.
        for (const o of others(p)) expect(now[o.id]!.connectionId, `${p.nickname} → ${o.nickname}`).toBe(before[i]![o.id]!.connectionId);
      }
      await expect(ben.page.getByTestId("recording-badge")).toBeVisible();
    });

    let partBeforeReload: { round: number; startedAt: string } | null = null;
    await test.step("Cleo reloads: her audio comes back with both others, who do not reload, and what she recorded before is kept", async () => {
      partBeforeReload = await hook(cleo.page, (h) => h.recorder());
      expect(partBeforeReload).toMatchObject({ round: 1 });
      await cleo.page.reload();
      await expect(cleo.page.getByRole("heading", { name: "Talk it through" })).toBeVisible({ timeout: 30_000 });
      await expectAudioFrom(cleo.page, [host, ben]);
      await expectAudioFrom(host.page, [cleo]);
      await expectAudioFrom(ben.page, [cleo]);
      await expect(cleo.page.getByTestId("recording-badge")).toBeVisible();
      // The reloaded page uploads the part recorded before the reload from the browser's backup.
      await expect
        .poll(async () => (await hook(cleo.page, (h) => h.recordings())).map((r) => r.startedAt), { timeout: 60_000, intervals: [500, 1000] })
        .toContain(partBeforeReload!.startedAt);
      const part = (await hook(cleo.page, (h) => h.recordings())).find((r) => r.startedAt === partBeforeReload!.startedAt)!;
      expect(part.round).toBe(1);
      await expectPlayable(cleo.page, part);
      // A new recording runs for the rest of the round.
      expect((await hook(cleo.page, (h) => h.recorder()))?.startedAt).not.toBe(partBeforeReload!.startedAt);
    });

    await test.step("the round ends: at the reveal each browser uploads its recording", async () => {
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
        await expect(p.page.getByTestId("recording-saved")).toHaveText("Round 1 recording saved.", { timeout: 60_000 });
        await expect(p.page.getByTestId("recording-badge")).toHaveCount(0);
      }
    });

    await test.step("each recording is stored and plays back to its speaker as WebM audio; Cleo's round is in two parts", async () => {
      for (const p of players) {
        const round1 = (await hook(p.page, (h) => h.recordings())).filter((r) => r.round === 1);
        // Ben and the host: one recording of the round (the socket drop did not cut it). Cleo: the part before her reload and the one after.
        expect(round1.map((r) => r.startedAt).sort()).toHaveLength(p === cleo ? 2 : 1);
        if (p === cleo) {
          expect(round1[0]!.startedAt).toBe(partBeforeReload!.startedAt);
          expect(round1[1]!.startedAt > round1[0]!.startedAt).toBe(true);
        }
        for (const rec of round1) await expectPlayable(p.page, rec);
      }
    });
  } catch (e) {
    // Every player's page as it was (the fixture's failure screenshot covers none of these browsers).
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
