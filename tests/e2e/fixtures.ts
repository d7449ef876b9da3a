import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

/** Windows this wide count as phones: every page shown this narrow must fit it. */
export const PHONE_MAX_WIDTH = 480;
/** Narrower than any phone: a full-page screenshot passes through such sizes while it resizes the window. */
const PHONE_MIN_WIDTH = 280;

/** A page, seen at phone size, that was wider than its window. */
interface Overflow {
  url: string;
  docWidth: number;
  viewport: number;
  widest: string[];
}

/**
 * Runs in the page: null when the window is wider than a phone or the document fits it, else
 * how wide it is and the elements that stick out. Self-contained (it is sent to the page as text).
 */
function measureOverflow([minWidth, maxWidth]: readonly [number, number]): Overflow | null {
  const viewport = window.innerWidth;
  if (viewport < minWidth || viewport > maxWidth || !document.body) return null;
  const docWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (docWidth <= viewport) return null;
  const widest = [...document.querySelectorAll("body *")]
    .map((el) => ({ el, right: el.getBoundingClientRect().right }))
    .filter((x) => x.right > viewport + 0.5)
    .slice(-5)
    .map(({ el, right }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} right=${Math.round(right)}`);
  return { url: location.href, docWidth, viewport, widest };
}

const BINDING = "__e2eReportOverflow";

/**
 * Watches every document of the context: after each change of the page (navigation, render,
 * resize, late fonts) it measures, at most once a frame, and reports a page at phone size that
 * is wider than its window. Covers client-side navigations and states a test never asserts on.
 */
const WATCH_SCRIPT = `(() => {
  if (window !== window.top) return;
  const measure = ${measureOverflow.toString()};
  const seen = new Set();
  let pending = false;
  const check = () => {
    pending = false;
    const found = measure([${PHONE_MIN_WIDTH}, ${PHONE_MAX_WIDTH}]);
    if (!found) return;
    const key = location.pathname + location.search + " " + found.docWidth + "/" + found.viewport;
    if (seen.has(key)) return;
    seen.add(key);
    window.${BINDING}?.(found);
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(check);
  };
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener("resize", schedule);
  addEventListener("load", schedule);
  document.fonts?.addEventListener?.("loadingdone", schedule);
})();`;

interface FitsScreenGuard {
  /** Starts watching a context's pages (idempotent). */
  watch(context: BrowserContext): Promise<void>;
  /** Measures the context's open pages now. */
  measure(context: BrowserContext): Promise<void>;
}

/** Measures the pages of a context once more, as they are now (before it closes, at the end). */
async function measureOpenPages(context: BrowserContext, found: Overflow[]): Promise<void> {
  for (const page of context.pages()) {
    if (page.isClosed()) continue;
    const overflow = await page.evaluate(measureOverflow, [PHONE_MIN_WIDTH, PHONE_MAX_WIDTH] as const).catch(() => null);
    if (overflow && !found.some((o) => o.url === overflow.url && o.docWidth === overflow.docWidth)) found.push(overflow);
  }
}

/**
 * `baseURL` is the server started by global-setup.ts. Every browser context of a test (the
 * default one and those made with `browser.newContext` / `browser.newPage`) is watched: any page
 * shown at phone size (≤ PHONE_MAX_WIDTH px wide) must be no wider than its window, at every
 * moment the test sees it. The test fails at its end, naming each page and what stuck out.
 */
export const test = base.extend<{ _fitsScreen: FitsScreenGuard }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
    await provide(url);
  },

  _fitsScreen: [
    async ({ browser }, provide) => {
      const found: Overflow[] = [];
      const watched = new Set<BrowserContext>();

      const watch = async (context: BrowserContext) => {
        if (watched.has(context)) return;
        watched.add(context);
        await context.exposeBinding(BINDING, (_source, overflow: Overflow) => void found.push(overflow));
        await context.addInitScript({ content: WATCH_SCRIPT });
        // A test that closes its own context: measure its pages one last time first.
        const close = context.close.bind(context);
        context.close = async (options) => {
          await measureOpenPages(context, found);
          return close(options);
        };
      };

      // Contexts a test makes itself (browser.newPage goes through newContext too).
      const target = browser as Browser & { newContext: Browser["newContext"] };
      const newContext = target.newContext;
      target.newContext = async function (this: Browser, options) {
        const context = await newContext.call(this, options);
        await watch(context);
        return context;
      };
      try {
        await provide({ watch, measure: (context) => measureOpenPages(context, found) });
      } finally {
        target.newContext = newContext;
      }
      for (const context of watched) await measureOpenPages(context, found);
      const lines = found.map((o) => `${o.url} is ${o.docWidth}px wide in a ${o.viewport}px window: ${o.widest.join("; ")}`);
      expect(lines, "pages wider than the phone screen they were shown on").toEqual([]);
    },
    { auto: true },
  ],

  context: async ({ context, _fitsScreen }, provide) => {
    await _fitsScreen.watch(context);
    await provide(context);
    await _fitsScreen.measure(context);
  },
});

export { expect };
