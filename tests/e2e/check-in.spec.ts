import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import type { RoomSnapshot } from "@/lib/domain/snapshot";
import { fakeMicrophoneArgs } from "../support/fake-microphone";
import { expectAccessible, expectFitsScreen } from "./checks";
import { expect, test } from "./fixtures";

// "Are you still there?" (issue 17, item 7): a player who does nothing through a whole phase
// gets a dialog with a countdown and "I'm here"; left unanswered, it says they are shown as
// away, and "I'm here" brings them back. The room's own check-in time (a room setting) keeps it
// short; the two others play through the API. The silent player's browser has a silent
// microphone: Chromium's default fake one beeps, and speaking counts as being there.

/** A WAV of silence for the fake microphone. */
function silentWav(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "aedg-silence-")), "silence.wav");
  const rate = 48_000;
  const data = Buffer.alloc(rate * 2 * 5);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
  return file;
}

/** A context signed in as a new guest (its pages and `request` share the cookies). */
async function guestContext(browser: Browser, baseURL: string, nickname: string, opts: { locale: string; viewport: { width: number; height: number } }) {
  const context: BrowserContext = await browser.newContext({ baseURL, locale: opts.locale, viewport: opts.viewport });
  const request: APIRequestContext = context.request;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/guest", { form: { nickname, csrfToken, json: "true" } });
  expect(res.ok(), "guest sign-in").toBe(true);
  const me = await request.get("/api/users/me");
  expect((await request.put("/api/users/me/consent", { data: { dataConsent: true, voiceConsent: false } })).status()).toBe(200);
  return { context, request, id: (await me.json()).id as string };
}

async function ok(request: APIRequestContext, path: string, data: unknown = {}): Promise<RoomSnapshot> {
  const res = await request.post(path, { data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

const cases = [
  { name: "English, desktop", locale: "en-US", viewport: { width: 1440, height: 900 }, title: "Are you still there?", countdown: /^\d+ s left to answer$/, away: "You're shown as away", button: "I'm here" },
  { name: "Korean, phone", locale: "ko-KR", viewport: { width: 390, height: 844 }, title: "아직 계신가요?", countdown: /^응답까지 \d+초$/, away: "자리 비움으로 표시되었습니다", button: "여기 있어요" },
] as const;

for (const c of cases) {
  test(`check-in (${c.name}): asked after a silent phase, shown away when unanswered, back with "I'm here"`, async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    const suffix = Date.now().toString(36).slice(-5);
    const quiet = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: fakeMicrophoneArgs(silentWav()) });
    const me = await guestContext(quiet, baseURL!, `Quiet${suffix}`, c);
    const others = [await guestContext(browser, baseURL!, `Ana${suffix}`, c), await guestContext(browser, baseURL!, `Bo${suffix}`, c)];

    const created = await me.request.post("/api/rooms", { data: { visibility: "private", settings: { individualSeconds: 10, discussionSeconds: 600, graceSeconds: 600, checkInSeconds: 30 } } });
    expect(created.status(), await created.text()).toBe(201);
    const code: string = (await created.json()).code;
    for (const p of [me, ...others]) await ok(p.request, `/api/rooms/${code}/join`);
    for (const p of [me, ...others]) await ok(p.request, `/api/rooms/${code}/ready`, { ready: true });
    for (const p of [me, ...others]) await ok(p.request, `/api/rooms/${code}/roles/confirm`);

    // The others answer round 1; I watch it and do nothing.
    for (const p of others) await ok(p.request, `/api/rooms/${code}/rounds/1/choice`, { choice: 0, confidence: 3 });
    const page = await me.context.newPage();
    await page.goto(`/rooms/${code}/rounds/1`);

    // The individual phase's timer ends: the question, with its countdown.
    const dialog = page.getByRole("dialog", { name: c.title });
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText(c.countdown)).toBeVisible();
    const button = dialog.getByRole("button", { name: c.button });
    await expect(button).toBeFocused();
    await expectFitsScreen(page);
    await expectAccessible(page);

    // Unanswered: shown as away, to me and to the others.
    await expect(page.getByRole("dialog", { name: c.away })).toBeVisible({ timeout: 60_000 });
    const seen = (await (await others[0]!.request.get(`/api/rooms/${code}`)).json()) as RoomSnapshot;
    expect(seen.seats.find((s) => s.userId === me.id)).toMatchObject({ connected: false });
    await expectFitsScreen(page);
    await expectAccessible(page);

    // "I'm here" from the keyboard: present again.
    await expect(page.getByRole("button", { name: c.button })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const back = (await (await others[0]!.request.get(`/api/rooms/${code}`)).json()) as RoomSnapshot;
    expect(back.seats.find((s) => s.userId === me.id)).toMatchObject({ connected: true, checkInBy: null });

    for (const p of [me, ...others]) await p.context.close();
    await quiet.close();
  });
}
