import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppProviders } from "@/components/app-providers";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { createTranslator } from "@/lib/i18n/messages";
import { getLocale, getT } from "@/lib/i18n/server";
// Pretendard covers Korean and Latin; shipped in an npm package, so the build needs no network.
// Its dynamic subsets declare each file with the unicode-range it covers, so a browser downloads
// only those holding the characters on the page; the UI's own Hangul syllables come from one
// more file of the same family made at build time (scripts/font-subset.mjs), declared after
// them. A Korean page: ~120 kB of font instead of the whole 2 MB.
import "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";
import "./fonts/pretendard-ui.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { default: t("app.name"), template: `%s · ${t("app.name")}` },
    description: t("app.description"),
    applicationName: t("app.name"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#ffffff",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = createTranslator(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
        >
          {t("common.skipToContent")}
        </a>
        <AppProviders locale={locale}>
          <SiteHeader />
          <div className="flex flex-1 flex-col">{children}</div>
          <SiteFooter />
        </AppProviders>
      </body>
    </html>
  );
}
