import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite and Prisma's driver adapters load WASM and native modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pg-cursor"],
  poweredByHeader: false,
  // The test suites build after `npm test` has type-checked the whole tree; they skip Next's second pass.
  typescript: { ignoreBuildErrors: process.env.SLOTPAY_BUILD_SKIP_TYPECHECK === "1" },
  // The frontend calls the versioned paths; both serve the same handlers.
  async rewrites() {
    return [{ source: "/api/v1/admin/:path*", destination: "/api/admin/:path*" }];
  },
};

export default nextConfig;
