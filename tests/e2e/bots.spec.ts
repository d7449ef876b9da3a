import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, test } from "./fixtures";

// A facilitator tries out their own (unpublished) game: from the live monitor, bots fill the
// empty seats of a waiting room and play it through while the monitor follows. A room whose
// seats were taken meanwhile gets a clear refusal.
test.use({ locale: "en-US" });

async function signIn(request: APIRequestContext, username: string, password: string): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { username, password, csrfToken, json: "true" } });
  expect(res.status()).toBeLessThan(400);
  expect((await (await request.get("/api/users/me")).json()).username).toBe(username);
}

/** A new facilitator account (made one by the admin), signed in in a fresh browser context. */
async function newFacilitator(browser: Browser, baseURL: string) {
  const username = `botfac_${Date.now().toString(36).slice(-5)}`;
  const password = "facilitator-password";
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const registered = await context.request.post("/api/users", { data: { username, password } });
  expect(registered.status()).toBe(201);
  const { id } = await registered.json();
  const adminContext = await browser.newContext({ baseURL });
  await signIn(adminContext.request, process.env.E2E_ADMIN_USERNAME!, process.env.E2E_ADMIN_PASSWORD!);
  expect((await adminContext.request.put(`/api/admin/users/${id}/role`, { data: { role: "FACILITATOR" } })).status()).toBe(200);
  await adminContext.close();
  await signIn(context.request, username, password);
  return context;
}

test("a facilitator fills a waiting room with bots from the live monitor and watches them play it through", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const context = await newFacilitator(browser, baseURL!);
  const api = context.request;

  // An unpublished one-round game of their own, with two rooms opened from it.
  const role = (name: string) => ({ name, brief: `The ${name.toLowerCase()}'s view.`, privateBrief: "A secret." });
  const game = await api.post("/api/custom-games", {
    data: {
      locale: "en",
      title: "Robot referees",
      summary: "Should a school league use AI referees?",
      opening: "A school league considers AI referees for its football games.",
      roles: [role("Coach"), role("Player"), role("Parent")],
      rounds: [{ question: "Use AI referees next season?", options: [{ label: "Yes", description: "" }, { label: "No", description: "" }] }],
    },
  });
  expect(game.status()).toBe(201);
  const { code: gameCode } = await game.json();
  const opened = await api.post(`/api/custom-games/${gameCode}/rooms`, { data: { count: 2, titlePrefix: "Trial" } });
  expect(opened.status()).toBe(201);
  const [first, second] = ((await opened.json()).rooms as { code: string }[]).map((r) => r.code);

  const page = await context.newPage();
  await page.goto("/facilitator/monitor");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const row = page.getByTestId(`monitor-room-${first}`);
  const phase = row.getByTestId("monitor-phase");
  await expect(phase).toHaveText("Waiting room");
  const seats = [0, 1, 2].map((i) => row.getByTestId(`monitor-seat-${i}`));
  for (const seat of seats) await expect(seat).toContainText("Empty seat");

  // Fill the seats: the button says it is working, then names the bots, which appear live.
  const fill = row.getByRole("button", { name: /^Fill empty seats with bots/ });
  await fill.click();
  const bots = [1, 2, 3].map((n) => `Bot ${first}-${n}`);
  await expect(row.getByTestId("fill-with-bots").getByRole("status")).toHaveText(`${bots[0]}, ${bots[1]} and ${bots[2]} took the empty seats and will play the game through. A room with bots counts as test data.`, { timeout: 60_000 });
  for (const [i, name] of bots.entries()) await expect(seats[i]!.getByText(name, { exact: true })).toBeVisible();
  await expect(fill).toHaveCount(0);

  // They get ready, read their roles and play the one round to the end.
  await expect(phase).not.toHaveText("Waiting room", { timeout: 60_000 });
  await expect(phase).toHaveText("Finished", { timeout: 180_000 });

  // The second room's seats are taken just before the click reaches the server: a clear refusal.
  const other = page.getByTestId(`monitor-room-${second}`);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/facilitator/rooms/${second}/bots`, async (route) => {
    await held;
    const meanwhile = await api.post(`/api/facilitator/rooms/${second}/bots`);
    expect(meanwhile.status()).toBe(201);
    await route.continue();
  });
  await other.getByRole("button", { name: /^Fill empty seats with bots/ }).click();
  // While the request is on its way, the button shows that it is working.
  const pending = other.getByRole("button", { name: /^Adding bots…/ });
  await expect(pending).toBeDisabled();
  await expect(pending).toHaveAttribute("aria-busy", "true");
  release();
  await expect(other.getByTestId("fill-with-bots").getByRole("alert")).toHaveText("Every seat is already taken.", { timeout: 90_000 });
  await page.unroute(`**/api/facilitator/rooms/${second}/bots`);
  await expect(other.getByText(`Bot ${second}-3`, { exact: true })).toBeVisible();

  // End that room; its bots stop with it.
  expect((await api.post(`/api/rooms/${second}/advance`, { data: { reason: "demo over", end: true } })).status()).toBe(200);
  await expect(other.getByTestId("monitor-phase")).toHaveText("Ended early");
  await context.close();
});
