import type { NextConfig } from "next";
import { largestBodyLimitBytes } from "./lib/http/body-limits";
import { constantSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite and Prisma's driver adapters load WASM and native modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "pg-cursor"],
  poweredByHeader: false,
  // The test suites build after `npm test` has type-checked the whole tree; they skip Next's second pass.
  typescript: { ignoreBuildErrors: process.env.SLOTPAY_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    // Next buffers bodies for proxy.ts up to this and silently cuts the rest; one byte over the
    // largest limit makes any cut body too large for every route, so none is ever taken as whole.
    proxyClientMaxBodySize: largestBodyLimitBytes + 1,
  },
  async headers() {
    return [{ source: "/:path*", headers: constantSecurityHeaders }];
  },
  // The frontend calls the versioned paths; both serve the same handlers.
  async rewrites() {
    return [{ source: "/api/v1/admin/:path*", destination: "/api/admin/:path*" }];
  },
};

export default nextConfig;
