import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { writeUiFontSubset } from "./scripts/font-subset.mjs";

const isDev = process.env.NODE_ENV !== "production";

// The app's own origin serves pages, API and the Socket.IO hub (ws: / wss:); voice is
// peer-to-peer (WebRTC needs no connect-src entry) and recordings play from blob: URLs.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "microphone=(self), camera=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets a second build live beside the usual .next (e.g. one per developer tool).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks types (CI runs it before building); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // These run in server.ts's process and are shared with route handlers through globalThis;
  // keep them out of the route bundles.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pino", "bcryptjs", "socket.io", "xlsx"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// Every build and dev server first makes the font file of the UI's own Hangul syllables
// (scripts/font-subset.mjs; app/layout.tsx imports its stylesheet), however it was started
// (`npm run build`, `npm start`'s build, `next build`, the dev server).
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) await writeUiFontSubset();
  return nextConfig;
}
