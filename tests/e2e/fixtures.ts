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
 * Runs in the page: null when the window is not phone-sized or the document fits it, else how
 * wide the document is and the elements that stick out. Self-contained (sent to the page as text).
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

/** Measures the pages of a context once more, as they are now (before it closes, at a test's end). */
async function measureOpenPages(context: BrowserContext, found: Overflow[]): Promise<void> {
  for (const page of context.pages()) {
    if (page.isClosed()) continue;
    // A page closing or between documents has nothing to measure.
    const overflow = await page.evaluate(measureOverflow, [PHONE_MIN_WIDTH, PHONE_MAX_WIDTH] as const).catch(() => null);
    if (overflow) found.push(overflow);
  }
}

/** Every context of a worker's browser, watched from its creation; what they found since the last test's end. */
class PhoneWidthWatch {
  readonly found: Overflow[] = [];
  private readonly watched = new Set<BrowserContext>();

  async watch(context: BrowserContext): Promise<void> {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    context.once("close", () => this.watched.delete(context));
    await context.exposeBinding(BINDING, (_source, overflow: Overflow) => void this.found.push(overflow));
    await context.addInitScript({ content: WATCH_SCRIPT });
    // A test that closes its own context: its pages are measured one last time first.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await measureOpenPages(context, this.found);
      return close(options);
    };
  }

  /** Measures a context's open pages now. */
  measure(context: BrowserContext): Promise<void> {
    return measureOpenPages(context, this.found);
  }

  /** The overflows found so far, open pages measured once more; forgets them. */
  async take(): Promise<string[]> {
    for (const context of this.watched) await measureOpenPages(context, this.found);
    const seen = new Set<string>();
    const lines = this.found
      .map((o) => `${o.url} is ${o.docWidth}px wide in a ${o.viewport}px window: ${o.widest.join("; ")}`)
      .filter((line) => !seen.has(line) && seen.add(line));
    this.found.length = 0;
    return lines;
  }
}

/**
 * `baseURL` is the server started by global-setup.ts. Every context of the browser (the default
 * one, and those a test or a hook makes with `browser.newContext` / `browser.newPage`) is watched
 * from its creation: any page shown at phone size (280–480 px wide) must be no wider than its
 * window, at every moment it is shown. A test fails at its end, naming each page that was wider
 * and what stuck out.
 */
export const test = base.extend<{ _fitsScreen: void }, { _phoneWidthWatch: PhoneWidthWatch }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
    await provide(url);
  },

  _phoneWidthWatch: [
    async ({ browser }, provide) => {
      const watch = new PhoneWidthWatch();
      // browser.newPage goes through newContext too; so does the default `context` fixture.
      const target = browser as Browser & { newContext: Browser["newContext"] };
      const newContext = target.newContext;
      target.newContext = async function (this: Browser, options) {
        const context = await newContext.call(this, options);
        await watch.watch(context);
        return context;
      };
      try {
        await provide(watch);
      } finally {
        target.newContext = newContext;
      }
    },
    { scope: "worker", auto: true },
  ],

  _fitsScreen: [
    async ({ _phoneWidthWatch }, provide) => {
      // What a beforeAll hook's pages showed counts against the first test.
      await provide();
      expect(await _phoneWidthWatch.take(), "pages wider than the phone screen they were shown on").toEqual([]);
    },
    { auto: true },
  ],

  context: async ({ context, _phoneWidthWatch }, provide) => {
    await _phoneWidthWatch.watch(context);
    await provide(context);
    await _phoneWidthWatch.measure(context);
  },
});

export { expect };
