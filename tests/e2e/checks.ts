import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The narrowest phone the product supports: no page may scroll sideways on it. */
export const PHONE = { width: 360, height: 740 } as const;

/**
 * The page fits its viewport: the document is no wider than the window, so nothing scrolls
 * sideways (a phone would cut off whatever sticks out). Names the widest elements on failure.
 */
export async function expectFitsScreen(page: Page): Promise<void> {
  const { docWidth, viewport, widest } = await page.evaluate(() => {
    const viewport = window.innerWidth;
    const docWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const widest = [...document.querySelectorAll("body *")]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > viewport + 0.5)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "").split(" ").slice(0, 3).join(".")} right=${Math.round(right)}`);
    return { docWidth, viewport, widest };
  });
  expect(docWidth, `${page.url()} is ${docWidth}px wide in a ${viewport}px window: ${widest.join("; ")}`).toBeLessThanOrEqual(viewport);
}

/** No WCAG 2.1 A/AA violation that axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page, opts: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}
