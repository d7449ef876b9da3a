import type { BrowserContext, Page } from "@playwright/test";

/** What a first visit to a page downloaded, as Chromium counts it (bytes on the wire, after compression). */
export interface PageWeight {
  url: string;
  totalBytes: number;
  fontBytes: number;
  fonts: string[];
  requests: number;
  /** Whether the page's text is drawn in Pretendard (its font files loaded and matching the page's characters). */
  usesPretendard: boolean;
}

// Run in the page as a string: tsx's helpers (e.g. __name) do not exist there.
// The first family of the body's font stack that has loaded faces (next/font renames its
// families) must be Pretendard, and every visible letter of the page covered by a loaded face of it.
const USES_PRETENDARD = `(() => {
  const unquote = (name) => name.trim().replace(/^["']|["']$/g, "");
  const stack = getComputedStyle(document.body).fontFamily.split(",").map(unquote);
  const loaded = [...document.fonts].filter((f) => f.status === "loaded");
  const family = stack.find((name) => loaded.some((f) => unquote(f.family) === name));
  if (!family || !/pretendard/i.test(family)) return false;
  const ranges = loaded
    .filter((f) => unquote(f.family) === family)
    .flatMap((f) => f.unicodeRange.split(","))
    .map((r) => r.trim().replace(/^U\\+/i, "").split("-").map((h) => parseInt(h, 16)))
    .map(([a, b]) => [a, b ?? a]);
  const letters = new Set([...document.body.innerText].filter((ch) => /[\\p{L}\\p{N}]/u.test(ch)));
  return [...letters].every((ch) => ranges.some(([a, b]) => ch.codePointAt(0) >= a && ch.codePointAt(0) <= b));
})()`;

/**
 * Opens `path` in `context` (a fresh one: nothing cached) and adds up the bytes every request of
 * the visit transferred until the page, its fonts and the network are quiet. Uses the
 * DevTools protocol, so it needs Chromium.
 */
export async function measureFirstVisit(context: BrowserContext, baseUrl: string, path: string, prepare?: (page: Page) => Promise<void>): Promise<PageWeight> {
  const page = await context.newPage();
  try {
    if (prepare) await prepare(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const urls = new Map<string, { url: string; type: string }>();
    const bytes = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, { url: e.response.url, type: e.type }));
    cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));
    cdp.on("Network.webSocketFrameReceived", () => undefined);
    await page.goto(baseUrl + path, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.waitForLoadState("networkidle");
    const usesPretendard = (await page.evaluate(USES_PRETENDARD)) as boolean;
    let totalBytes = 0;
    let fontBytes = 0;
    const fonts: string[] = [];
    for (const [id, n] of bytes) {
      totalBytes += n;
      const info = urls.get(id);
      if (info?.type === "Font") {
        fontBytes += n;
        fonts.push(info.url.split("/").pop() ?? info.url);
      }
    }
    await cdp.detach();
    return { url: path, totalBytes, fontBytes, fonts, requests: bytes.size, usesPretendard };
  } finally {
    await page.close();
  }
}
