import { expect, test } from "./fixtures";

// The browser asks for English; the cookie set by the switch overrides it.
test.use({ locale: "en-US" });

test("a guest picks a nickname, gives consent and reaches the lobby", async ({ page }) => {
  const nickname = `Guest ${Date.now().toString(36).slice(-5)}`;

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "AI Ethics Dilemma Game" })).toBeVisible();
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Play as guest" }).click();

  await expect(page).toHaveURL(/\/consent$/);
  await expect(page.getByRole("heading", { level: 1, name: "Before you play" })).toBeVisible();
  // A new guest has given no consent yet; continuing without changes is allowed.
  await expect(page.getByRole("checkbox", { name: "Use my game data for research" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Record my voice during games" })).not.toBeChecked();
  await page.getByRole("checkbox", { name: "Use my game data for research" }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(/\/lobby$/);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${nickname}` })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header.getByText(nickname)).toBeVisible();
  await expect(header.getByText("Guest", { exact: true })).toBeVisible();
  await expect(page.getByText("No open rooms yet — rooms will appear here")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create room" })).toBeEnabled();

  // The choice was saved: coming back shows it checked.
  await page.goto("/consent");
  await expect(page.getByRole("checkbox", { name: "Use my game data for research" })).toBeChecked();

  // Signing out leaves the lobby behind a sign-in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/lobby");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=\/lobby$/);
});

test("the language switch changes the page between English and Korean", async ({ page }) => {
  await page.goto("/");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("AI Ethics Dilemma Game");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "한국어" }).click();
  await expect(heading).toHaveText("AI 윤리 딜레마 게임");
  await expect(page.getByRole("button", { name: "게스트로 시작" })).toBeVisible();
  await expect(page.getByRole("button", { name: "한국어" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");

  // The choice is remembered by the server-rendered page.
  await page.reload();
  await expect(heading).toHaveText("AI 윤리 딜레마 게임");

  await page.getByRole("button", { name: "English" }).click();
  await expect(heading).toHaveText("AI Ethics Dilemma Game");
  await expect(page.getByRole("button", { name: "Play as guest" })).toBeVisible();
  await page.reload();
  await expect(heading).toHaveText("AI Ethics Dilemma Game");
});
