/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks types (CI runs it before building); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // These run in server.ts's process and are shared with route handlers through globalThis;
  // keep them out of the route bundles.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pino", "bcryptjs", "socket.io"],
};

export default nextConfig;
