import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Three players in three browser contexts play a whole game through the UI.
test.use({ locale: "en-US" });

interface Player {
  context: BrowserContext;
  page: Page;
  nickname: string;
}

async function newPlayer(browser: Browser, baseURL: string, nickname: string): Promise<Player> {
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

test("three players create, join and play a private room to the summary", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36).slice(-4);
  const players = await Promise.all(["Ada", "Ben", "Cleo"].map((name) => newPlayer(browser, baseURL!, `${name} ${suffix}`)));
  const [host, ...guests] = players as [Player, Player, Player];

  // The host opens a private room on the first scenario and lands in it, seated.
  await host.page.getByRole("radio", { name: /Private/ }).check();
  await expect(host.page.getByLabel("Scenario")).not.toHaveValue("");
  await host.page.getByRole("button", { name: "Create room" }).click();
  await expect(host.page).toHaveURL(/\/rooms\/[A-Z2-9]{6}$/);
  const code = new URL(host.page.url()).pathname.split("/").pop()!;
  await expect(host.page.getByRole("heading", { level: 1, name: "Waiting room" })).toBeVisible();
  await expect(host.page.getByTestId("room-code")).toHaveText(code);

  // The others type the code into "Join by code", then take a seat.
  for (const p of guests) {
    await p.page.getByLabel("Room code").fill(code);
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}$`));
    await expect(p.page.getByText(p.nickname, { exact: true }).first()).toBeVisible();
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
  }
  for (const p of players) await expect(p.page.getByText("Seats taken: 3/3 · Ready: 0/3")).toBeVisible();

  // From here on, with the socket connected, the UI sends its moves over it (room:command),
  // not as REST requests.
  const restMoves: string[] = [];
  const moveRoute = /\/api\/rooms\/[A-Z2-9]{6}\/(ready|roles\/confirm|rounds\/\d+\/(choice|discussion\/end|consensus|consensus-confidence|continue))$/;
  for (const p of players) p.page.on("request", (r) => void (r.method() === "POST" && moveRoute.test(new URL(r.url()).pathname) && restMoves.push(new URL(r.url()).pathname)));

  // All ready: roles are dealt at random and everyone moves to the roles page.
  for (const p of players) await p.page.getByRole("button", { name: "I'm ready" }).click();
  for (const p of players) {
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/roles$`));
    await expect(p.page.getByText("Only you can see this").first()).toBeVisible();
  }
  for (const p of players) await p.page.getByRole("button", { name: "I've read my role" }).click();

  await expect(host.page).toHaveURL(new RegExp(`/rooms/${code}/rounds/1$`));
  const roundOf = await host.page.getByText(/^Round 1 of \d+$/).textContent();
  const totalRounds = Number(roundOf!.match(/of (\d+)/)![1]);
  expect(totalRounds).toBeGreaterThanOrEqual(1);

  for (let round = 1; round <= totalRounds; round++) {
    // Alone: each picks an option (differently) and a confidence.
    for (const [i, p] of players.entries()) {
      await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/rounds/${round}$`));
      await expect(p.page.getByText(`Round ${round} of ${totalRounds}`)).toBeVisible();
      const options = p.page.getByRole("radiogroup", { name: "Your choice" }).getByRole("radio");
      await options.nth(i % (await options.count())).check();
      await p.page.getByRole("radiogroup", { name: "How confident are you in this choice?" }).getByRole("radio", { name: /^3:/ }).check();
      await p.page.getByRole("button", { name: "Submit my choice" }).click();
      // The last answer moves the room on to the discussion at once.
      await expect(p.page.getByRole("heading", { name: /^(Your answer is in|Talk it through)$/ })).toBeVisible();
    }

    // Discussion: all three vote to end it.
    for (const p of players) await p.page.getByRole("button", { name: "Vote to end discussion" }).click();

    // Consensus: the host proposes option A, the others agree; then each rates the decision.
    for (const p of players) {
      const back = p.page.getByRole("button", { name: /option A$/ });
      await expect(back).toBeEnabled();
      await back.click();
      // The third to back it completes the consensus, and the page asks for a rating instead.
      await expect(p.page.getByRole("button", { name: "You back this option A" }).or(p.page.getByText("The group agreed on"))).toBeVisible();
    }
    for (const p of players) {
      await p.page.getByRole("radiogroup", { name: "How confident are you in the group's decision?" }).getByRole("radio", { name: /^4:/ }).check();
      await p.page.getByRole("button", { name: "Submit rating" }).click();
    }

    // Reveal: individual choices against the consensus; everyone continues.
    for (const p of players) {
      await expect(p.page.getByTestId("round-consensus")).toHaveText(/^A\. /);
      await expect(p.page.getByRole("table")).toContainText(host.nickname);
      await p.page.getByRole("button", { name: "Continue" }).click();
    }
  }

  // Everyone sees the same summary: one group decision per round, option A each time.
  const summaries: string[][] = [];
  for (const p of players) {
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/summary$`));
    await expect(p.page.getByRole("heading", { level: 1, name: "Game summary" })).toBeVisible();
    await expect(p.page.getByTestId("round-consensus")).toHaveCount(totalRounds);
    await expect(p.page.getByText(`${totalRounds}/${totalRounds}`, { exact: true })).toBeVisible();
    summaries.push(await p.page.getByTestId("round-consensus").allTextContents());
  }
  expect(summaries[0]).toHaveLength(totalRounds);
  for (const text of summaries[0]!) expect(text).toMatch(/^A\. /);
  expect(summaries[1]).toEqual(summaries[0]);
  expect(summaries[2]).toEqual(summaries[0]);
  // Every move of the game went over the socket.
  expect(restMoves).toEqual([]);

  await Promise.all(players.map((p) => p.context.close()));
});
