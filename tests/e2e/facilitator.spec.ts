import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// An admin makes a registered user a facilitator; the facilitator writes a game in the editor,
// publishes it, opens a room from it and watches three guests play its first round live.
test.use({ locale: "en-US" });

interface Player {
  context: BrowserContext;
  page: Page;
  nickname: string;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/(lobby|consent)/);
}

async function newGuest(browser: Browser, baseURL: string, nickname: string): Promise<Player> {
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

test("a facilitator writes a game, opens a room from it and watches three players play its first round", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36).slice(-5);
  const username = `fac_${suffix}`;
  const password = "facilitator-password";
  const adminUsername = process.env.E2E_ADMIN_USERNAME!;
  const adminPassword = process.env.E2E_ADMIN_PASSWORD!;
  expect(adminUsername, "E2E_ADMIN_USERNAME is set by global-setup").toBeTruthy();

  // Someone registers; as a player, the facilitator area tells them whom it is for.
  expect((await request.post("/api/users", { data: { username, password } })).status()).toBe(201);
  const facContext = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const fac = await facContext.newPage();
  await signIn(fac, username, password);
  await fac.goto("/facilitator");
  await expect(fac.getByRole("heading", { level: 1, name: "This area is for facilitators" })).toBeVisible();
  await expect(fac.getByRole("banner").getByRole("link", { name: "Facilitator" })).toHaveCount(0);

  // The admin finds them on /admin and makes them a facilitator.
  const adminContext = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 1280, height: 900 } });
  const admin = await adminContext.newPage();
  await signIn(admin, adminUsername, adminPassword);
  await admin.getByRole("banner").getByRole("link", { name: "Admin" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByLabel("Search").fill(username);
  const row = admin.getByTestId(`user-${username}`);
  await expect(row).toBeVisible();
  await expect(admin.getByText("Showing 1 users")).toBeVisible();
  await row.getByLabel(`Role for ${username}`).selectOption("FACILITATOR");
  await row.getByRole("button", { name: /^Change role/ }).click();
  await expect(row.getByText(/^Now Facilitator\./)).toBeVisible();
  await adminContext.close();

  // The role change ended the old session: the facilitator signs in again and finds the area in the header.
  await signIn(fac, username, password);
  await fac.getByRole("banner").getByRole("link", { name: "Facilitator" }).click();
  await expect(fac.getByRole("heading", { level: 1, name: "My games" })).toBeVisible();
  await expect(fac.getByText("No games yet")).toBeVisible();
  await fac.getByRole("link", { name: "New game" }).first().click();
  await expect(fac).toHaveURL(/\/facilitator\/games\/new$/);

  // Saving an empty form shows the shared schema's errors on the fields.
  const editor = fac.getByTestId("game-editor");
  await fac.getByRole("button", { name: "Create game" }).click();
  await expect(editor.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(editor.getByLabel("Title")).toBeFocused();

  const title = `Cameras in class ${suffix}`;
  await editor.getByLabel("Title").fill(title);
  await editor.getByLabel("Summary").fill("A school wants to take attendance with face recognition.");
  await editor.getByLabel("Opening text").fill("A school plans to install cameras that recognise faces to take attendance.\n\nParents and teachers disagree.");
  const roles = [
    ["Principal", "Runs the school.", "The district rewards good attendance numbers."],
    ["Parent", "Has a child at the school.", "Your child was once misidentified by a camera."],
    ["Vendor", "Sells the camera system.", "This contract keeps your company alive."],
  ];
  for (const [i, [name, brief, secret]] of roles.entries()) {
    const role = editor.getByRole("group", { name: `Role ${i + 1}` });
    await role.getByLabel("Name").fill(name!);
    await role.getByLabel("Public brief").fill(brief!);
    await role.getByLabel("Private brief").fill(secret!);
  }
  const round1 = fac.getByTestId("round-1");
  await round1.getByLabel("Question").fill("Should the school install the cameras?");
  await round1.getByLabel("Option A", { exact: true }).fill("Install them");
  await round1.getByLabel("Option B", { exact: true }).fill("Do not install them");
  await round1.getByRole("button", { name: /^Add option/ }).click();
  await round1.getByLabel("Option C", { exact: true }).fill("Try it in one class first");
  await round1.getByLabel("Option C description").fill("A pilot for one term.");
  await fac.getByRole("button", { name: "Add round" }).click();
  const round2 = fac.getByTestId("round-2");
  await round2.getByLabel("Question").fill("Who may see the recordings?");
  await round2.getByLabel("Option A", { exact: true }).fill("Only the school");
  await round2.getByLabel("Option B", { exact: true }).fill("The school and the parents");
  // The counter follows the shared limits.
  await expect(editor.getByText(`${title.length}/120`)).toBeVisible();

  // The preview shows it as a player will see it.
  await fac.getByRole("tab", { name: "Preview as a player" }).click();
  const preview = fac.getByTestId("game-preview");
  await expect(preview.getByRole("heading", { name: title })).toBeVisible();
  await preview.getByRole("radio", { name: "Parent" }).click();
  await expect(preview.getByText("Your child was once misidentified by a camera.")).toBeVisible();
  await expect(preview.getByText("Round 2 of 2")).toBeVisible();
  await fac.getByRole("tab", { name: "Edit" }).click();

  await fac.getByRole("button", { name: "Create game" }).click();
  await expect(fac).toHaveURL(/\/facilitator\/games\/G[A-Z2-9]{6}\?created=1$/);
  const gameCode = new URL(fac.url()).pathname.split("/").pop()!;
  await expect(fac.getByText(`Game created. Its code is ${gameCode}`)).toBeVisible();
  await expect(fac.getByText("Revision 1")).toBeVisible();

  // Publish it, then open one room from it.
  await fac.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(fac.getByText(`“${title}” is published`)).toBeVisible();
  await fac.getByRole("link", { name: "Open rooms" }).click();
  await expect(fac).toHaveURL(new RegExp(`/facilitator/games/${gameCode}/rooms$`));
  await fac.getByRole("button", { name: "Open 1 room(s)" }).click();
  const sheet = fac.getByTestId("room-sheet");
  await expect(sheet.getByTestId("sheet-room")).toHaveCount(1);
  await expect(sheet.getByRole("img", { name: /^QR code linking to room/ })).toBeVisible();
  const code = (await sheet.getByTestId("sheet-room-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(sheet.getByRole("link", { name: new RegExp(`/rooms/${code}$`) })).toBeVisible();

  // The dashboard lists the game as published and played in one room.
  await fac.goto("/facilitator");
  const card = fac.getByTestId(`game-${gameCode}`);
  await expect(card.getByText("Published", { exact: true })).toBeVisible();
  await expect(card.getByRole("heading", { name: title })).toBeVisible();

  // The live monitor shows the new room waiting.
  await fac.getByRole("link", { name: "Live monitor" }).click();
  await expect(fac.getByText("Live", { exact: true })).toBeVisible();
  const monitorRow = fac.getByTestId(`monitor-room-${code}`);
  const phase = monitorRow.getByTestId("monitor-phase");
  await expect(phase).toHaveText("Waiting room");

  // Three guests join by code and play round 1.
  const players = await Promise.all(["Ada", "Ben", "Cleo"].map((name) => newGuest(browser, baseURL!, `${name} ${suffix}`)));
  for (const p of players) {
    await p.page.getByLabel("Room code").fill(code);
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}$`));
    await p.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect(p.page.getByRole("button", { name: "I'm ready" })).toBeVisible();
  }
  await expect(monitorRow.getByText(players[2]!.nickname, { exact: true })).toBeVisible();
  for (const p of players) await p.page.getByRole("button", { name: "I'm ready" }).click();
  await expect(phase).toHaveText(/^(Reading roles|Individual choice)$/);
  for (const p of players) {
    await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/roles$`));
    await p.page.getByRole("button", { name: "I've read my role" }).click();
  }

  await expect(phase).toHaveText("Individual choice");
  await expect(monitorRow.getByText("Round 1/2")).toBeVisible();
  for (const [i, p] of players.entries()) {
    await expect(p.page.getByRole("heading", { name: "Should the school install the cameras?" })).toBeVisible();
    await p.page.getByRole("radiogroup", { name: "Your choice" }).getByRole("radio").nth(i).check();
    await p.page.getByRole("radiogroup", { name: "How confident are you in this choice?" }).getByRole("radio", { name: /^3:/ }).check();
    await p.page.getByRole("button", { name: "Submit my choice" }).click();
    await expect(p.page.getByRole("heading", { name: /^(Your answer is in|Talk it through)$/ })).toBeVisible();
  }

  // Discussion: the monitor follows; a player asks for ideas for their role.
  await expect(phase).toHaveText("Discussion");
  const [ada] = players;
  await ada!.page.getByRole("button", { name: "Ideas for my role" }).click();
  const ideas = ada!.page.getByTestId("role-prompts");
  await expect(ideas.getByText(/^(AI suggestions|Suggested questions)$/)).toBeVisible();
  await expect(ideas.getByRole("listitem").first()).toBeVisible();
  for (const p of players) await p.page.getByRole("button", { name: "Vote to end discussion" }).click();

  await expect(phase).toHaveText("Consensus");
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

  await expect(phase).toHaveText("Reveal");
  for (const p of players) {
    await expect(p.page.getByTestId("round-consensus")).toHaveText("A. Install them");
    await p.page.getByRole("button", { name: "Continue" }).click();
  }
  await expect(phase).toHaveText("Individual choice");
  await expect(monitorRow.getByText("Round 2/2")).toBeVisible();

  // The phase log records every step, with who caused it.
  await monitorRow.getByRole("button", { name: /^Phase log/ }).click();
  const log = fac.getByRole("dialog", { name: "Phase log" });
  await expect(log.getByTestId("phase-log").getByRole("listitem")).not.toHaveCount(0);
  await expect(log.getByText("Consensus", { exact: true })).toBeVisible();
  await log.getByRole("button", { name: "Close" }).click();
  await expect(log).toBeHidden();

  // Rescue tools: skip the stuck phase, then end the room (each after confirming).
  await monitorRow.getByRole("button", { name: /^Skip phase/ }).click();
  await monitorRow.getByRole("group", { name: "Skip phase" }).getByRole("button", { name: "Skip phase" }).click();
  await expect(phase).toHaveText("Discussion");
  await monitorRow.getByRole("button", { name: /^End room/ }).click();
  await monitorRow.getByRole("group", { name: "End room" }).getByRole("button", { name: "End room" }).click();
  await expect(phase).toHaveText("Ended early");
  for (const p of players) await expect(p.page).toHaveURL(new RegExp(`/rooms/${code}/summary$`));

  await Promise.all([...players.map((p) => p.context.close()), facContext.close()]);
});
