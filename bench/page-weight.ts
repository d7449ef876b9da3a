// npm run bench -- page-weight [--url URL] [--smoke]
//
// What a phone downloads on its first visit (nothing cached), in bytes on the wire as Chromium
// counts them: the home page in English and in Korean, and a room's page in Korean (a guest
// who opened a room). Thirty phones on one classroom Wi-Fi each download this at once.
// Baseline: the same visit with the whole Pretendard variable font (2 MB) in place of the
// subsets the page loaded, which is what the app sent before it loaded subsets. Bytes do not
// vary with the machine's load, so --smoke measures the same pages.
import { chromium, type BrowserContext } from "@playwright/test";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Args } from "./lib/args";
import { measureFirstVisit, type PageWeight } from "./lib/page-weight";
import { Report } from "./lib/report";
import { productServer } from "./lib/servers";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BUDGET_KB = 500;

const wholeFontBytes = () => statSync(path.join(path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve("pretendard/package.json")), "dist/web/variable/woff2/PretendardVariable.woff2")).size;

/** A guest signed in in `context` who opened a private room; answers its code. */
async function openRoom(context: BrowserContext): Promise<string> {
  const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/guest", { form: { nickname: "Weigher", csrfToken: csrf.csrfToken, json: "true" } });
  const r = await context.request.post("/api/rooms", { data: { visibility: "private" } });
  if (!r.ok()) throw new Error(`POST /api/rooms: ${r.status()} ${await r.text()}`);
  return ((await r.json()) as { code: string }).code;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = new Args(argv);
  const report = new Report(
    "page-weight",
    "bytes a first visit transfers (no cache; HTML, scripts, styles, fonts, data) at 390 px, as Chromium counts them on the wire",
    "the same visit with the whole Pretendard variable font (what was sent before subsets)",
    args.smoke,
  );
  const server = await productServer(args, "embedded");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-background-networking"] });
  try {
    const whole = wholeFontBytes();
    // The home page is what every phone of a class opens first (target); a room's page is reported.
    const visits: [string, string, (c: BrowserContext) => Promise<string>, boolean][] = [
      ["home page, English", "en-US", async () => "/", true],
      ["home page, Korean", "ko-KR", async () => "/", true],
      ["a room's page, Korean (a guest who opened it)", "ko-KR", async (c) => `/rooms/${await openRoom(c)}`, false],
    ];
    for (const [measure, locale, pathFor, hasTarget] of visits) {
      const context = await browser.newContext({ baseURL: server.url, locale, viewport: { width: 390, height: 844 } });
      try {
        const w: PageWeight = await measureFirstVisit(context, server.url, await pathFor(context));
        console.log(`  ${measure}: ${w.totalBytes} B in ${w.requests} requests; fonts ${w.fontBytes} B in ${w.fonts.length} files; drawn in Pretendard: ${w.usesPretendard}`);
        const kb = (b: number) => Math.round(b / 102.4) / 10;
        report.add({ measure, figure: kb(w.totalBytes), unit: "kB", baseline: kb(w.totalBytes - w.fontBytes + whole), ...(hasTarget ? { target: `≤ ${BUDGET_KB} kB`, met: w.totalBytes <= BUDGET_KB * 1024 } : {}) });
        report.add({ measure: `  of which fonts (${w.fonts.length} files)`, figure: kb(w.fontBytes), unit: "kB", baseline: kb(whole) });
        report.add({ measure: `  text drawn in Pretendard`, figure: w.usesPretendard ? "yes" : "no", target: "yes", met: w.usesPretendard });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  report.print();
}

if (process.argv[1] && /page-weight\.[tj]s$/.test(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
